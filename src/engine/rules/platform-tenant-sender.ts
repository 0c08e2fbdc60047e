// The sender is one customer of a shared platform, and its name has nothing to do with that
// customer: "Tether.to" <support@pqqjd.zendesk.com>, "Casino Rewards Top"
// <noreply@canad-7aae6.firebaseapp.com>, "BNB-AIRDROP" <…@ujxicee.onmicrosoft.com>. Anyone can open
// a help-desk, Microsoft 365 or Firebase account in a minute and send from its subdomain; the mail
// authenticates, so only the mismatch between the name shown and the account behind it is left to see.
// The same holds for a DKIM signature: a message signed only by a throw-away Microsoft 365 tenant
// ("ste20995472.onmicrosoft.com") that has nothing to do with the From domain was sent through an
// account opened for the purpose.
//
// Shared platforms: the private section of the Public Suffix List (hosting whose every subdomain
// belongs to a different customer) and the tenant domains of help desks and Microsoft 365
// (src/policy/data/hosts.ts).
//
// What it must leave alone:
// - a tenant whose name the display name shares ("Acme Support" <help@acme.zendesk.com>, Firebase
//   mail of project "myshop-1234" signed "MyShop", "Nyaaaan" on the WorkMail organisation "nyaan"),
//   and senders without a display name;
// - a company whose own domain Microsoft 365 signs with its initial domain until custom DKIM is set
//   up ("antunibremen.onmicrosoft.com" for uni-bremen.de): the tenant is named after the domain;
// - our own and trusted domains.
// Medium for a sender address on a platform (the name is all the reader sees), low for a signature.
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { TENANT_DOMAINS, tenantOf } from '../sender/tenants';
import { claimText } from '../text/words';
import { dkimPassDomains } from '../sender/identity';

/** Words shorter than this ("by", "of", "HR") say nothing about who a tenant is. */
const MIN_WORD = 3;
/** Display-name words compared; a name is a few words. */
const MAX_WORDS = 20;
/** A shared beginning this long relates a name to a tenant spelled a little differently ("Nyaaaan", "nyaan"). */
const SHARED_START = 4;

function compact(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when one of the words names the tenant, or the tenant's name contains one of the words. */
export function namesTenant(words: readonly string[], label: string): boolean {
  const tenant = compact(label).slice(0, 253);
  if (tenant.length < MIN_WORD) return true;
  for (const word of words.slice(0, MAX_WORDS)) {
    if (word.length < MIN_WORD) continue;
    if (tenant.includes(word) || word.includes(tenant)) return true;
    if (word.length >= SHARED_START && tenant.length >= SHARED_START && word.slice(0, SHARED_START) === tenant.slice(0, SHARED_START)) return true;
  }
  // Names written as one word: "MyShop" against "myshop-1234".
  const joined = words.join('');
  return joined.length >= MIN_WORD && (tenant.includes(joined) || joined.includes(tenant));
}

function wordsOf(name: string): string[] {
  return claimText(name).split(' ').map(compact).filter(Boolean);
}

export const platformTenantSender: Rule = {
  id: 'platform-tenant-sender',
  title: {
    en: 'Sent from someone’s account on a shared platform, under a name that is not theirs',
    ja: '共用サービス上の誰かのアカウントから、そのアカウントとは無関係な名前で送信されています',
  },
  explanation: {
    en:
      'The message comes from one customer’s account on a platform that anyone can sign up for (a help desk, Microsoft 365, app ' +
      'hosting), but the sender’s name has nothing to do with that account. The message passes the usual checks because the account ' +
      'is real; what it proves is only that someone opened it. Do not trust the name shown.',
    ja:
      '誰でも登録できる共用サービス（ヘルプデスク、Microsoft 365、アプリ基盤など）上の一顧客のアカウントから送信されていますが、' +
      '差出人名はそのアカウントと関係がありません。アカウント自体は本物のため通常の検査には合格しますが、それが示すのは誰かがアカウントを' +
      '作ったということだけです。表示された名前を信用しないでください。',
  },
  severity: 'medium',
  category: 'sender',
  technique: 'T1656',
  check(message, _policy, context) {
    const from = message.from;
    if (!from?.address) return undefined;
    const fromHost = context.view.fromHost;
    if (!fromHost || fromHost.isIp || context.view.fromTrusted) return undefined;
    const evidence: Evidence[] = [];
    const tenant = tenantOf(fromHost.ascii);
    const nameWords = wordsOf(from.name);
    if (tenant && nameWords.length > 0 && !namesTenant(nameWords, tenant.name)) {
      evidence.push({
        kind: 'header',
        name: 'From',
        value: `${from.name} <${from.address}>`,
        meaning: {
          en: `The address belongs to the account "${tenant.label}" on ${tenant.platform}, which anyone can open; the name "${from.name}" is not that account's`,
          ja: `このアドレスは、誰でも作れる ${tenant.platform} 上のアカウント「${tenant.label}」のもので、表示名「${from.name}」はそのアカウントのものではありません。`,
        },
      });
      return { evidence };
    }
    if (tenant) return undefined;
    // A DKIM signature only by a Microsoft 365 or help-desk tenant that the From domain does not name.
    const signers = dkimPassDomains(context.view);
    const domainWords = (fromHost.registrable ?? fromHost.ascii).split('.')[0].split('-').map(compact).filter(Boolean);
    const signedByFrom = signers.some((domain) => domain === fromHost.ascii || fromHost.ascii.endsWith('.' + domain) || domain.endsWith('.' + (fromHost.registrable ?? fromHost.ascii)));
    if (signedByFrom) return undefined;
    for (const signer of signers.slice(0, 5)) {
      const signingTenant = tenantOf(signer);
      if (!signingTenant || !TENANT_DOMAINS.has(signingTenant.platform) || namesTenant(domainWords, signingTenant.name)) continue;
      const fromDomain = fromHost.registrable ?? fromHost.ascii;
      evidence.push({
        kind: 'authentication',
        method: 'dkim',
        result: 'pass',
        domain: signer,
        meaning: {
          en: `Signed only by the account "${signingTenant.label}" on ${signingTenant.platform}, which anyone can open, and not by ${fromDomain}: the signature does not vouch for the sender`,
          ja: `署名したのは誰でも作れる ${signingTenant.platform} 上のアカウント「${signingTenant.label}」だけで、${fromDomain} ではありません。この署名は差出人を保証しません。`,
        },
      });
      return { evidence, severity: 'low' };
    }
    return undefined;
  },
};
