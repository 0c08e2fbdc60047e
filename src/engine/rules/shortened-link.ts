// Shortened links (bit.ly, t.co, tinyurl…) hide the destination until clicked. Colleagues and
// partners rarely send them in business mail; unknown senders use them to get past link filters.
// Links written in attached PDFs count too: a shortener inside an attachment hides the destination
// twice. Senders in organizationDomains/trustedDomains are exempt. Tuning: policy.urlShorteners.
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { clip, hostInSet } from './content/links';
import { pdfLinkEvidence, pdfLinksOf } from './content/pages';

const MAX_EVIDENCE = 5;

export const shortenedLink: Rule = {
  id: 'shortened-link',
  title: {
    en: 'Shortened link from an outside sender',
    ja: '外部の送信者からの短縮URL',
  },
  explanation: {
    en: 'The message contains a shortened link, which hides where it really goes until you click it. That is common in marketing but unusual in business mail from an unknown sender. If you are not expecting it, do not click.',
    ja: 'クリックするまで本当の行き先がわからない短縮URLが含まれています。広告ではよくありますが、知らない送信者からの業務メールでは不自然です。心当たりがなければクリックしないでください。',
  },
  severity: 'low',
  category: 'links',
  technique: 'T1566.002',
  requires: ['body'],
  check(message, policy, context) {
    if (context.view.fromTrusted) return undefined;
    const evidence: Evidence[] = [];
    for (const link of context.view.links) {
      if (!link.host || !hostInSet(link.host.ascii, policy.urlShorteners)) continue;
      evidence.push({ kind: 'link', text: clip(link.text), href: clip(link.href), host: link.host.ascii, reason: { en: 'URL shortener hides the destination', ja: '短縮URLのため、実際のリンク先が分かりません。' } });
      if (evidence.length >= MAX_EVIDENCE) break;
    }
    for (const link of pdfLinksOf(message.attachments)) {
      if (evidence.length >= MAX_EVIDENCE) break;
      if (!link.host || !hostInSet(link.host.ascii, policy.urlShorteners)) continue;
      evidence.push(pdfLinkEvidence(link, link.host.ascii, { en: `URL shortener inside the attached PDF "${link.name}" hides the destination`, ja: `添付のPDF「${link.name}」の中の短縮URLのため、実際のリンク先が分かりません。` }));
    }
    return evidence.length > 0 ? { evidence } : undefined;
  },
};
