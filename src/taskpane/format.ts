// Dates as the pane shows them: "30 Nov 2026, 14:05" / "2026年11月30日 14:05", in the reader's time zone.
import type { Language } from '../i18n';

export function formatDate(iso: string, language: Language): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time).toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: language === 'ja' ? 'long' : 'medium', timeStyle: 'short' });
}
