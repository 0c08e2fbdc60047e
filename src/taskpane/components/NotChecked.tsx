// What could not be checked on this message (no headers on this client, no body, attachment contents),
// so nobody mistakes "nothing found" for "everything checked".
import type { Verdict } from '../../engine/model';
import type { ReadCapabilities } from '../../office/read-message';
import { localized, type Language } from '../../i18n';
import { detailStringsFor } from '../../i18n/details';
import { paneSectionClasses as classes, paneSectionStyles } from './PaneSections.styles';
import { useStyleSheets } from './stylesheet';

export function NotChecked({ verdict, capabilities, language }: { verdict: Verdict; capabilities: ReadCapabilities; language: Language }) {
  useStyleSheets(paneSectionStyles);
  const d = detailStringsFor(language);
  const headersProblem = capabilities.headers === 'read' ? undefined : capabilities.headers;
  if (verdict.notChecked.length === 0 && !headersProblem && capabilities.body !== 'failed') return null;
  return (
    <section aria-labelledby="ll-not-checked-heading" data-testid="not-checked" className={classes.section}>
      <h2 id="ll-not-checked-heading" className={classes.heading}>
        {d.notCheckedHeading}
      </h2>
      {headersProblem && (
        <div className={classes.caution} data-headers={headersProblem}>
          <h3 style={{ margin: '0 0 4px', fontSize: '14px' }}>{d.headersUnavailableTitle}</h3>
          <p style={{ margin: 0 }}>{d.headersUnavailable[headersProblem]}</p>
        </div>
      )}
      {capabilities.body === 'failed' && <p>{d.bodyUnavailable}</p>}
      {verdict.notChecked.length > 0 && (
        <>
          <p>{d.notCheckedIntro}</p>
          <ul className={classes.list}>
            {verdict.notChecked.map((item) => (
              <li key={item.rule}>
                <strong>{localized(item.title, language)}</strong> — {d.notCheckedWhy[item.missing]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
