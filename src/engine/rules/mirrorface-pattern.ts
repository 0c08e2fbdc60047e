// The pattern publicly reported for MirrorFace (Earth Kasha) against Japanese government, academia,
// think tanks and media (National Police Agency / NISC advisory, January 2025): mail from a free-mail
// account or an impersonated researcher, official or organisation; a geopolitical or pretext lure
// (Japan–China relations, Taiwan, North Korea, an interview or lecture request); and a payload
// (an encrypted archive or Office document with macros, a shortcut file, or a file-sharing link).
// Each part alone is common; all three together are the campaign's signature.
// Reads findings of the rules that ran before it (sender, wording, attachments, links).
import type { Rule } from '../rule';
import type { Finding, LocalizedText } from '../model';
import { findingsOf, IMPERSONATION_RULES, PAYLOAD_RULES } from './content/findings';
import { hostInSet } from './content/links';

/** The component findings by their titles, in both languages. */
function describe(findings: readonly Finding[]): LocalizedText {
  return {
    en: findings.map((finding) => finding.title.en).join('; '),
    ja: findings.map((finding) => `「${finding.title.ja}」`).join('、'),
  };
}

function part(label: LocalizedText, findings: LocalizedText): LocalizedText {
  return { en: `${label.en}: ${findings.en}`, ja: `${label.ja}：${findings.ja}` };
}

export const mirrorfacePattern: Rule = {
  id: 'mirrorface-pattern',
  title: {
    en: 'Matches a known spear-phishing campaign pattern',
    ja: '既知の標的型メール攻撃のパターンに一致',
  },
  explanation: {
    en: 'This message combines three things seen together in a spear-phishing campaign that Japanese authorities have publicly warned about (MirrorFace): a sender who is not who they claim to be or writes from a free-mail account, a topic chosen to interest people who work on international affairs or security, and a file or download that can install malware. Do not open the attachment or link. Report the message; if it names someone you know, contact them by phone or a known address.',
    ja: 'このメールには、日本の当局が公表し注意を呼びかけている標的型メール攻撃（MirrorFace）で同時に見られる3つの特徴がそろっています。名乗っている人物・組織と異なる、またはフリーメールの送信者、国際情勢や安全保障に関わる人が関心を持つ話題、そしてマルウェアを仕込めるファイルやダウンロードです。添付ファイルやリンクは開かず、このメールを報告してください。知人の名前が使われている場合は、電話や既知の連絡先で本人に確認してください。',
  },
  severity: 'high',
  category: 'sender',
  technique: 'T1566',
  check(message, policy, context) {
    const impersonation = findingsOf(context.findings, IMPERSONATION_RULES);
    const freemail = hostInSet(context.view.fromHost?.ascii, policy.freemailDomains);
    if (impersonation.length === 0 && !freemail) return undefined;
    const lure = context.findings.filter((finding) => finding.rule === 'lure-wording');
    if (lure.length === 0) return undefined;
    const payload = findingsOf(context.findings, PAYLOAD_RULES);
    if (payload.length === 0) return undefined;
    const host = context.view.fromHost?.ascii ?? '';
    const senderPart = impersonation.length > 0 ? describe(impersonation) : { en: `free-mail address (${host})`, ja: `フリーメールのアドレス（${host}）` };
    return {
      evidence: [
        { kind: 'note', text: part({ en: 'Sender', ja: '送信者' }, senderPart) },
        { kind: 'note', text: part({ en: 'Lure', ja: '誘いの話題' }, describe(lure)) },
        { kind: 'note', text: part({ en: 'Payload', ja: '危険なファイル・リンク' }, describe(payload)) },
      ],
    };
  },
};
