// The pane's words in English and Japanese.
import type { LocalizedText } from '../engine/model';
import { en } from './en';
import { ja } from './ja';
import type { Language, Strings } from './strings';

export type { DetailStrings, Language, ReportReason, Strings } from './strings';
export { en, ja };
export { languageFor } from './language';

export function stringsFor(language: Language): Strings {
  return language === 'ja' ? ja : en;
}

export function localized(text: LocalizedText, language: Language): string {
  return (language === 'ja' ? text.ja : text.en) || text.en;
}
