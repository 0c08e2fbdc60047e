// Advance-fee ("419"), prize and extortion scams: "Dear Beneficiary, your inheritance fund of
// US$10.3 million…", 「高額当選しました」, "Sie haben gewonnen", "transfer 900 dollars in bitcoin",
// "your account already has 0.75 BTC, withdraw it", sex-dating invitations (romance scams). Besides
// the phrases, intents find rephrased stories (inheritance, crypto balance, dating: data/intents.ts).
// The wording is what the reader reacts to, but newsletters and colleagues also write about
// lotteries and donations, so the wording alone is never reported. What makes it a scam is the
// sender hiding who it is:
// - it writes from free mail, or from an app platform's shared domain anyone can send from;
// - replies go to another mailbox than the one it writes from;
// - the recipients are hidden (no To/Cc, or To is the sender itself: a mass mailing by Bcc);
// - the text asks you to write to a free-mail address other than the sender's;
// - an earlier sender or authentication rule already found the From line forged or misleading.
// One such sign makes the finding medium (high when the wording is strong, unless the only sign is
// personal free mail: people do write to each other about lotteries); two or more make it high.
// A story (a fortune, an inheritance, a prize) followed by the ask that turns it into money (keep it
// confidential, send your full name, age and passport, pay the fee: the scam-ask intent) is the
// anatomy of advance-fee fraud itself, as the FBI IC3, Europol and the FTC describe it ("if you have
// to pay to get a prize, it's not a prize"): with any sign it is high, personal free mail included.
// The ask counts only beside a story of weight STORY_WEIGHT; alone it is ordinary (a travel agent
// wants a passport name, a conference a fee).
// Tuning: policy.lureKeywords with categories "advance-fee", "prize", "extortion" and "romance".
import type { Evidence, MailMessage } from '../model';
import type { Rule } from '../rule';
import type { ResolvedPolicy } from '../../policy/types';
import type { MessageView } from '../view';
import { hostInSet } from './content/links';
import { SCAM_CATEGORIES, distinctPhrases, messagePhrases, phraseEvidence, totalWeight } from './content/phrases';
import { hasListHeaders, hostOfAddress, isFreemail, registrableOf } from '../sender/identity';
import { recipientsHidden } from './hidden-recipients';

/** Distinct-phrase weight needed: one strong phrase and a weak one, or two medium ones. */
const REPORT_WEIGHT = 4;
/** Wording this heavy, with one sign of a hiding sender, is reported as high. */
const STRONG_WEIGHT = 6;
const MAX_PHRASES = 6;
/** Addresses looked at in the body; scams give one or two. */
const BODY_ADDRESS_LIMIT = 20;
/** App platforms whose shared sending domain carries whatever text a project owner writes (Firebase auth mail). */
const APP_PLATFORMS: ReadonlySet<string> = new Set(['firebaseapp.com']);
/** The intent that is the scam's ask, not its story (data/intents.ts). */
const ASK = 'scam-ask';
/** Story weight beside which an ask counts, and the two make the scam: one strong phrase ("my late husband") or intent. */
const STORY_WEIGHT = 3;
/** Categories of earlier findings that mean the From line is already in doubt. */
const SENDER_CATEGORIES = new Set(['sender', 'authentication']);

function note(en: string, ja: string): Evidence {
  return { kind: 'note', text: { en, ja } };
}

function replyElsewhere(message: MailMessage, policy: ResolvedPolicy): string | undefined {
  if (hasListHeaders(message)) return undefined;
  const from = message.from?.address.toLowerCase() ?? '';
  const fromHost = hostOfAddress(from);
  for (const reply of message.replyTo.slice(0, 5)) {
    const address = reply.address.toLowerCase();
    const host = hostOfAddress(address);
    if (!host || address === from) continue;
    // Another mailbox at the same company is a colleague; another mailbox at a free-mail provider is anyone.
    if (!fromHost || registrableOf(fromHost) !== registrableOf(host) || isFreemail(host, policy)) return reply.address;
  }
  return undefined;
}

const LOCAL_CHAR = /[a-z0-9._%+-]/;
const DOMAIN_AFTER_AT = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}/;

/** Addresses in the body, found from each "@" outwards: linear in the text, at most `limit` of them. */
function bodyAddresses(body: string, limit: number): string[] {
  const found: string[] = [];
  let at = body.indexOf('@');
  for (let guard = 0; at >= 0 && found.length < limit && guard < limit * 10; guard++) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(body[start - 1])) start--;
    const domain = DOMAIN_AFTER_AT.exec(body.slice(at + 1, at + 300));
    if (start < at && domain) found.push(body.slice(start, at + 1) + domain[0].replace(/\.+$/, ''));
    at = body.indexOf('@', at + 1);
  }
  return found;
}

function freemailContactInBody(message: MailMessage, view: MessageView, policy: ResolvedPolicy): string | undefined {
  const from = message.from?.address.toLowerCase() ?? '';
  const replies = new Set(message.replyTo.map((entry) => entry.address.toLowerCase()));
  for (const address of bodyAddresses(view.body, BODY_ADDRESS_LIMIT)) {
    if (address === from || replies.has(address)) continue;
    if (isFreemail(hostOfAddress(address), policy)) return address;
  }
  return undefined;
}

export const advanceFeeScam: Rule = {
  id: 'advance-fee-scam',
  title: {
    en: 'Promises money or a prize, or makes threats, from a sender who hides who they are',
    ja: '身元を隠した送信者が、お金・当選をうたうか脅迫しています',
  },
  explanation: {
    en:
      'The message offers an inheritance, a donation, compensation, a prize, a casino bonus, crypto to withdraw or a sex date, or claims to have hacked you and ' +
      'demands payment, and the sender hides who they are: a free webmail address, replies going to another mailbox, or hidden ' +
      'recipients. This is how advance-fee and extortion scams work: the money never exists, and the first reply leads to ' +
      '"fees" or requests for your bank details. Do not reply or pay; delete the message or report it.',
    ja:
      '遺産・寄付・補償金・当選・カジノのボーナス・引き出せる暗号資産・出会いなどをうたうか、端末を乗っ取ったと脅して支払いを求める内容で、' +
      '送信者はフリーメールの利用、別の返信先、宛先の非表示などで身元を隠しています。前払い金詐欺や脅迫メールの典型的な手口で、' +
      'お金は実在せず、返信すると「手数料」や口座情報を求められます。返信や支払いはせず、削除するか報告してください。',
  },
  severity: 'medium',
  category: 'sender',
  technique: 'T1656',
  check(message, policy, context) {
    const phrases = messagePhrases(policy, context.view).filter((match) => SCAM_CATEGORIES.has(match.category));
    // The ask counts only beside a story; beside a weak hint ("chance to win") it is ordinary.
    const story = phrases.filter((match) => match.intent !== ASK);
    const counted = totalWeight(story) >= STORY_WEIGHT ? phrases : story;
    const asked = counted.length > story.length;
    const weight = totalWeight(counted);
    if (weight < REPORT_WEIGHT) return undefined;
    const signs: Evidence[] = [];
    const platform = hostInSet(context.view.fromHost?.ascii, APP_PLATFORMS);
    const freemail = !platform && isFreemail(context.view.fromHost, policy);
    if (platform) {
      signs.push(note(`Sent from an app platform's shared domain that anyone can send from (${message.from?.address ?? ''})`, `誰でも送信できるアプリ基盤の共用ドメインから送信されています（${message.from?.address ?? ''}）。`));
    } else if (freemail) {
      signs.push(note(`Sent from a free-mail address (${message.from?.address ?? ''})`, `フリーメールのアドレスから送信されています（${message.from?.address ?? ''}）。`));
    }
    const reply = replyElsewhere(message, policy);
    if (reply) signs.push({ kind: 'address-mismatch', field: 'headers.Reply-To', shown: message.from?.address || '(no address)', actual: reply });
    if (recipientsHidden(message)) signs.push(note('The recipients are hidden (sent to many people by Bcc)', '宛先が隠されています（Bccによる一斉送信です）。'));
    const contact = freemailContactInBody(message, context.view, policy);
    if (contact) signs.push(note(`The text asks you to write to another, free-mail address: ${contact}`, `本文で、別のフリーメールのアドレス（${contact}）に連絡するよう求めています。`));
    // hidden-recipients is the sign above, reported on its own; it is not counted twice.
    const doubt = context.findings.find((finding) => SENDER_CATEGORIES.has(finding.category) && finding.rule !== 'hidden-recipients' && !finding.informational);
    if (doubt) signs.push(note(`The sender is also in doubt: ${doubt.title.en}`, `送信者にも疑わしい点があります：${doubt.title.ja}`));
    if (signs.length === 0) return undefined;
    // People write from personal free mail about lotteries and prizes too: that sign alone stays medium.
    const onlyFreemail = signs.length === 1 && freemail;
    const high = signs.length >= 2 || asked || (weight >= STRONG_WEIGHT && !onlyFreemail);
    return { severity: high ? 'high' : 'medium', evidence: [...distinctPhrases(counted).slice(0, MAX_PHRASES).map(phraseEvidence), ...signs] };
  },
};
