// "My reports": what this user reported and what the security team decided, plus reports still
// waiting on this device (or refused, with the service's words). Subjects are message text: SafeText.
import type { Language, Strings } from '../../i18n';
import { detailStringsFor } from '../../i18n/details';
import { formatDate } from '../format';
import { SafeText } from '../SafeText';
import { PaneButton } from './PaneButton';
import type { MyReportsView, PaneReporterLike } from '../useReports';
import { paneSectionClasses as classes, paneSectionStyles } from './PaneSections.styles';
import { useStyleSheets } from './stylesheet';

export function MyReports({ reporter, view, onRefresh, t, language }: { reporter: PaneReporterLike; view: MyReportsView; onRefresh: () => void; t: Strings; language: Language }) {
  useStyleSheets(paneSectionStyles);
  const d = detailStringsFor(language);
  const { reports, pending, failed } = view;
  return (
    <section aria-labelledby="ll-my-reports-heading" className={classes.section} data-testid="my-reports">
      <h2 id="ll-my-reports-heading" className={classes.heading}>
        {d.myReportsHeading}
      </h2>
      {pending.length > 0 && (
        <>
          <h3>{d.pendingHeading}</h3>
          <ul className={classes.list}>
            {pending.map((entry) => (
              <li key={entry.key} data-state={entry.state}>
                <SafeText value={entry.subject} max={100} /> — {d.pendingState[entry.state]} ({d.pendingAttempts(entry.attempts)})
                {entry.serverMessage && (
                  <>
                    {' '}
                    <SafeText value={entry.serverMessage} max={200} />
                  </>
                )}
                {entry.state === 'rejected' && reporter.dismiss && (
                  <PaneButton size="small" appearance="subtle" onClick={() => void reporter.dismiss!(entry.key).then(onRefresh, onRefresh)}>
                    {d.dismiss}
                  </PaneButton>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {reports === undefined ? (
        <p className={classes.muted}>{t.loadingDetails}</p>
      ) : failed ? (
        <p>{d.myReportsLoadFailed}</p>
      ) : reports.length === 0 ? (
        pending.length === 0 && <p className={classes.muted}>{d.myReportsEmpty}</p>
      ) : (
        <ul className={classes.list}>
          {reports.map((report) => (
            <li key={report.id} data-disposition={report.disposition}>
              <strong>
                <SafeText value={report.subject} max={100} />
              </strong>
              <br />
              {t.disposition[report.disposition]} · {d.reportedDate(formatDate(report.receivedAt, language))}
              {report.feedback && (
                <>
                  <br />
                  {t.feedback}: <SafeText value={report.feedback} max={400} multiline />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <PaneButton size="small" onClick={onRefresh}>
        {d.myReportsRefresh}
      </PaneButton>
    </section>
  );
}
