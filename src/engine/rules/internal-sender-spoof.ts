// Help-desk impersonation of the reader's own organisation: "IT Support", "ヘルプデスク",
// "情報システム部", "example.or.jp Mail Admin" or a subject like "kaiyo-inst.or.jp: your mailbox
// password expires today" — sent from outside. Real IT notices come from the organisation's own
// domains; credential-harvesting mail poses as them because staff are trained to obey them.
//
// The organisation is policy.organizationDomains; when IT has not configured it, the recipients'
// own domains stand in (the message claims to be from "your" mail team, whoever you are).
// Severity: high when the name explicitly names the organisation or its domain, medium for an IT
// role alone ("System Administrator" from an unrelated domain) or a subject that mentions the
// organisation's domain together with mailbox/password wording, or a letterhead or signature that
// speaks for the organisation ("Secretariat", 「元理事長」, "on behalf of" with its name or domain)
// from an outside address: claims to be the reader's own organisation, as MirrorFace's lures posing
// as a think tank's former president or secretariat do.
// Quiet for: our own domains, trusted domains (an outsourced service desk belongs there), a DKIM
// signature of our domain, and delivery reports from MAILER-DAEMON/postmaster.
// High, and whoever the reader is (even when no recipient shows the organisation), when the whole
// name is a role ("support", "Help Desk", "Mail Administrator") and the mailbox is an individual's:
// a student or staff number, or first.last ("Support" <std6611@college.example>). That is the
// compromised-account shape universities warn about (University of Birmingham IT security, 2020: "an
// unusual name that might look a bit like the IT Service desk, but with a personal address"; Wheaton
// College, 2016: "claims to be from the IT Department, but was sent from a personal email account").
// A role writes from a role mailbox (RFC 2142: support@, help@, postmaster@ …), as ticketing platforms
// do (help@acme.zendesk.example), in other languages too (soporte.tecnico@, atencion.cliente@), or
// from a department's acronym ("IT Support" <its@university>, "Help Desk" <ti@…com.br>): those
// (sender/mailboxes.ts tells them from a person's), and names that add anything to the role ("Acme
// Support", "Anna Weber (IT Support)"), stay as above.
import type { Evidence, MailMessage } from '../model';
import type { Rule } from '../rule';
import type { ResolvedPolicy } from '../../policy/types';
import { isWithinDomains } from '../view';
import type { CanonicalHost } from '../../mail/hosts';
import { claimText, containsWord } from '../text/words';
import { claimedIdentities, dkimPassDomains, hostOfAddress, registrableOf } from '../sender/identity';
import { ownDomains } from '../sender/protected-domains';
import { isIndividualMailbox } from '../sender/mailboxes';

/** IT roles in Latin script, matched as whole words after folding look-alikes ("Adminstrator" typo included). */
const IT_ROLES = [
  'admin', 'admins', 'administrator', 'administrators', 'adminstrator', 'sysadmin', 'webadmin', 'mailadmin',
  'it support', 'it service desk', 'it services', 'it service', 'it department', 'it dept', 'it team', 'it helpdesk', 'it help desk',
  'helpdesk', 'help desk', 'service desk', 'servicedesk', 'system administrator', 'systems administrator', 'system admin',
  'mail administrator', 'email administrator', 'e mail administrator', 'mail admin', 'email admin', 'mail team', 'email team',
  'e mail team', 'mailbox team', 'mail support', 'email support', 'mail server', 'email server', 'webmail team', 'webmail support',
  'webmail admin', 'it security',
];

/** IT roles in Japanese (and the Chinese forms seen in the same campaigns), found anywhere in the name. */
const IT_ROLES_CJK = [
  'ヘルプデスク', 'サービスデスク', '情報システム部', '情報システム課', '情報システム室', '情報システム担当', '情シス',
  'システム管理者', 'システム管理部', 'システム管理室', 'システム部', 'メール管理者', 'メールシステム管理者', 'ネットワーク管理者',
  'サーバー管理者', 'サーバ管理者', 'セキュリティ管理者', '管理者', 'it部', 'it推進部', '管理员', '系统管理员', '管理員',
];

/** Words that make a subject about the reader's mail account rather than any business topic. */
const ACCOUNT_WORDS = [
  'password', 'passcode', 'mailbox', 'quota', 'storage', 'webmail', 'email server', 'mail server', 'email account', 'mail account',
  'verify', 'verification', 'expire', 'expires', 'expired', 'expiration', 'expiry', 'deactivation', 'deactivate', 'suspended',
  'suspension', 'shut down', 'shutdown', 'upgrade', 'pending messages', 'held messages', 'undeliverable', 'sign in', 'login',
];
const ACCOUNT_WORDS_CJK = ['パスワード', 'メールボックス', '容量', 'アカウント', '認証', '有効期限', '利用停止', '停止', 'ログイン', 'メールサーバ'];

/** Names that are a role and nothing else besides IT_ROLES, folded: a bare "support" names no one. */
const ROLE_ONLY = /^(?:support|security team|webmail)$/;

/** A role or office as the list writes it, and folded the same way as the text it is looked for in (CJK without spaces). */
interface Term {
  written: string;
  folded: string;
  cjk: boolean;
}

function terms(latin: readonly string[], cjk: readonly string[]): Term[] {
  return [
    ...latin.map((written) => ({ written, folded: claimText(written), cjk: false })),
    ...cjk.map((written) => ({ written, folded: claimText(written).replace(/ /g, ''), cjk: true })),
  ];
}

/** The most specific term the text names ("mail admin" rather than "admin", "former president" rather than "president"). */
function longestTerm(text: string, list: readonly Term[]): Term | undefined {
  const compact = text.replace(/ /g, '');
  let best: Term | undefined;
  for (const term of list) {
    if ((term.cjk ? compact.includes(term.folded) : containsWord(text, term.folded)) && (!best || term.written.length > best.written.length)) best = term;
  }
  return best;
}

/** Roles and account words, folded the same way as the text they are looked for in. */
const ROLE_TERMS = terms(IT_ROLES, IT_ROLES_CJK);
const ACCOUNT_TERMS = terms(ACCOUNT_WORDS, ACCOUNT_WORDS_CJK);

/** Offices and titles that speak for an organisation in a letterhead or signature. */
const OFFICES = ['secretariat', 'president', 'former president', 'vice president', 'chairman', 'chairperson', 'executive director', 'director general', 'board of directors', 'senior fellow'];
const OFFICES_CJK = ['事務局', '理事長', '元理事長', '会長', '元会長', '所長', '元所長', '顧問', '代表理事', '研究主幹', '主任研究員', '秘書室'];
const OFFICE_TERMS = terms(OFFICES, OFFICES_CJK);
/** Where a letterhead and a signature sit in the body. */
const LETTERHEAD_CHARS = 200;
const SIGNATURE_CHARS = 300;

/** Delivery reports are written by the remote mail server under its own name; they are not impersonation. */
const REPORT_SENDER = /^(mailer-daemon|postmaster|mail-daemon)@/i;

interface OrganizationName {
  /** claimText form, compared with the folded display name: "kaiyo inst or jp". */
  text: string;
  /** As configured, for people: "kaiyo-inst.or.jp". */
  shown: string;
}

interface Organization {
  domains: string[];
  /** Its domains and their distinctive labels ("kaiyo-inst"). */
  names: OrganizationName[];
}

/** The reader's organisation; no domains when neither the policy nor a recipient names one. */
function organizationOf(message: MailMessage, policy: ResolvedPolicy): Organization {
  const domains: string[] = [];
  const names: OrganizationName[] = [];
  const addName = (shown: string) => {
    const text = claimText(shown);
    if (text && !names.some((name) => name.text === text)) names.push({ text, shown });
  };
  if (policy.organizationDomains.length > 0) {
    for (const entry of ownDomains(policy)) {
      domains.push(entry.domain);
      addName(entry.registrable);
      if (entry.label.length >= 3) addName(entry.label);
    }
  } else {
    for (const recipient of message.to.slice(0, 10)) {
      const host = hostOfAddress(recipient.address);
      // Only a real registrable domain names an organisation (not a single-label host such as a test mailbox's).
      if (!host || host.isIp || !host.registrable) continue;
      const registrable = registrableOf(host);
      if (domains.includes(registrable)) continue;
      domains.push(registrable);
      addName(registrable);
      const label = registrable.split('.')[0];
      if (label.length >= 3) addName(label);
    }
  }
  return { domains, names };
}

function findName(text: string, organization: Organization): OrganizationName | undefined {
  return organization.names.find((name) => containsWord(text, name.text) || (name.text.includes(' ') && containsWord(text, name.text.replace(/ /g, ''))));
}

function mentionsAccount(text: string): boolean {
  return longestTerm(text, ACCOUNT_TERMS) !== undefined;
}

function isInternal(host: CanonicalHost | undefined, organization: Organization, signedBy: readonly string[], policy: ResolvedPolicy): boolean {
  if (host && (isWithinDomains(host.ascii, organization.domains) || isWithinDomains(host.ascii, policy.trustedDomains))) return true;
  return signedBy.some((domain) => isWithinDomains(domain, organization.domains));
}

export const internalSenderSpoof: Rule = {
  id: 'internal-sender-spoof',
  title: {
    en: 'The message poses as your IT department or mail administrator, but comes from outside',
    ja: '社内の情報システム部門やメール管理者を名乗っていますが、外部から送信されています',
  },
  explanation: {
    en:
      'The sender calls itself your help desk, IT department or mail administrator (or uses your organisation’s name or ' +
      'domain), but the message was sent from an address outside your organisation, or a bare role such as “Support” writes ' +
      'from a person’s own mailbox (a name with a number, first.last), as hijacked accounts do. Messages like this usually ask you to ' +
      '“verify” your mailbox or password on a fake sign-in page. Your IT staff will not ask for your password by email; ' +
      'report this message and contact your help desk the usual way.',
    ja:
      '差出人がヘルプデスク・情報システム部門・メール管理者を名乗っている（または組織名やドメイン名を使っている）のに、' +
      '組織外のアドレスから送信されています。または「サポート」などの役割名だけを名乗りながら、個人のメールボックス（番号付きの名前や' +
      '名.姓の形）から送信されています。乗っ取られたアカウントによく見られる形です。この種のメールは、偽のログインページでメールボックスやパスワードの「確認」を求める' +
      'のが典型です。情報システム部門がメールでパスワードを尋ねることはありません。このメールを報告し、いつもの方法で' +
      'ヘルプデスクに確認してください。',
  },
  severity: 'medium',
  category: 'sender',
  technique: 'T1656',
  check(message, policy, context) {
    // Unknown (no configured or visible domain): only a role on an individual's mailbox is read, below.
    const organization = organizationOf(message, policy);
    const signedBy = dkimPassDomains(context.view);
    const evidence: Evidence[] = [];
    let high = false;
    const isExternal = (address: string, host: CanonicalHost | undefined) =>
      address !== '' && !REPORT_SENDER.test(address) && !isInternal(host, organization, signedBy, policy);
    const identities = claimedIdentities(message);
    const claim = (field: string, value: string, claimed: string, actual: string) =>
      evidence.push({ kind: 'impersonation', field, value, claimed, expected: organization.domains, actual });

    for (const identity of identities) {
      if (!identity.name.trim() || !isExternal(identity.address, identity.host)) continue;
      const text = claimText(identity.name);
      const namesOrganization = findName(text, organization);
      const term = longestTerm(text, ROLE_TERMS);
      const role = term?.written;
      const roleOnly = term?.folded.replace(/ /g, '') === text.replace(/ /g, '') || ROLE_ONLY.test(text);
      const individual = roleOnly && isIndividualMailbox(identity.address);
      if (!individual && (!organization.domains.length || (!namesOrganization && !role))) continue;
      // A bare organisation label in a name ("Kaiyo" the person) is not a claim without an IT or account word.
      const explicitDomain = namesOrganization !== undefined && organization.domains.some((domain) => claimText(domain) === namesOrganization.text);
      if (namesOrganization && !role && !explicitDomain && !mentionsAccount(text)) continue;
      claim(identity.field, identity.name, namesOrganization && role ? `${role} (${namesOrganization.shown})` : namesOrganization?.shown ?? role ?? identity.name, identity.address);
      if (namesOrganization || individual) high = true;
    }

    const author = identities.find((identity) => identity.field === 'from.name');
    if (evidence.length === 0 && author && isExternal(author.address, author.host)) {
      // No claim in the name: the subject may still speak for "your" mail system.
      const subject = claimText(message.subject);
      const namesOrganization = findName(subject, organization);
      if (namesOrganization && mentionsAccount(subject)) {
        claim('subject', message.subject.slice(0, 512), namesOrganization.shown, author.address);
      }
    }
    // Only for the organisation IT configured: recipients' domains are anyone's, and a list relays their colleagues.
    const configured = policy.organizationDomains.length > 0 && !context.view.mailingList.present && !context.view.deliveryReport;
    if (evidence.length === 0 && configured && author && isExternal(author.address, author.host)) {
      // A letterhead or signature that speaks for the organisation from outside it: "Secretariat,
      // kaiyo-inst.or.jp", 「元理事長 … kaiyo-inst」 — a former executive's name is a favourite pretext.
      const body = context.view.body;
      const places: [string, string][] = [
        ['body', body.slice(0, LETTERHEAD_CHARS)],
        ['signature', body.length > LETTERHEAD_CHARS ? body.slice(-SIGNATURE_CHARS) : ''],
      ];
      for (const [field, value] of places) {
        const text = claimText(value);
        const namesOrganization = text ? findName(text, organization) : undefined;
        const office = namesOrganization ? longestTerm(text, OFFICE_TERMS)?.written : undefined;
        if (!namesOrganization || !office) continue;
        claim(field, value.slice(0, 200), `${office} (${namesOrganization.shown})`, author.address);
        break;
      }
    }
    if (evidence.length === 0) return undefined;
    return { evidence, severity: high ? 'high' : 'medium' };
  },
};
