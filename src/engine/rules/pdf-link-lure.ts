// The attached PDF is only a wrapper for a link: a short cover note ("Your account already has
// 18,365$", "veja como solicitar a sua restituição no arquivo em anexo", "[IRS] check the PDF that
// we attached") and a PDF whose one clickable button leads to a site that has nothing to do with the
// sender. Mail filters follow the links in a message's body far more often than those inside its
// attachments, which is why crypto "withdraw your balance" scams, tax-refund lures and fake shared
// documents put the link in a PDF (Unit 42, "Phishing PDFs", 2022: fake CAPTCHAs, coupons and
// "play" buttons that are one big link).
// Medium on its own: it flags together with any other sign (a shortened link, hash-buster tokens,
// a free publishing host behind the button).
//
// What it must leave alone:
// - documents: a PDF whose links go to more than LURE_SITES sites (a paper's references, a report's
//   sources), and letters: a message with more than COVER_NOTE characters of its own text;
// - links into the sender's own site (an invoice linking to the shop), to known organisations
//   (LinkedIn on a CV, a bank's payment page), our own and trusted domains, and mail trackers;
// - senders in organizationDomains/trustedDomains.
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { canonicalHost } from '../../mail/hosts';
import { isWithinDomains } from '../view';
import { displayHost, hostInSet, sameSite } from './content/links';
import { pdfLinkEvidence, pdfLinksOf, type PdfLink } from './content/pages';
import { knownDomainSet } from '../sender/organizations';
import { registrableOf } from '../sender/identity';

/** A button or two is a lure; links to more sites than this make the PDF a document. */
const LURE_SITES = 2;
/** Letters and digits of the message's own text: a few lines are a cover note, more is a letter. */
const COVER_NOTE = 400;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
const MAX_EVIDENCE = 3;

export const pdfLinkLure: Rule = {
  id: 'pdf-link-lure',
  title: {
    en: 'The attached PDF is a wrapper for a link',
    ja: '添付のPDFはリンクを包んでいるだけです',
  },
  explanation: {
    en:
      'The message says little and sends you to an attached PDF, and the PDF\'s button links to a site that has nothing to do ' +
      'with the sender. Scams put their link inside a PDF because mail filters check the links in the message more closely than ' +
      'those in attachments. Do not click the link in the PDF; if the message claims to be from a service you use, open its app or website yourself.',
    ja:
      'このメールは本文がほとんどなく、添付のPDFを開かせようとしています。そのPDFのボタンは差出人と無関係のサイトにつながっています。' +
      'メールフィルターは本文のリンクほど添付ファイル内のリンクを詳しく調べないため、詐欺ではリンクをPDFに入れて送ることがあります。' +
      'PDF内のリンクはクリックせず、利用しているサービスからの連絡だとしている場合は、公式アプリやWebサイトを自分で開いてください。',
  },
  severity: 'medium',
  category: 'links',
  technique: 'T1566.001',
  requires: ['body', 'attachmentContent'],
  check(message, policy, context) {
    const { view } = context;
    if (view.fromTrusted) return undefined;
    const pdfLinks = pdfLinksOf(message.attachments);
    if (pdfLinks.length === 0) return undefined;
    if ((message.text.slice(0, COVER_NOTE * 4).match(LETTER_OR_DIGIT)?.length ?? 0) > COVER_NOTE) return undefined;
    const known = knownDomainSet(policy);
    const sender = view.fromHost;
    // The sites each PDF links to, first link per site; a PDF linking to many sites is a document, not a lure.
    const sitesByPdf = new Map<PdfLink['pdf'], Map<string, PdfLink>>();
    for (const link of pdfLinks) {
      if (!link.host) continue;
      const sites = sitesByPdf.get(link.pdf) ?? new Map<string, PdfLink>();
      sitesByPdf.set(link.pdf, sites);
      const site = link.host.isIp ? link.host.ascii : registrableOf(link.host);
      if (!sites.has(site)) sites.set(site, link);
    }
    const evidence: Evidence[] = [];
    for (const sites of sitesByPdf.values()) {
      if (sites.size > LURE_SITES) continue;
      for (const [site, link] of sites) {
        const host = canonicalHost(site);
        if (!host) continue;
        if (sender && sameSite(host, sender)) continue;
        if (
          hostInSet(host.ascii, known) ||
          hostInSet(host.ascii, policy.trackingLinkHosts) ||
          isWithinDomains(host.ascii, policy.organizationDomains) ||
          isWithinDomains(host.ascii, policy.trustedDomains)
        ) {
          continue;
        }
        if (evidence.length >= MAX_EVIDENCE) break;
        evidence.push(
          pdfLinkEvidence(link, displayHost(link.host!), {
            en: `the attached PDF "${link.name}" links to ${site}, which has nothing to do with the sender`,
            ja: `添付のPDF「${link.name}」は、差出人と無関係の${site}にリンクしています。`,
          }),
        );
      }
    }
    return evidence.length === 0 ? undefined : { evidence };
  },
};
