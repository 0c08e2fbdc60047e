// How a verdict comes about, for the curious: points per sign, the thresholds, and why wording alone
// never warns. Collapsed; the score itself lives here, not on the card.
import { COMBINATION, THRESHOLDS } from '../../engine/analyze';
import type { Verdict } from '../../engine/model';
import type { Strings } from '../../i18n';
import { paneSectionClasses as classes, paneSectionStyles } from './PaneSections.styles';
import { useStyleSheets } from './stylesheet';

export function HowWeDecide({ verdict, t }: { verdict: Verdict; t: Strings }) {
  useStyleSheets(paneSectionStyles);
  return (
    <section className={classes.section} data-testid="how-we-decide">
      <details>
        <summary>{t.whyHeading}</summary>
        <p>{t.scoreLabel(verdict.score)}</p>
        <p>{t.whyPoints(COMBINATION.points)}</p>
        <p>{t.whyThresholds(THRESHOLDS.suspicious, THRESHOLDS.dangerous)}</p>
        <p>{t.whyWording}</p>
      </details>
    </section>
  );
}
