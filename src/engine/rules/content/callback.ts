// Call-back phishing ("telephone-oriented attack delivery", ATT&CK T1566.004): a receipt or renewal
// notice for a charge the reader never made ("Your Norton 360 membership has been renewed, $299.00
// charged … call +1 (202) 555-0147 within 24 hours"), with a phone number as the only way to act and
// no link at all. The caller reaches a fake help desk that talks them into a remote-access tool or a
// "refund" transfer; FTC, FBI IC3 and Microsoft advisories describe the same pretexts (Geek Squad,
// Norton, McAfee, PayPal renewals). Leaving out every link is the point, so that there is nothing for
// a link scanner to check; what is left to read is a charge, an amount and a number.
//
// What it must leave alone: real receipts and renewal notices, which always link to the account, the
// help pages or the privacy notice, and ordinary mail that mentions a price or a phone number without
// a charge. credential-lure reports it as wording, so alone it never flags a message.
import type { MessageView } from '../../view';
import { snippet, type PhraseMatch } from '../../text/matcher';

/** Read in the subject and the first part of the body, where a receipt states its charge and number. */
const SCAN_CHARS = 8000;
/** As strong as one credential intent: enough for credential-lure on its own. */
const CALLBACK_WEIGHT = 3;
export const CALLBACK_CATEGORY = 'callback';

/** A charge or a renewal that has happened or is about to (normalised text: lower case, NFKC). */
const CHARGE =
  /\b(?:auto-?renew(?:al|ed)?|renew(?:al|ed|s)?|subscription|charged|charge of|amount charged|total paid|billed|debit(?:ed)?|deducted|payment of)\b|自動更新|更新料|引き落とし|ご請求|自动续费|自动扣款|扣款|자동 ?결제|자동 ?갱신|결제 ?금액/;
/** An amount of money: $299.00, usd574.99, 299,00 €, ¥9,800, 9,800円. */
const AMOUNT = /[$€£¥]\s?\d|\b(?:usd|eur|gbp)\s?\d|\d(?:[\d,.]{0,12})\s?(?:usd|eur|€|円|元|원)/;
/**
 * A telephone number as call-back scams print it: North American (+1 (202) 555-0147, 1 202 555-0188,
 * 202-555-0123), which the help-desk scams overwhelmingly use, and Japanese (0120-123-456, 03-1234-5678).
 */
const PHONE = /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?!\d)|\b0\d{1,4}-\d{2,4}-\d{3,4}(?!\d)/;

/** The number a link-less charge notice asks the reader to call, as a phrase match; undefined for other mail. */
export function callbackNumber(view: MessageView): PhraseMatch | undefined {
  if (view.links.some((link) => link.host !== undefined)) return undefined;
  const fields: [string, string][] = [
    ['subject', view.subject],
    ['body', view.body.slice(0, SCAN_CHARS)],
  ];
  const text = `${fields[0][1]}\n${fields[1][1]}`;
  if (!CHARGE.test(text) || !AMOUNT.test(text)) return undefined;
  for (const [field, value] of fields) {
    const phone = PHONE.exec(value);
    if (!phone) continue;
    const start = phone.index;
    const end = start + phone[0].length;
    return { phrase: phone[0].trim(), category: CALLBACK_CATEGORY, weight: CALLBACK_WEIGHT, field, start, end, context: snippet(value, start, end) };
  }
  return undefined;
}
