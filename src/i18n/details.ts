// The detail dictionaries (DetailStrings): the evidence, the sections below the reasons and the report
// form. Imported only by those parts, so their words load with them, after the verdict is on screen.
import { enDetails } from './en-details';
import { jaDetails } from './ja-details';
import type { DetailStrings, Language } from './strings';

export function detailStringsFor(language: Language): DetailStrings {
  return language === 'ja' ? jaDetails : enDetails;
}
