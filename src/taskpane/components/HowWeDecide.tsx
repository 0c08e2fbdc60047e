// How a verdict comes about, for the curious: points per sign, the thresholds, and why wording alone
// never warns. Collapsed; the score itself lives here, not on the card.
import { COMBINATION, THRESHOLDS } from '../../engine/analyze';
import type { Verdict } from '../../engine/model';
import type { Language } from '../../i18n';
import { detailStringsFor } from '../../i18n/details';
import { paneSectionClasses as classes, paneSectionStyles } from './PaneSections.styles';
import { useStyleSheets } from './stylesheet';

export function HowWeDecide({ verdict, language }: { verdict: Verdict; language: Language }) {
  useStyleSheets(paneSectionStyles);
  const d = detailStringsFor(language);
  return (
    <section className={classes.section} data-testid="how-we-decide">
      <details>
        <summary>{d.whyHeading}</summary>
        <p>{d.scoreLabel(verdict.score)}</p>
        <p>{d.whyPoints(COMBINATION.points)}</p>
        <p>{d.whyThresholds(THRESHOLDS.suspicious, THRESHOLDS.dangerous)}</p>
        <p>{d.whyWording}</p>
      </details>
    </section>
  );
}
