// The message arrived without a Message-ID of its own. Every mail program and mailing service gives
// each message one when it is written (RFC 5322 §3.6.4); bulk-sending scripts that talk straight to
// the receiving server often do not, and the receiving system then fills one in: Microsoft 365 writes
// "<…@XXXEUR03FT032.eop-EUR03.prod.protection.outlook.com>" (the host of its own front door), Gmail
// "<…SMTPIN_ADDED_MISSING@mx.google.com>". Low on its own: it adds up with other signs.
//
// What it must leave alone:
// - delivery status notifications, abuse feedback and other reports (multipart/report), and mail from
//   a mail system's own mailbox (MAILER-DAEMON, postmaster), which some systems send without one;
// - mail sent from Microsoft 365, whose identifiers name the sender's mailbox server
//   ("@SA0PR04MB7370.namprd04.prod.outlook.com", no "eop-" front-door host);
// - forwarded originals quoted inline, which carry only the header lines the forwarder quoted
//   (engine/forwarded.ts).
import type { Rule } from '../rule';
import { headerValues } from '../sender/identity';
import { isMailSystemReport } from '../../mail/delivery-report';

/** Mail systems' own senders. */
const SYSTEM_SENDER = /^(?:mailer-daemon|postmaster)(?:@|$)/i;
/**
 * Identifiers the receiving system writes for a message that came without one: Microsoft 365's
 * Exchange Online Protection front-door hosts ("…FT032.eop-EUR03.prod.protection.outlook.com") and
 * Gmail's marker. Anchored at the end and bounded, so no input makes them slow.
 */
const ADDED_BY_RECEIVER = [/@[a-z0-9]{1,40}\.eop-[a-z0-9]{1,20}\.prod\.protection\.outlook\.com>?\s*$/i, /SMTPIN_ADDED_MISSING@/i];
/** Real identifiers are well under this; more is not read. */
const MAX_ID = 1000;

export const missingMessageId: Rule = {
  id: 'missing-message-id',
  title: {
    en: 'The message came without an identifier of its own',
    ja: 'メール自体に識別子（Message-ID）がありません',
  },
  explanation: {
    en: 'Mail programs give every message an identifier (Message-ID); this one had none, so your mail system added it. Bulk scams often come without one. It matters together with other signs.',
    ja: 'メールソフトは各メールに識別子（Message-ID）を付けますが、このメールにはなく受信側が付け足しました。他の兆候と組み合わさった場合に意味を持ちます。',
  },
  severity: 'low',
  category: 'structure',
  requires: ['headers'],
  check(message) {
    // Only a header block the transport wrote is complete enough to miss something (Received lines);
    // a source that gave a few fields, or none, proves nothing.
    if (headerValues(message, 'Received').length === 0) return undefined;
    if (!message.from || SYSTEM_SENDER.test(message.from.address.trim()) || isMailSystemReport(message)) return undefined;
    const id = headerValues(message, 'Message-ID')[0]?.trim().slice(0, MAX_ID);
    if (id && !ADDED_BY_RECEIVER.some((pattern) => pattern.test(id))) return undefined;
    return { evidence: [{ kind: 'header', name: 'Message-ID', value: id || '(none)', meaning: missingMessageId.title }] };
  },
};
