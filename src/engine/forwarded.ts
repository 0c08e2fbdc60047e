// Forwarded originals analysed as the message: when someone forwards a lure (inline, or as an
// attached .eml), the lure's own sender, links, attachments and wording are what the reader is
// being asked about. Each original is analysed with the same rules; a rule that already fired on
// the forwarding message is not counted twice. The parser bounds how many originals there are and
// how deep they nest (mail/forwarded.ts), so this adds at most that many analyses.
// A report a mail system writes (a bounce, a read receipt, an abuse report) returns a message rather
// than forwarding one: usually the reader's own outgoing mail, so it is never judged as a lure here,
// whichever source filled in `forwarded`.
import type { Evidence, Finding, MailMessage, Verdict } from './model';
import { isMailSystemReport } from '../mail/delivery-report';

/** Evidence kept per carried-over finding, after the note saying where it was found. */
const MAX_EVIDENCE = 9;

/**
 * Findings that an inline original (a few header lines the forwarder's mail program quoted) cannot
 * support: programs quote the sender by name only and drop recipients, and quoted lines carry no
 * authentication, so these would fire on every ordinary forward.
 */
const NEEDS_REAL_HEADERS: ReadonlySet<string> = new Set(['malformed-sender-address', 'hidden-recipients', 'internal-sender-spoof']);

function whereFound(original: MailMessage, how: 'attached' | 'inline'): Evidence {
  const from = original.from?.address || original.from?.name || '?';
  const subject = original.subject ? ` “${original.subject.slice(0, 120)}”` : '';
  return {
    kind: 'note',
    text:
      how === 'attached'
        ? { en: `In the attached original message from ${from}${subject}`, ja: `添付された元のメッセージ（差出人：${from}${subject}）の中で見つかりました。` }
        : { en: `In the forwarded message from ${from}${subject}`, ja: `転送されたメッセージ（差出人：${from}${subject}）の中で見つかりました。` },
  };
}

/** Findings of the forwarded originals whose rules did not already fire on `message` itself. */
export function forwardedFindings(message: MailMessage, own: readonly Finding[], analyzeOriginal: (original: MailMessage) => Verdict): Finding[] {
  if (!message.forwarded?.length || isMailSystemReport(message)) return [];
  const seen = new Set(own.map((finding) => finding.rule));
  const added: Finding[] = [];
  for (const { how, message: original } of message.forwarded ?? []) {
    for (const finding of analyzeOriginal(original).findings) {
      if (seen.has(finding.rule)) continue;
      if (how === 'inline' && (finding.category === 'authentication' || NEEDS_REAL_HEADERS.has(finding.rule))) continue;
      seen.add(finding.rule);
      added.push({ ...finding, evidence: [whereFound(original, how), ...finding.evidence.slice(0, MAX_EVIDENCE)] });
    }
  }
  return added;
}
