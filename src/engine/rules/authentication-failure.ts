// Sender authentication failed: the receiving mail system checked SPF, DKIM and DMARC (and
// Microsoft 365 its composite "compauth") and concluded the From domain did not send this. We
// never re-verify; we report the verdict of the system that did (see mail/authentication.ts).
//
// Severity: high when DMARC or compauth fails for a domain people trust (our own, a trusted
// partner, a known organisation, a protected person's domain) or for a free-mail provider's domain
// (Gmail, Outlook.com, Proton sign all their users' mail and send it only from their own servers, so
// a failure there means the address was written into From somewhere else; a mailing list's
// relaying stays low as below), or SPF hard-fails for our own domain;
// medium for DMARC/compauth failure elsewhere or Microsoft's own spoof/impersonation/phish
// verdict; low when SPF soft-fails and nothing else does, or when a mailing list (which breaks
// DMARC alignment by design) relayed a failing message from a domain we have no stake in. A message without
// Authentication-Results (older mail, some mobile sources) is not a failure: nothing was checked.
// DKIM failure alone is normal for mailing lists (footers break signatures) and never fires alone.
// Medium too when the checks pass here but an earlier server recorded SPF or DMARC failing for the
// same From domain (see sender/earlier-hops.ts): spoofed mail laundered through a relay the domain
// allows. Our own domains are left to the boundary's verdict (hybrid set-ups relay internally).
import type { Evidence, LocalizedText, Severity } from '../model';
import type { Rule } from '../rule';
import { isWithinDomains } from '../view';
import { canonicalHost } from '../../mail/hosts';
import { earlierFailureFor } from '../sender/earlier-hops';
import { hasListHeaders, isFreemail } from '../sender/identity';
import { isLegitimateHost } from '../sender/protected-domains';

/** Microsoft 365 anti-spam categories (X-Forefront-Antispam-Report CAT) that mean spoofing, impersonation or phishing. */
const MICROSOFT_CATEGORIES: Readonly<Record<string, LocalizedText>> = {
  SPOOF: { en: 'Microsoft 365 found the sender address spoofed', ja: 'Microsoft 365が、差出人アドレスがなりすまされていると判定しました。' },
  GIMP: { en: 'Microsoft 365 found mailbox-intelligence impersonation', ja: 'Microsoft 365が、なりすまし（メールボックス インテリジェンスによる検出）と判定しました。' },
  UIMP: { en: 'Microsoft 365 found impersonation of a protected user', ja: 'Microsoft 365が、保護対象のユーザーへのなりすましと判定しました。' },
  DIMP: { en: 'Microsoft 365 found impersonation of a protected domain', ja: 'Microsoft 365が、保護対象のドメインへのなりすましと判定しました。' },
  BIMP: { en: 'Microsoft 365 found brand impersonation', ja: 'Microsoft 365が、ブランドへのなりすましと判定しました。' },
  PHSH: { en: 'Microsoft 365 classified the message as phishing', ja: 'Microsoft 365が、このメールをフィッシングと判定しました。' },
  HPHSH: { en: 'Microsoft 365 classified the message as high-confidence phishing', ja: 'Microsoft 365が、このメールを高確度のフィッシングと判定しました。' },
  HPHISH: { en: 'Microsoft 365 classified the message as high-confidence phishing', ja: 'Microsoft 365が、このメールを高確度のフィッシングと判定しました。' },
};

const EARLIER_FAILURE: LocalizedText = {
  en: 'Failed at an earlier server; it passes here only through a relay the domain allows',
  ja: '途中のサーバーでは失敗しています。ここでの成功は、そのドメインが許可した中継を経由したためです。',
};

const ORDER: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

export const authenticationFailure: Rule = {
  id: 'authentication-failure',
  title: {
    en: 'The mail system could not confirm who sent this message',
    ja: 'メールシステムが送信者を確認できませんでした',
  },
  explanation: {
    en:
      'When this message arrived, your mail system checked whether the sending server was allowed to send for the domain in ' +
      'the From address, and the check failed. This is what forged sender addresses look like. Treat the sender as unconfirmed: ' +
      'do not act on requests in this message without checking with the sender another way.',
    ja:
      'このメールの受信時に、メールシステムが「差出人アドレスのドメインから送信する権限があるサーバーか」を確認しましたが、' +
      '確認に失敗しました。差出人を偽装したメールに見られる状態です。送信者は未確認として扱い、別の方法で確認するまでは' +
      'このメールの依頼に応じないでください。',
  },
  severity: 'medium',
  category: 'authentication',
  technique: 'T1656',
  requires: ['headers'],
  check(message, policy, context) {
    const auth = context.view.authentication;
    const category = auth.microsoft?.category?.toUpperCase();
    if (!auth.present && !(category && MICROSOFT_CATEGORIES[category])) return undefined;

    const fromHost = context.view.fromHost;
    const headerFromHost = auth.dmarc?.headerFrom ? canonicalHost(auth.dmarc.headerFrom) : undefined;
    const trustedFrom = isLegitimateHost(fromHost, policy) || isLegitimateHost(headerFromHost, policy);

    const evidence: Evidence[] = [];
    let severity: Severity | undefined;
    const raise = (level: Severity) => {
      if (!severity || ORDER[level] > ORDER[severity]) severity = level;
    };

    // Mailing lists add footers and subject tags, which breaks the author's DMARC alignment on the way;
    // a failure is then expected unless the author is one of ours or someone we trust.
    const viaList = hasListHeaders(message);
    const failureLevel: Severity = trustedFrom ? 'high' : viaList ? 'low' : isFreemail(fromHost, policy) ? 'high' : 'medium';

    const dmarc = auth.dmarc;
    const dmarcFailed = dmarc?.result === 'fail';
    if (dmarc && dmarcFailed) {
      evidence.push({ kind: 'authentication', method: 'dmarc', result: dmarc.result, domain: dmarc.headerFrom ?? fromHost?.ascii, detail: dmarc.action ? `action=${dmarc.action}` : undefined });
      raise(failureLevel);
    }
    const compauthFailed = auth.compauth?.result.toLowerCase() === 'fail';
    if (auth.compauth && compauthFailed) {
      evidence.push({ kind: 'authentication', method: 'compauth', result: auth.compauth.result, domain: fromHost?.ascii, detail: auth.compauth.reason ? `reason=${auth.compauth.reason}` : undefined });
      raise(failureLevel);
    }
    const spf = auth.spf;
    if (spf && (spf.result === 'fail' || spf.result === 'softfail')) {
      evidence.push({ kind: 'authentication', method: 'spf', result: spf.result, domain: spf.mailfrom });
      // SPF judges the envelope sender (smtp.mailfrom), not the From line; a bounce has none and is checked by HELO.
      const spfDomain = spf.mailfrom ? canonicalHost(spf.mailfrom.slice(spf.mailfrom.lastIndexOf('@') + 1)) : undefined;
      const ownSpf = isWithinDomains(spfDomain?.ascii, policy.organizationDomains);
      raise(spf.result === 'fail' && ownSpf ? 'high' : 'low');
    }
    if (category && MICROSOFT_CATEGORIES[category]) {
      evidence.push({ kind: 'header', name: 'X-Forefront-Antispam-Report', value: `CAT:${category}`, meaning: MICROSOFT_CATEGORIES[category] });
      raise(trustedFrom && (category === 'SPOOF' || category.endsWith('IMP')) ? 'high' : 'medium');
    }
    if (!severity) {
      const alignment = context.view.alignment;
      const earlier = alignment.aligned && alignment.fromDomain && !context.view.fromOrganization ? earlierFailureFor(message.headers, alignment.fromDomain) : undefined;
      if (!earlier) return undefined;
      evidence.push({ kind: 'authentication', method: earlier.method, result: earlier.result, domain: earlier.domain, detail: 'ARC-Authentication-Results', meaning: EARLIER_FAILURE });
      return { evidence, severity: 'medium' };
    }
    // Failed DKIM signatures explain a failure but are too common on mailing lists to be one.
    for (const signature of auth.dkim) {
      if (signature.result === 'fail' && evidence.length < 8) {
        evidence.push({ kind: 'authentication', method: 'dkim', result: signature.result, domain: signature.domain });
      }
    }
    return { evidence, severity };
  },
};
