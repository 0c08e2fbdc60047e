// At most three reasons under the verdict, each one plain sentence; its evidence is one click away
// (a disclosure whose content loads only when opened). Under a clean verdict the same list is neutral
// information ("What Lure Lens noticed"): no warning colour, lure topics said as topics.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { MailMessage, VerdictLevel } from '../../engine/model';
import { localized, type Language, type Strings } from '../../i18n';
import { MAX_REASONS, type Reason } from '../reasons';
import { named } from '../named';
import { truncate, visible } from '../visible';
import { paneSectionClasses as sections, paneSectionStyles } from './PaneSections.styles';
import { reasonListClasses as classes, reasonListStyles, type ReasonTone } from './ReasonList.styles';
import { useStyleSheets } from './stylesheet';

const ReasonDetails = lazy(() => import(/* webpackChunkName: "pane-details" */ './ReasonDetails.js').then((module) => ({ default: module.ReasonDetails })));

/** Starts loading the details' script, e.g. once the verdict is on screen, so opening a reason is instant. */
export function preloadReasonDetails(): void {
  void import(/* webpackChunkName: "pane-details" */ './ReasonDetails.js').catch(() => undefined);
}

const TONE: Record<VerdictLevel, ReasonTone> = { clean: 'neutral', suspicious: 'warning', dangerous: 'danger' };

/**
 * The reason's sentence. Under a clean verdict nothing may read as a warning: lure wording is said as
 * the topics it mentions, a link or an attachment as the plain fact ("It links to onedrive.live.com").
 */
export function reasonSentence(reason: Reason, level: VerdictLevel, t: Strings, language: Language): string {
  if (level !== 'clean') return localized(reason.title, language);
  const fact = reason.findings[0].evidence.find((evidence) => evidence.kind === 'link' || evidence.kind === 'attachment');
  if (reason.key.startsWith('link:') && fact?.kind === 'link') return t.noticedLink(visible(fact.host));
  if (reason.key.startsWith('attachment:') && fact?.kind === 'attachment') return t.noticedAttachment(truncate(visible(fact.name), 80).shown);
  const wordingOnly = reason.findings.every((finding) => finding.category === 'wording');
  if (wordingOnly) {
    const topics: string[] = [];
    for (const finding of reason.findings) {
      for (const evidence of finding.evidence) {
        if (evidence.kind !== 'phrase') continue;
        const topic = named(t.topicNames, evidence.category) ?? evidence.category;
        if (!topics.includes(topic)) topics.push(topic);
      }
    }
    if (topics.length > 0) return t.topicsMentioned(t.listJoin(topics.slice(0, 4)));
  }
  return localized(reason.title, language);
}

function ReasonItem({ reason, level, message, t, language }: { reason: Reason; level: VerdictLevel; message: MailMessage; t: Strings; language: Language }) {
  const [open, setOpen] = useState(false);
  return (
    <li>
      <details className={`${classes.item} ${classes.tone[reason.informational ? 'neutral' : TONE[level]]}`} data-reason={reason.key} data-rule={reason.findings.map((finding) => finding.rule).join(' ')} open={open}>
        {/* Opened by React, so the details' script is asked for exactly when the reader opens one. */}
        <summary
          className={classes.summary}
          onClick={(event) => {
            event.preventDefault();
            setOpen((value) => !value);
          }}
        >
          {reasonSentence(reason, level, t, language)}
        </summary>
        {open && (
          <div className={classes.body}>
            <Suspense fallback={<p>{t.loadingDetails}</p>}>
              <ReasonDetails reason={reason} level={level} message={message} t={t} language={language} />
            </Suspense>
          </div>
        )}
      </details>
    </li>
  );
}

export function ReasonList({ reasons, level, message, t, language }: { reasons: Reason[]; level: VerdictLevel; message: MailMessage; t: Strings; language: Language }) {
  useStyleSheets(paneSectionStyles, reasonListStyles);
  if (reasons.length === 0) return null;
  const item = (reason: Reason): ReactNode => <ReasonItem key={reason.key} reason={reason} level={level} message={message} t={t} language={language} />;
  const shown = reasons.slice(0, MAX_REASONS);
  const rest = reasons.slice(MAX_REASONS);
  return (
    <section className={`${classes.root} ${sections.section}`} aria-labelledby="ll-reasons-heading" data-testid="reasons">
      <h2 id="ll-reasons-heading" className={sections.heading}>
        {level === 'clean' ? t.noticedHeading : t.reasonsHeading}
      </h2>
      {level === 'clean' && <p className={classes.intro}>{t.noticedIntro}</p>}
      <ul className={classes.list}>{shown.map(item)}</ul>
      {rest.length > 0 && (
        <details className={classes.more}>
          <summary>{t.moreReasons(rest.length)}</summary>
          <ul className={classes.list}>{rest.map(item)}</ul>
        </details>
      )}
    </section>
  );
}
