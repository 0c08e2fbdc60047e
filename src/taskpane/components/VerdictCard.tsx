// The first thing in the pane: is it safe, and what do I do? The level, one sentence, and the action
// (passed in as children) — all within the first 320×600 of the pane.
import type { ReactNode } from 'react';
import type { VerdictLevel } from '../../engine/model';
import type { Strings } from '../../i18n';
import { SafeText } from '../SafeText';
import { verdictCardClasses as classes, verdictCardStyles } from './VerdictCard.styles';
import { useStyleSheets } from './stylesheet';

/** A shield with a tick, a triangle with "!", an octagon with "×" (24 px, currentColor). */
const ICON_PATHS: Record<VerdictLevel, string> = {
  clean: 'M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Zm-1.2 14.2-3.5-3.5 1.4-1.4 2.1 2.1 4.9-4.9 1.4 1.4-6.3 6.3Z',
  suspicious: 'M12 2 1 21h22L12 2Zm1 15h-2v-2h2v2Zm0-4h-2V9h2v4Z',
  dangerous: 'M8.3 2h7.4L22 8.3v7.4L15.7 22H8.3L2 15.7V8.3L8.3 2Zm1.1 5.9L7.9 9.4l2.6 2.6-2.6 2.6 1.5 1.5 2.6-2.6 2.6 2.6 1.5-1.5-2.6-2.6 2.6-2.6-1.5-1.5-2.6 2.6-2.6-2.6Z',
};

export const VERDICT_TITLE_ID = 'll-verdict-title';

export function VerdictCard({ level, subject, t, children }: { level: VerdictLevel; subject: string; t: Strings; children?: ReactNode }) {
  useStyleSheets(verdictCardStyles);
  return (
    <section className={`${classes.root} ${classes.level[level]}`} aria-labelledby={VERDICT_TITLE_ID} data-verdict={level} data-testid="verdict-card">
      {subject && (
        <p className={classes.subject}>
          <SafeText value={subject} max={160} />
        </p>
      )}
      <div className={classes.head}>
        <svg className={classes.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d={ICON_PATHS[level]} />
        </svg>
        <h1 id={VERDICT_TITLE_ID} className={classes.title}>
          {t.verdictTitle[level]}
        </h1>
      </div>
      <p className={classes.sentence}>{t.verdictSentence[level]}</p>
      {children}
    </section>
  );
}
