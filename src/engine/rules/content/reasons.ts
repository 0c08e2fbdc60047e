// Evidence sentences in both languages. English reasons are short clauses joined with "; ";
// Japanese ones are whole sentences (ending in "。") and simply follow one another.
import type { LocalizedText } from '../../model';

export function joinReasons(reasons: readonly LocalizedText[]): LocalizedText {
  return {
    en: reasons.map((reason) => reason.en).join('; '),
    ja: reasons.map((reason) => reason.ja).join(''),
  };
}
