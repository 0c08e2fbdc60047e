// Download links on file-sharing services (OneDrive, SharePoint, Google Drive, Dropbox, WeTransfer…)
// from a free-mail or untrusted sender: a common way to deliver malware or a fake login page past
// attachment scanning (reported in MirrorFace and many other campaigns).
// Not reported: senders in organizationDomains/trustedDomains (unless they use free mail), and the
// organisation's own SharePoint/OneDrive tenant (<org>.sharepoint.com, <org>-my.sharepoint.com),
// which IT controls. High when lure wording or an impersonation finding accompanies the link, and
// when the link itself names a file nobody shares for reading: a program, a script, a disk image, a
// macro document or an archive (MirrorFace's OneDrive links to ZIPs holding LNK files, ISO droppers
// on Dropbox): "…/invoice.iso?dl=1".
// Also not reported: a link that opens a picture in a sharing service's viewer ("dropbox.com/s/…/IMG_0412.jpg?dl=0").
// Mailing lists strip attachments, so people share photos and screenshots this way; the viewer shows
// a picture, with nothing to run and no form to sign in to. Not on an object store (S3, Azure Blob):
// there the uploader decides what "invoice.png" is served as, a web page included.
// Tuning: policy.fileSharingHosts, policy.freemailDomains, policy.riskyExtensions.
import type { Evidence } from '../model';
import type { ResolvedPolicy } from '../../policy/types';
import type { Rule } from '../rule';
import { brandLabel, clip, hostInSet, parseWebUrl } from './content/links';
import { builtInRiskyExtension } from '../../policy/data/extensions';
import { PICTURE_VIEWER_HOSTS } from '../../policy/data/hosts';
import { findingsOf, IMPERSONATION_RULES, LURE_RULES } from './content/findings';

const MAX_EVIDENCE = 5;
/** Archives: what a program travels in past a mail filter. */
const ARCHIVE_EXTENSIONS = new Set(['zip', 'rar', '7z', 'gz', 'tgz', 'tar', 'cab', 'ace', 'arj', 'lzh', 'xz', 'bz2']);
/** Pictures the services show in their own viewer (Dropbox, Google Drive and OneDrive preview these formats). */
const PICTURE = /\.(?:jpe?g|png|gif|webp|heic)$/i;
const PICTURE_VIEWERS: ReadonlySet<string> = new Set(PICTURE_VIEWER_HOSTS);
/** Kinds of file a link on a sharing service should never hand a reader directly (web pages are the service's own). */
const RISKY_KINDS = new Set(['executable', 'script', 'disk-image', 'macro-enabled', 'embedding']);

/** The file a sharing link names: its URL's last path segment, decoded ("" for a folder or a share code). */
function linkedFile(href: string): string {
  const url = parseWebUrl(href);
  if (!url) return '';
  let name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1, url.pathname.lastIndexOf('/') + 201);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it encoded
  }
  return name;
}

/** A picture (the file a link names) shown in a sharing service's own viewer. */
function opensPicture(host: string, file: string): boolean {
  return hostInSet(host, PICTURE_VIEWERS) && PICTURE.test(file);
}

/** The risky file a sharing link downloads, by its name's extension ("invoice.iso"); undefined otherwise. */
function riskyFile(name: string, policy: ResolvedPolicy): string | undefined {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const extension = name.slice(dot + 1).toLowerCase();
  const builtIn = builtInRiskyExtension(extension);
  const risky = ARCHIVE_EXTENSIONS.has(extension) || (builtIn ? RISKY_KINDS.has(builtIn.kind) : policy.riskyExtensions.has(extension));
  return risky ? name : undefined;
}

/** "example" for example.co.jp: the tenant name the organisation most likely uses on SharePoint. */
function ownTenants(policy: ResolvedPolicy): Set<string> {
  const tenants = new Set<string>();
  for (const domain of policy.organizationDomains) {
    const label = brandLabel(domain);
    if (label) tenants.add(label.toLowerCase());
  }
  return tenants;
}

function isOwnTenant(host: string, tenants: ReadonlySet<string>): boolean {
  if (!host.endsWith('.sharepoint.com')) return false;
  const tenant = host.slice(0, -'.sharepoint.com'.length).split('.').pop() ?? '';
  return tenants.has(tenant.replace(/-(my|files|admin)$/, ''));
}

export const fileSharingLink: Rule = {
  id: 'file-sharing-link',
  title: {
    en: 'File-sharing download link from an outside sender',
    ja: '外部の送信者からのファイル共有リンク',
  },
  explanation: {
    en: 'The message asks you to download a file from a file-sharing service, and it does not come from our organisation or a trusted partner. Attackers share malware and fake sign-in pages this way because files behind a link are not scanned like attachments. If you were not expecting a file from this person, confirm with them by phone or a known address first.',
    ja: '社外の（または信頼済みでない）送信者から、ファイル共有サービスでのダウンロードを求められています。リンク先のファイルは添付ファイルのように検査されないため、攻撃者がマルウェアや偽のログイン画面を渡す手口としてよく使います。心当たりがなければ、電話や既知の連絡先で送信者に確認してから開いてください。',
  },
  severity: 'medium',
  category: 'links',
  technique: 'T1566.002',
  requires: ['body'],
  check(message, policy, context) {
    const fromFreemail = hostInSet(context.view.fromHost?.ascii, policy.freemailDomains);
    if (context.view.fromTrusted && !fromFreemail) return undefined;
    const tenants = ownTenants(policy);
    const evidence: Evidence[] = [];
    let download = false;
    for (const link of context.view.links) {
      const host = link.host?.ascii;
      if (!host || !hostInSet(host, policy.fileSharingHosts) || isOwnTenant(host, tenants)) continue;
      // The URL is read once for both questions: a picture in a viewer, or a risky download.
      const named = linkedFile(link.href);
      if (opensPicture(host, named)) continue;
      const file = riskyFile(named, policy);
      if (file) download = true;
      const shown = clip(file ?? '', 80);
      evidence.push({
        kind: 'link',
        text: clip(link.text),
        href: clip(link.href),
        host,
        reason: file
          ? { en: `file-sharing link that downloads "${shown}", a kind of file that can run code`, ja: `コードを実行できる種類のファイル「${shown}」をダウンロードさせるファイル共有リンクです。` }
          : fromFreemail
            ? { en: 'file-sharing link from a free-mail address', ja: 'フリーメールのアドレスから送られたファイル共有リンクです。' }
            : { en: 'file-sharing link from an untrusted sender', ja: '信頼済みでない送信者から送られたファイル共有リンクです。' },
      });
      if (evidence.length >= MAX_EVIDENCE) break;
    }
    if (evidence.length === 0) return undefined;
    const corroborated = download || findingsOf(context.findings, LURE_RULES).length > 0 || findingsOf(context.findings, IMPERSONATION_RULES).length > 0;
    return { severity: corroborated ? 'high' : 'medium', evidence };
  },
};
