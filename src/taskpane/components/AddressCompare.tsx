// The address a message claims and the one it really comes from, one above the other, with the
// characters that differ marked: "k.watanabe@example.or.jp" over "k.watanabe@example-or.jp".
import type { DetailStrings } from '../../i18n';
import { diffStrings } from '../diff';
import { Highlighted } from '../SafeText';
import { reasonDetailsClasses as classes, type MarkTone } from './ReasonDetails.styles';

export interface Comparison {
  claimedLabel: string;
  claimed: string;
  actualLabel: string;
  actual: string;
  /** Positions in `actual` (code points) the engine named as look-alike characters. */
  extra?: readonly number[];
}

export function AddressCompare({ comparison, tone, d }: { comparison: Comparison; tone: MarkTone; d: DetailStrings }) {
  const diff = diffStrings(comparison.actual, comparison.claimed, comparison.extra);
  return (
    <div className={`${classes.compare} ${classes.mark[tone]}`} data-testid="address-compare">
      <span className={classes.compareLabel}>{comparison.claimedLabel}</span>
      <span className={classes.compareValue} data-role="claimed">
        <Highlighted segments={diff.b} />
      </span>
      <span className={classes.compareLabel}>{comparison.actualLabel}</span>
      <span className={classes.compareValue} data-role="actual">
        <Highlighted segments={diff.a} />
      </span>
      <p className={classes.compareNote}>{d.differencesMarked}</p>
    </div>
  );
}
