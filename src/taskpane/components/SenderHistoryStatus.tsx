// Where the sender-history check stands, under the reasons: checking, what the mailbox knows about an
// address that raised nothing, or why it could not be checked (with a way to allow it when permission
// is what is missing). What the history means for the verdict is a reason like any other (rule
// sender-history); this line only says whether the check ran.
import type { Finding } from '../../engine/model';
import type { Language } from '../../i18n';
import { senderHistoryWords } from '../../i18n/sender-history';
import type { HistoryStatus } from '../useSenderHistory';
import { PaneButton } from './PaneButton';
import { paneSectionClasses as classes, paneSectionStyles } from './PaneSections.styles';
import { useStyleSheets } from './stylesheet';

function yearOf(iso: string | undefined): string | undefined {
  return iso && /^\d{4}-/.test(iso) ? iso.slice(0, 4) : undefined;
}

export function SenderHistoryStatus({ status, findings, language, onAllow }: { status: HistoryStatus; findings: readonly Finding[]; language: Language; onAllow: () => void }) {
  useStyleSheets(paneSectionStyles);
  const words = senderHistoryWords(language);
  if (status.kind === 'off') return null;
  if (status.kind === 'checking') {
    return (
      <p className={`${classes.section} ${classes.muted}`} data-testid="sender-history" data-state="checking">
        {words.checking}
      </p>
    );
  }
  if (status.kind === 'checked') {
    // A finding about the history is already one of the reasons; repeat nothing.
    const { received } = status.history;
    if (findings.some((finding) => finding.rule === 'sender-history') || received.count === 0) return null;
    return (
      <p className={`${classes.section} ${classes.muted}`} data-testid="sender-history" data-state="checked">
        {words.known(received.count, received.more === true, yearOf(received.since))}
      </p>
    );
  }
  return (
    <div className={classes.section} data-testid="sender-history" data-state="unavailable" data-problem={status.problem}>
      <p className={classes.muted} style={{ margin: '0 0 6px' }}>
        {words.unavailable}: {words.problems[status.problem]}
      </p>
      {status.canAllow && (
        <PaneButton size="small" onClick={onAllow}>
          {words.allow}
        </PaneButton>
      )}
    </div>
  );
}
