// CSV for people who live in spreadsheets. RFC 4180 (CRLF rows, fields with quotes, commas or line
// breaks quoted, quotes doubled), and every cell that a spreadsheet would run as a formula
// (starting with = + - @, tab or CR) is prefixed with an apostrophe: the values come from hostile mail.
// URLs in the RFC 3986 form every export shares (indicators/uri.ts).
import { exportUri } from '../indicators/uri';
import type { CampaignRecord, IndicatorOccurrence } from '../store/types';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const INDICATOR_CSV_HEADER = ['campaign_id', 'campaign_title', 'type', 'value', 'name', 'first_seen', 'last_seen', 'reports'] as const;

/**
 * With a UTF-8 byte-order mark: without it Excel opens UTF-8 CSV as the local code page and
 * Japanese subjects and file names become mojibake.
 */
export function indicatorsCsv(campaign: CampaignRecord, indicators: readonly IndicatorOccurrence[]): string {
  const rows = indicators.map((i) => [campaign.id, campaign.title, i.type, i.type === 'url' ? exportUri(i.value) : i.value, i.name, i.firstSeen, i.lastSeen, i.reports]);
  return '\uFEFF' + toCsv([[...INDICATOR_CSV_HEADER], ...rows]);
}
