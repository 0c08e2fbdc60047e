// Organisation or brand claim from an unrelated domain: "Microsoft 365" <x@rednoticias23.com>,
// "三井住友カード" from a .cn address, "外務省 国際協力局" from Gmail, a subject that opens with the
// Japanese sender tag 【楽天カード】, or the brand in the address itself (paypal.service@gmail.com).
// Brand and ministry names are what the reader trusts first.
// Weaker, and only from a sender that cannot be the organisation (free mail, or a From domain that
// authentication does not vouch for): the name in the subject, the opening words or the signature
// ("Netflix: your membership…" from gmail.com, a letter signed "Amazon Customer Service") is low.
//
// Precision: names match as whole words (Latin) or as written (Japanese); a subject tag must be
// exactly the name (after generic words such as 重要 or 株式会社), so "【Amazon限定】セール" from a
// shop is not a claim. It stays quiet when the sender is the organisation (its domains or a
// subdomain), when an ESP sends for it with a passing DKIM signature of one of its domains, and for
// our own and trusted domains. It is low when the display name also names the sending domain itself
// (a publication about the brand: "GadgetWeekly Apple Corner" from gadgetweekly.example), and lines quoted
// from earlier mail ("> …") are never read as the sender's own words.
// Tuning: add an organisation's other sending domains to its entry.
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import type { KnownOrganization, ResolvedPolicy } from '../../policy/types';
import type { CanonicalHost } from '../../mail/hosts';
import { BODY_LIMIT, isWithinDomains } from '../view';
import { decodeCharacterReferences, normalizeText } from '../text/normalize';
import { claimText, mentionsName, prepareName, type PreparedName } from '../text/words';
import { brandTokens } from './content/host-traits';
import { brandLabel } from './content/links';
import { claimedIdentities, dkimPassDomains, hostOfAddress, isFreemail, listRewrite } from '../sender/identity';
import { isGovernmentOrganization, namedOrganizations } from '../sender/organizations';
import { ownDomains } from '../sender/protected-domains';

interface PreparedOrganization {
  organization: KnownOrganization;
  names: PreparedName[];
  government: boolean;
}

const preparedCache = new WeakMap<ResolvedPolicy, PreparedOrganization[]>();

/**
 * Known organisations, plus the organisation itself: it has no configured name, so its domains'
 * distinctive labels stand in ("kaiyo-inst" for kaiyo-inst.or.jp), but only when 4+ letters long
 * so that short labels like "mod" never match ordinary words.
 */
function prepareOrganizations(policy: ResolvedPolicy): PreparedOrganization[] {
  const cached = preparedCache.get(policy);
  if (cached) return cached;
  const prepared: PreparedOrganization[] = [];
  for (const { organization, names } of namedOrganizations(policy)) prepared.push({ organization, names, government: isGovernmentOrganization(organization) });
  if (policy.organizationDomains.length > 0) {
    const ownNames: PreparedName[] = [];
    for (const entry of ownDomains(policy)) {
      const label = entry.label.length >= 4 ? prepareName(entry.label) : undefined;
      const full = prepareName(entry.registrable);
      if (label) ownNames.push(label);
      if (full) ownNames.push(full);
    }
    if (ownNames.length > 0) {
      prepared.push({ organization: { names: ownNames.map((name) => name.original), domains: [...policy.organizationDomains] }, names: ownNames, government: false });
    }
  }
  preparedCache.set(policy, prepared);
  return prepared;
}

/** Words that decorate a Japanese subject tag without naming anyone: 【重要】, 【株式会社○○】, 【My JCB】. */
const TAG_DECORATION = ['重要なお知らせ', '大切なお知らせ', '重要', '緊急', '至急', 'お知らせ', 'ご案内', 'ご連絡', '公式', '株式会社', 'カスタマーサポート', 'カスタマーセンター', 'サポートセンター', 'サポート', '事務局', 'notice', 'important', 'official'];

/** The sender tags at the start of a Japanese subject: "【三井住友カード】ご利用確認" → ["三井住友カード"]. */
export function subjectTags(subject: string): string[] {
  const tags: string[] = [];
  const text = subject.slice(0, 512);
  let from = 0;
  while (tags.length < 5) {
    const open = text.indexOf('【', from);
    if (open < 0) break;
    const close = text.indexOf('】', open + 1);
    if (close < 0) break;
    const inner = text.slice(open + 1, close);
    if (inner.length > 0 && inner.length <= 40) tags.push(inner);
    from = close + 1;
  }
  return tags;
}

/** The tag as compared with names: folded, without spaces or decoration words (computed once per tag). */
function tagCompact(tag: string): string {
  let compact = claimText(tag).replace(/ /g, '');
  for (const word of TAG_DECORATION) compact = compact.split(word).join('');
  return compact;
}

function tagNames(compact: string, name: PreparedName): boolean {
  if (compact === name.compact) return true;
  return compact.startsWith('my') && compact.slice(2) === name.compact;
}

/** The most specific of several matching names ("Microsoft 365" rather than "Microsoft"). */
function longest(names: readonly PreparedName[]): PreparedName | undefined {
  return names.reduce<PreparedName | undefined>((best, name) => (!best || name.compact.length > best.compact.length ? name : best), undefined);
}

/** Brand tokens in a local part need this many letters ("jcb" is in too many mailbox names). */
const LOCAL_PART_TOKEN_LENGTH = 4;
/** Where a reader looks in the body: the opening words (greeting, letterhead) and the signature. */
const OPENING_CHARS = 160;
const SIGNATURE_CHARS = 240;

/** A sender's own name must be this long to count ("GadgetWeekly"; not "mail" or "news"). */
const OWN_NAME_LENGTH = 5;

/**
 * The display name also names the sending domain itself, and that name is not the brand's: the
 * brand is the topic of the sender's own publication ("GadgetWeekly Apple Corner" from
 * gadgetweekly.example), so the claim is low. "PayPal Secure" from paypal-secure.example names
 * the brand in its domain and stays a claim.
 */
function namesItself(text: string, host: CanonicalHost | undefined, brand: PreparedName): boolean {
  const label = host?.registrable ? brandLabel(host.registrable) : undefined;
  if (!label || label.length < OWN_NAME_LENGTH || label.replace(/-/g, '').includes(brand.compact)) return false;
  const own = prepareName(label);
  return own !== undefined && mentionsName(text, own);
}

/** Mailboxes only the domain's operator has (RFC 5321 postmaster, the bounce daemon). */
const OPERATOR_MAILBOX = /^(?:postmaster|mailer-daemon)@/i;

/** Lines quoted from earlier mail ("> …"): in a reply they are someone else's words, not the sender's claim. */
const QUOTED_LINE = /^[ \t]*>/m;

function withoutQuotedLines(text: string): string {
  return text.replace(/^[ \t]*>.*$\n?/gm, '');
}

function sendsFor(host: CanonicalHost | undefined, signedBy: readonly string[], organization: KnownOrganization, operator = false): boolean {
  if (host && isWithinDomains(host.ascii, organization.domains)) return true;
  // Outlook.com's own bounces come from postmaster@outlook.com as "Microsoft Outlook": the operator of a service domain.
  if (operator && host && isWithinDomains(host.ascii, organization.serviceDomains ?? [])) return true;
  return signedBy.some((domain) => isWithinDomains(domain, organization.domains));
}

export const organizationClaimMismatch: Rule = {
  id: 'organization-claim-mismatch',
  title: {
    en: 'The message claims to be from an organisation, but comes from an unrelated address',
    ja: '組織や企業を名乗っていますが、無関係なアドレスから送信されています',
  },
  explanation: {
    en:
      'The sender’s name (or the tag at the start of the subject) names a well-known organisation, ministry or company, but ' +
      'the message was not sent from any of that organisation’s addresses. Real notices from these organisations come from ' +
      'their own domains. Do not sign in, pay or reply through this message; go to the organisation’s site or app yourself.',
    ja:
      '差出人名（または件名冒頭の【】）に有名な組織・省庁・企業の名前がありますが、その組織のアドレスから送信されていません。' +
      '本物のお知らせはその組織自身のドメインから届きます。このメールからログイン・支払い・返信はせず、' +
      '公式サイトやアプリを自分で開いて確認してください。',
  },
  severity: 'medium',
  category: 'sender',
  technique: 'T1656',
  check(message, policy, context) {
    const organizations = prepareOrganizations(policy);
    if (organizations.length === 0) return undefined;
    const signedBy = dkimPassDomains(context.view);
    const evidence: Evidence[] = [];
    const claimed = new Set<KnownOrganization>();
    let high = false;
    let medium = false;
    const report = (entry: PreparedOrganization, name: PreparedName, field: string, value: string, address: string, host: CanonicalHost | undefined, topic = false) => {
      claimed.add(entry.organization);
      evidence.push({ kind: 'impersonation', field, value, claimed: name.original, expected: [...entry.organization.domains], actual: address || '(no address)' });
      if (entry.government || isFreemail(host, policy)) high = true;
      else if (!topic) medium = true;
    };
    const trustedSender = (host: CanonicalHost | undefined) =>
      host !== undefined && (isWithinDomains(host.ascii, policy.organizationDomains) || isWithinDomains(host.ascii, policy.trustedDomains));

    const alignment = context.view.alignment;
    for (const identity of claimedIdentities(message)) {
      if (!identity.name.trim() || (identity.viaList && !identity.address) || trustedSender(identity.host)) continue;
      const text = claimText(identity.name);
      const operator = OPERATOR_MAILBOX.test(identity.address) && (context.view.deliveryReport || alignment.aligned);
      for (const entry of organizations) {
        if (claimed.has(entry.organization) || sendsFor(identity.host, signedBy, entry.organization, operator)) continue;
        const name = longest(entry.names.filter((candidate) => mentionsName(text, candidate)));
        if (name) report(entry, name, identity.field, identity.name, identity.address, identity.host, namesItself(text, identity.host, name));
      }
    }

    const rewrite = listRewrite(message);
    const authorAddress = rewrite ? rewrite.address ?? '' : message.from?.address ?? '';
    const authorHost = hostOfAddress(authorAddress);
    if (!(rewrite && !rewrite.address) && !trustedSender(authorHost)) {
      for (const tag of subjectTags(message.subject)) {
        const compact = tagCompact(tag);
        for (const entry of organizations) {
          if (claimed.has(entry.organization) || sendsFor(authorHost, signedBy, entry.organization)) continue;
          const name = entry.names.find((candidate) => tagNames(compact, candidate));
          if (name) report(entry, name, 'subject', `【${tag}】`, authorAddress, authorHost);
        }
      }
    }
    // The local part of the address: "paypal.service@gmail.com", "amazon-security@x.example".
    const localParts = (authorAddress.split('@')[0] ?? '').toLowerCase().slice(0, 64).split(/[._\-+0-9]+/);
    if (authorAddress.includes('@') && !trustedSender(authorHost)) {
      for (const token of brandTokens(policy)) {
        if (token.token.length < LOCAL_PART_TOKEN_LENGTH || !localParts.includes(token.token)) continue;
        const entry = organizations.find((candidate) => candidate.organization.domains === token.domains || candidate.organization.domains.some((domain) => token.domains.includes(domain)));
        if (!entry || claimed.has(entry.organization) || sendsFor(authorHost, signedBy, entry.organization)) continue;
        report(entry, { ...entry.names[0], original: token.brand }, 'from.address', authorAddress, authorAddress, authorHost);
      }
    }
    if (evidence.length > 0) return { evidence: evidence.slice(0, 4), severity: high ? 'high' : medium ? 'medium' : 'low' };

    // Mentions where a reader looks (subject, the opening words, the signature) count only from a sender
    // that cannot be the organisation: free mail, or a From domain that authentication does not vouch for.
    // Not in bounces (by structure or from the operator's mailbox): they quote the returned message and the provider's help links.
    const unvouched = isFreemail(authorHost, policy) || (alignment.checked && !alignment.aligned);
    if (!unvouched || context.view.deliveryReport || OPERATOR_MAILBOX.test(authorAddress) || trustedSender(authorHost) || (rewrite && !rewrite.address)) return undefined;
    const body = QUOTED_LINE.test(message.text) ? normalizeText(decodeCharacterReferences(withoutQuotedLines(message.text.slice(0, BODY_LIMIT)))) : context.view.body;
    const places: [string, string][] = [
      ['subject', message.subject],
      ['body', body.slice(0, OPENING_CHARS)],
      ['signature', body.length > OPENING_CHARS ? body.slice(-SIGNATURE_CHARS) : ''],
    ];
    for (const [field, value] of places) {
      if (!value) continue;
      const text = claimText(value);
      for (const entry of organizations) {
        if (claimed.has(entry.organization) || sendsFor(authorHost, signedBy, entry.organization)) continue;
        const name = longest(entry.names.filter((candidate) => mentionsName(text, candidate)));
        if (!name) continue;
        claimed.add(entry.organization);
        evidence.push({ kind: 'impersonation', field, value: value.slice(0, 200), claimed: name.original, expected: [...entry.organization.domains], actual: authorAddress || '(no address)' });
      }
    }
    if (evidence.length === 0) return undefined;
    return { evidence: evidence.slice(0, 4), severity: 'low' };
  },
};
