// The reporting settings of policy.json with the built-in defaults merged in. Kept apart from
// resolve.ts because Outlook's Report button (dist/web/commands.js, one file for a JavaScript-only
// runtime) needs only this part: nothing here may import the public suffix list (tldts) or the
// built-in data lists. resolvePolicy uses the same functions, so the pane, the service, the CLI and
// the button always agree on where reports go.
import type { LocalizedText } from '../engine/model';
import type { ReportChannel, ReportingPolicy } from './types';
import { asciiHost } from '../mail/host-ascii';
import { stripInvisible } from '../engine/text/normalize';

/** Order in which configured channels are tried when policy.json does not list them. */
export const DEFAULT_CHANNEL_ORDER: readonly ReportChannel[] = ['endpoint', 'mailbox', 'compose'];

/** Reporting settings that apply when policy.json leaves them out. */
export const DEFAULT_REPORTING: Readonly<Required<Pick<ReportingPolicy, 'afterReport' | 'reportedFolderName'>>> = {
  // Out of the inbox but recoverable if the report was a mistake.
  afterReport: 'junk',
  reportedFolderName: 'Reported phishing',
};

/** Lower-case ASCII without trailing dot; undefined when it is not a host name at all. */
export function normalizeDomain(value: string): string | undefined {
  return asciiHost(value.trim());
}

export function normalizeEmail(value: string): string | undefined {
  const at = value.lastIndexOf('@');
  if (at <= 0) return undefined;
  const domain = normalizeDomain(value.slice(at + 1));
  if (!domain) return undefined;
  return `${value.slice(0, at).trim().toLowerCase()}@${domain}`;
}

/** NFKC, invisible characters removed, single spaces; case kept for display. */
export function normalizeLabel(value: string): string {
  return stripInvisible(value).normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** The values without undefined, empty and repeated entries (by `key`), in their first order. */
export function unique<T>(values: Iterable<T | undefined>, key: (value: T) => string = String): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const value of values) {
    if (value === undefined) continue;
    const id = key(value);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    result.push(value);
  }
  return result;
}

function resolveChannels(reporting: ReportingPolicy): ReportChannel[] {
  const configured: Record<ReportChannel, boolean> = {
    endpoint: Boolean(reporting.endpointUrl),
    mailbox: Boolean(reporting.securityMailbox && reporting.entraClientId),
    compose: true,
  };
  const listed = reporting.channels ?? DEFAULT_CHANNEL_ORDER.filter((channel) => configured[channel]);
  // The compose fallback needs nothing but Outlook itself, so it is always the last resort.
  return [...unique(listed.filter((channel) => channel !== 'compose')), 'compose'];
}

/**
 * policy.json's `reporting` (validated) with defaults filled in: the channels to try in order,
 * always ending with compose; addresses and names normalised. The same result as
 * resolvePolicy(policy).reporting, but a new, unfrozen object on every call.
 */
export function resolveReporting(reporting: ReportingPolicy | undefined): ReportingPolicy {
  const given = reporting ?? {};
  const resolved: ReportingPolicy = {
    channels: resolveChannels(given),
    afterReport: given.afterReport ?? DEFAULT_REPORTING.afterReport,
    reportedFolderName: given.reportedFolderName ? normalizeLabel(given.reportedFolderName) : DEFAULT_REPORTING.reportedFolderName,
  };
  if (given.endpointUrl) resolved.endpointUrl = given.endpointUrl.trim();
  if (given.endpointToken) resolved.endpointToken = given.endpointToken;
  if (given.endpointScope) resolved.endpointScope = given.endpointScope.trim();
  if (given.securityMailbox) resolved.securityMailbox = normalizeEmail(given.securityMailbox) ?? given.securityMailbox.trim();
  if (given.entraClientId) resolved.entraClientId = given.entraClientId.toLowerCase();
  if (given.securityTeamName) resolved.securityTeamName = normalizeLabel(given.securityTeamName);
  if (given.securityTeamNameJa) resolved.securityTeamNameJa = normalizeLabel(given.securityTeamNameJa);
  return resolved;
}

/** The security team's name in both languages, each falling back to the other; undefined when policy.json names none. */
export function securityTeamName(reporting: ReportingPolicy | undefined): LocalizedText | undefined {
  const en = reporting?.securityTeamName ?? reporting?.securityTeamNameJa;
  const ja = reporting?.securityTeamNameJa ?? reporting?.securityTeamName;
  return en && ja ? { en, ja } : undefined;
}
