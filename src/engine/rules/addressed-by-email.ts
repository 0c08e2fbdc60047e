// The message calls you by your e-mail address: "Hallo taro@example.jp", "Dear
// hanako@example.com", "taro@example.jp 様", or your address in the subject ("taro@example.jp,
// your parcel is waiting"). Someone who knows you uses your name; a mass mailing run from a list
// of harvested addresses can only use the address. It is weak (some services greet accounts this
// way), so it is low and counts only with other findings (category wording).
import type { Evidence, MailMessage } from '../model';
import type { Rule } from '../rule';

/** Greetings in the languages the product meets, each followed by an address. */
const GREETING =
  /(?:^|[\s>,.!])(dear|hello|hi|hey|hallo|liebe\/r|lieber|liebe|sehr geehrte\(r\)|sehr geehrte|sehr geehrter|bonjour|bonsoir|cher|chère|olá|prezado|prezada|caro|cara|hola|estimado|estimada|ciao|gentile|beste|geachte)[ \t,:]{1,3}([a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8})/i;
/** Japanese: the address followed by the honorific 様 or さん. */
const HONORIFIC = /([a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8})[ \t\u3000]?(?:様|さま|さん|殿)/i;
/** The greeting is near the top; this also bounds the work. */
const BODY_HEAD = 3000;
/** Bounce and delivery reports quote the recipient's address by design. */
const REPORT_SUBJECT = /undeliver|delivery|failure|returned mail|mail system error|配信|不達|エラー/i;

function recipients(message: MailMessage): string[] {
  return [...message.to, ...message.cc]
    .slice(0, 50)
    .map((entry) => entry.address.trim().toLowerCase())
    .filter((address) => address.length >= 6 && address.includes('@'));
}

export const addressedByEmail: Rule = {
  id: 'addressed-by-email',
  title: {
    en: 'Greets you by your e-mail address instead of your name',
    ja: '名前ではなくメールアドレスで呼びかけています',
  },
  explanation: {
    en:
      'The message addresses you as your e-mail address ("Hello name@example.com") or puts your address in the subject. ' +
      'People and companies that know you use your name; bulk scams only have a list of addresses. On its own this is a small hint.',
    ja:
      'このメールは「name@example.com 様」のようにメールアドレスで呼びかけているか、件名にあなたのアドレスを入れています。' +
      'あなたを知っている人や企業は名前を使います。アドレスの一覧しか持たない一斉送信の詐欺によくある特徴ですが、これだけでは小さな手がかりです。',
  },
  severity: 'low',
  category: 'wording',
  check(message) {
    if (REPORT_SUBJECT.test(message.subject.slice(0, 300))) return undefined;
    const evidence: Evidence[] = [];
    const head = message.text.slice(0, BODY_HEAD);
    const greeting = GREETING.exec(head) ?? HONORIFIC.exec(head);
    if (greeting) {
      const phrase = greeting[0].trim();
      evidence.push({ kind: 'phrase', field: 'body', phrase, category: 'addressed-by-email', context: phrase });
    }
    const subject = message.subject.slice(0, 500).toLowerCase();
    const own = recipients(message).find((address) => subject.includes(address));
    if (own) evidence.push({ kind: 'phrase', field: 'subject', phrase: own, category: 'addressed-by-email', context: message.subject.slice(0, 200) });
    return evidence.length > 0 ? { evidence } : undefined;
  },
};
