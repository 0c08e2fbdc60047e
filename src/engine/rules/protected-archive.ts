// Password-protected archives: encryption stops mail filters and antivirus from looking inside, which
// is why targeted campaigns (MirrorFace among them) send malware as an encrypted ZIP with the password
// in the body. Japanese business mail also uses encrypted ZIPs ("PPAP"), so an encrypted archive
// alone is medium; with the password given in the same message it is high, since the protection then
// protects nothing except the attacker's payload from inspection.
// Detection: the encryption flag in ZIP directories, RAR 4/5 headers and 7-Zip's AES coder id. When
// the bytes are not available (Outlook gives names only), an archive plus a password in the body is
// reported on its own.
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { attachmentFacts, ATTACHMENT_LIMIT, displayName, fileAttachments } from './content/attachments';

/**
 * "Password: ab12cd", "パスワード：1234", "解凍パスワードは「Xy7!kq」です", "PW=0311". The value must
 * contain a digit, which tells a password apart from ordinary words after "password is". Every
 * quantifier is bounded, so the scan is linear in the body length.
 */
const PASSWORD_STATEMENT =
  /(?:password|passcode|pass ?word|pwd|pw|パスワード|パスコード|暗証番号|解凍キー|密码|비밀번호)[^:=は]{0,30}?(?:[:=]|は|\bis\b)\s?(?:[「『"'([]\s?)?([\x21-\x7e]{4,32})/giu;
const MAX_PASSWORDS = 3;
/**
 * The password announced for later, by intent rather than exact phrase: a password word and, close
 * after it, "separately / in another mail / later" (「パスワードは別途お送りします」, 「解凍パスワードは
 * 別メールにて」, "the password will follow in a separate email"), or the same in the other order
 * (「別途パスワードをお知らせします」). Japanese PPAP mail does this too, so it never raises the
 * severity; it tells the reader the archive is locked when Outlook gives us only its name.
 * Read on the normalised body (NFKC: full-width letters and digits already folded).
 */
const PASSWORD_WORD = '(?:password|passcode|pass ?word|pwd|pw|パスワード|パスコード|暗証番号|解凍キー|解凍パス|密码|密碼|비밀번호)';
const LATER = '(?:別途|別メール|別のメール|別便|別送|後ほど|後で|追って|次のメール|次便|separately|in (?:a |an )?(?:separate|another|following|next) (?:e-?mail|message|mail)|(?:will|to) follow)';
const PASSWORD_LATER = new RegExp(`${PASSWORD_WORD}[^。.\n]{0,30}?${LATER}|${LATER}[^。.\n]{0,15}?${PASSWORD_WORD}`, 'iu');
/** Japanese counters and units that follow numbers which are dates or amounts, not passwords. */
const COUNTER_SUFFIX = /^[年月日時分秒件回個桁文字円名日間]$/u;

interface PasswordStatement {
  value: string;
  context: string;
}

export function findPasswordStatements(body: string): PasswordStatement[] {
  const found: PasswordStatement[] = [];
  PASSWORD_STATEMENT.lastIndex = 0;
  for (let match = PASSWORD_STATEMENT.exec(body); match && found.length < MAX_PASSWORDS; match = PASSWORD_STATEMENT.exec(body)) {
    const value = match[1].replace(/[」』"')\].,、。]+$/u, '');
    // "パスワードの有効期限は2025年…" states a date, not a password.
    const next = body[match.index + match[0].length] ?? '';
    if (/[0-9]/.test(value) && value.length >= 4 && !COUNTER_SUFFIX.test(next)) {
      const from = Math.max(0, match.index - 40);
      const to = Math.min(body.length, match.index + match[0].length + 40);
      found.push({ value, context: (from > 0 ? '…' : '') + body.slice(from, to) + (to < body.length ? '…' : '') });
    }
  }
  return found;
}

/** Where the body announces a password for later, with some context; undefined when it does not. */
export function findPasswordLater(body: string): { phrase: string; context: string } | undefined {
  const match = PASSWORD_LATER.exec(body.slice(0, 200_000));
  if (!match) return undefined;
  const from = Math.max(0, match.index - 30);
  const to = Math.min(body.length, match.index + match[0].length + 30);
  return { phrase: match[0], context: (from > 0 ? '…' : '') + body.slice(from, to) + (to < body.length ? '…' : '') };
}

export const protectedArchive: Rule = {
  id: 'protected-archive',
  title: {
    en: 'Password-protected archive attached',
    ja: 'パスワード付きの圧縮ファイルが添付されている',
  },
  explanation: {
    en: 'An attached archive is locked with a password, so our mail filters and antivirus could not check what is inside. Attackers send malware this way and put the password in the message. Unless you were expecting this file from someone you know, do not open it; confirm with the sender by phone or a known address first.',
    ja: '添付された圧縮ファイルにパスワードがかかっているため、メールのフィルターやウイルス対策ソフトが中身を検査できませんでした。攻撃者はこの方法でマルウェアを送り、本文にパスワードを書きます。知っている相手からのファイルを待っていたのでない限り開かず、まず電話や既知の連絡先で送信者に確認してください。',
  },
  severity: 'medium',
  category: 'attachments',
  technique: 'T1566.001',
  check(message, policy, context) {
    const archives = fileAttachments(message.attachments)
      .slice(0, ATTACHMENT_LIMIT)
      .map(attachmentFacts)
      .filter((facts) => facts.isArchive);
    if (archives.length === 0) return undefined;
    const passwords = message.missing.includes('body') ? [] : findPasswordStatements(context.view.body);
    const later = message.missing.includes('body') || passwords.length > 0 ? undefined : findPasswordLater(context.view.body);
    const evidence: Evidence[] = [];
    for (const facts of archives) {
      const format = facts.archive?.format ?? facts.extension;
      const formatJa = format ? `${format.toUpperCase()}形式の` : '';
      if (facts.archive?.encrypted) {
        const reason =
          facts.archive.names.length === 0
            ? { en: `encrypted ${format} archive (even the file names are hidden)`, ja: `暗号化された${formatJa}圧縮ファイルです（中のファイル名まで隠されています）。` }
            : { en: `encrypted ${format} archive`, ja: `暗号化された${formatJa}圧縮ファイルです。` };
        evidence.push({ kind: 'attachment', name: displayName(facts.attachment), contentType: facts.attachment.contentType, reason });
      } else if (!facts.attachment.content && passwords.length > 0) {
        evidence.push({
          kind: 'attachment',
          name: displayName(facts.attachment),
          contentType: facts.attachment.contentType,
          reason: { en: `${format} archive with a password given in the message`, ja: `パスワードが本文に書かれた${formatJa}圧縮ファイルです。` },
        });
      } else if (!facts.attachment.content && later) {
        evidence.push({
          kind: 'attachment',
          name: displayName(facts.attachment),
          contentType: facts.attachment.contentType,
          reason: { en: `${format} archive whose password the message says is sent separately`, ja: `パスワードを別に送ると本文に書かれた${formatJa}圧縮ファイルです。` },
        });
      }
    }
    if (evidence.length === 0) return undefined;
    for (const password of passwords) {
      evidence.push({ kind: 'phrase', field: 'body', phrase: password.value, category: 'password', context: password.context });
    }
    if (later) evidence.push({ kind: 'phrase', field: 'body', phrase: later.phrase, category: 'password', context: later.context });
    return { severity: passwords.length > 0 ? 'high' : 'medium', evidence };
  },
};
