// Which of our two languages a language tag asks for, for every surface (pane, console, CLI): Japanese
// for any ja tag, English otherwise. Kept apart from the dictionaries so a page can ask without loading them.
import type { Language } from './strings';

/** Office.context.displayLanguage or navigator.language ("ja-JP", "en-US", …) -> our language. */
export function languageFor(tag: string | undefined): Language {
  return /^ja\b/i.test(tag ?? '') ? 'ja' : 'en';
}
