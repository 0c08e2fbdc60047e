// Keys that say "these reports are copies of one campaign". Two reports sharing any key belong to
// the same campaign; a report whose keys hit two campaigns merges them (see SqliteStore.assignCampaign).
// Keys are hashed so their length is bounded whatever the message contains.
import type { MailMessage } from '../engine/model';
import { normalizeText } from '../engine/text/normalize';
import { canonicalHost, domainOfAddress } from '../mail/hosts';
import { registrableDomain, sha256Hex, type IndicatorSet } from './indicators';
import { cutText } from './store/limits';

/** Reply and forward markers in the languages our users write (after NFKC and lower-casing). */
const REPLY_PREFIX = /^(?:re|fw|fwd|aw|wg|sv|vs|tr|rv|antw|enc|res|回复|回覆|答复|转发|轉寄|返信|転送|返|転)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/u;
/** Tags gateways and people put in front: [external], 【外部】, [spam?]. */
const LEADING_TAG = /^(?:\[[^\]]{0,30}\]|【[^】]{0,30}】)\s*/u;
/** A subject shorter than this after normalisation ("hi", "RE: 123") says nothing about a campaign. */
const MIN_SUBJECT_LENGTH = 4;
const MAX_SUBJECT_LENGTH = 1000;

/**
 * The subject as a campaign key: NFKC, lower case, invisible characters removed, reply/forward
 * prefixes and leading tags stripped (repeatedly: "RE: FW: 転送: …"), digits and white space removed
 * so per-recipient numbers ("Invoice 4471") do not split a campaign.
 */
export function normaliseSubject(subject: string): string {
  let value = normalizeText(subject.slice(0, MAX_SUBJECT_LENGTH));
  for (let i = 0; i < 20; i++) {
    const next = value.replace(REPLY_PREFIX, '').replace(LEADING_TAG, '');
    if (next === value) break;
    value = next;
  }
  return value.replace(/[\p{Nd}\p{No}\s]/gu, '');
}

export function normaliseMessageId(messageId: string | undefined): string | undefined {
  const value = (messageId ?? '').trim().replace(/^<|>$/g, '').trim().toLowerCase();
  return value && value.length <= 998 ? value : undefined;
}

export type GroupingKind = 'raw' | 'message-id' | 'subject' | 'url' | 'attachment';

/** A campaign key with what it stands for, so the console can say why reports were grouped. */
export interface GroupingKey {
  key: string;
  kind: GroupingKind;
  /** Readable form: the SHA-256, the Message-ID, "domain — subject", the URL (bounded). */
  label: string;
}

/** Labels are message text: bounded like every other field kept from the message. */
const MAX_LABEL = 500;

export function groupingKeys(message: MailMessage | undefined, rawSha256: string, found: IndicatorSet | undefined): GroupingKey[] {
  const keys: GroupingKey[] = [{ key: 'raw:' + rawSha256, kind: 'raw', label: rawSha256 }];
  const add = (kind: GroupingKind, key: string, label: string) => keys.push({ key: `${kind}:${key}`, kind, label: cutText(label, MAX_LABEL) });
  if (!message) return keys;
  const messageId = normaliseMessageId(message.messageId);
  if (messageId) add('message-id', sha256Hex(messageId), messageId);
  const senderHost = canonicalHost(domainOfAddress(message.from?.address ?? ''));
  const subject = normaliseSubject(message.subject);
  if (senderHost && subject.length >= MIN_SUBJECT_LENGTH) {
    const domain = senderHost.isIp ? senderHost.ascii : registrableDomain(senderHost.ascii);
    add('subject', sha256Hex(domain + '\u0000' + subject), `${domain} — ${normalizeText(message.subject.slice(0, MAX_LABEL))}`);
  }
  for (const url of found?.distinctiveUrls ?? []) add('url', sha256Hex(url), url);
  for (const indicator of found?.indicators ?? []) {
    if (indicator.type === 'attachment') add('attachment', indicator.value, indicator.name ? `${indicator.value} (${indicator.name})` : indicator.value);
  }
  const seen = new Set<string>();
  return keys.filter((entry) => !seen.has(entry.key) && seen.add(entry.key));
}
