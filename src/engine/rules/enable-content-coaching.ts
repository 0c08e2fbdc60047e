// Macro coaching: the message tells the reader to press "Enable Content" / 「コンテンツの有効化」
// or "Enable Editing" so that a booby-trapped document can run. No legitimate sender needs this.
// High when an Office document or archive is attached (the payload is right there), medium otherwise
// (the document may come by link or in a follow-up mail).
// Tuning: built-in phrases in content/phrases.ts, plus policy.lureKeywords of category "payload-coaching".
import type { Rule } from '../rule';
import { attachmentFacts, fileAttachments, ATTACHMENT_LIMIT } from './content/attachments';
import { COACHING_CATEGORY, distinctPhrases, isPasswordCoaching, messagePhrases, phraseEvidence } from './content/phrases';

export const enableContentCoaching: Rule = {
  id: 'enable-content-coaching',
  title: {
    en: 'Tells you to enable macros or editing',
    ja: 'マクロや編集の有効化を指示している',
  },
  explanation: {
    en: 'The message tells you to click "Enable Content", "Enable Editing" or to allow macros. Office blocks macros in mail attachments because they can take over your computer; attackers write these instructions to get around that. Do not enable anything. Report the message.',
    ja: '「コンテンツの有効化」「編集を有効にする」やマクロの許可を指示しています。Office はメールの添付ファイルのマクロを、パソコンを乗っ取られるおそれがあるためブロックしています。攻撃者はそれを回避させるためにこのような指示を書きます。何も有効にせず、このメールを報告してください。',
  },
  severity: 'medium',
  category: 'attachments',
  technique: 'T1566.001',
  requires: ['body'],
  check(message, policy, context) {
    const coaching = messagePhrases(policy, context.view).filter((match) => match.category === COACHING_CATEGORY && !isPasswordCoaching(match.phrase));
    if (coaching.length === 0) return undefined;
    const carrier = fileAttachments(message.attachments)
      .slice(0, ATTACHMENT_LIMIT)
      .map(attachmentFacts)
      .find((facts) => facts.isOfficeDocument || facts.isArchive);
    const evidence = distinctPhrases(coaching).slice(0, 5).map(phraseEvidence);
    if (carrier) {
      evidence.push({
        kind: 'attachment',
        name: carrier.attachment.name,
        contentType: carrier.attachment.contentType,
        reason: carrier.isArchive
          ? { en: 'archive attached to a message that coaches enabling content', ja: 'コンテンツの有効化を促すメールに添付された圧縮ファイルです。' }
          : { en: 'Office document attached to a message that coaches enabling content', ja: 'コンテンツの有効化を促すメールに添付されたOfficeファイルです。' },
      });
    }
    return { severity: carrier ? 'high' : 'medium', evidence };
  },
};
