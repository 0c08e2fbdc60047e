// Link hosts with a meaning of their own. Each entry is a host name or registrable domain without
// wildcards; an entry covers its subdomains (sharepoint.com covers contoso-my.sharepoint.com,
// safelinks.protection.outlook.com covers jpn01.safelinks.protection.outlook.com).

/**
 * File sharing and cloud storage. Colleagues share files this way every day; attackers use the
 * same services because the link looks routine and the payload is not in the message itself.
 */
export const FILE_SHARING_HOSTS: readonly string[] = [
  // Microsoft
  'onedrive.live.com',
  '1drv.ms',
  'onedrive.com',
  'sharepoint.com',
  'sharepoint-df.com',
  'blob.core.windows.net',
  'web.core.windows.net',
  // Google
  'drive.google.com',
  'docs.google.com',
  'drive.usercontent.google.com',
  'storage.googleapis.com',
  'storage.cloud.google.com',
  'firebasestorage.googleapis.com',
  // Dropbox, Box
  'dropbox.com',
  'dropboxusercontent.com',
  'db.tt',
  'box.com',
  'box.net',
  // Adobe, DocSend: shared-document pages used as "view the document" lures
  'acrobat.adobe.com',
  'documentcloud.adobe.com',
  'docsend.com',
  // Transfer services
  'wetransfer.com',
  'we.tl',
  'mega.nz',
  'mega.io',
  'mediafire.com',
  'sendspace.com',
  'filetransfer.io',
  'transfer.sh',
  'file.io',
  'gofile.io',
  'pixeldrain.com',
  'files.fm',
  'catbox.moe',
  '4shared.com',
  '1fichier.com',
  'pcloud.com',
  'pcloud.link',
  'swisstransfer.com',
  'transfernow.net',
  'fromsmash.com',
  'send-anywhere.com',
  'disk.yandex.ru',
  'disk.yandex.com',
  // Japanese transfer services
  'gigafile.nu',
  'firestorage.jp',
  // Object storage and IPFS gateways that host phishing pages and payloads
  's3.amazonaws.com',
  'r2.dev',
  'ipfs.io',
  'dweb.link',
];

/**
 * Sharing services that open a shared picture in their own viewer (Dropbox, Google Drive, OneDrive and
 * SharePoint, Box: each service's help lists the image formats it previews), so a ".jpg" link there
 * shows an image. Object stores and gateways (S3, Azure Blob, Cloud Storage, Firebase Storage, R2,
 * IPFS) are not here: the uploader sets the type each file is served with (Content-Type metadata in
 * their documentation), so "invoice.png" there can be a sign-in page.
 */
export const PICTURE_VIEWER_HOSTS: readonly string[] = ['dropbox.com', 'drive.google.com', 'onedrive.live.com', 'sharepoint.com', 'box.com'];

/**
 * Hosted forms: form builders whose pages anyone can create in minutes and which collect whatever
 * they ask for (a password, a card number, a "reservation number") on the builder's trusted domain.
 * Phishing kits use them as the landing page because the domain passes reputation checks; the
 * builders' own abuse pages say so (Google Forms' "Never submit passwords" footer, Microsoft Forms'
 * phishing-detection notice, Jotform's and Typeform's abuse-report pages). Ordinary surveys and
 * sign-up sheets live here too, so a form is only a weak hint. An entry with a path ("docs.google.com/forms")
 * covers that first path segment of the host only. Entries are the builders' published form domains.
 */
export const HOSTED_FORM_HOSTS: readonly string[] = [
  'forms.gle',
  'docs.google.com/forms',
  'forms.office.com',
  'forms.microsoft.com',
  'forms.yandex.com',
  'forms.yandex.ru',
  'jotform.com',
  'typeform.com',
  'formstack.com',
  'wufoo.com',
  '123formbuilder.com',
  'cognitoforms.com',
  'formsite.com',
  'zfrmz.com',
  'forms.zohopublic.com',
  'tally.so',
  'paperform.co',
  'forms.app',
  'surveyheart.com',
];

/** URL shorteners: they hide where a link really goes. */
export const URL_SHORTENERS: readonly string[] = [
  'bit.ly',
  'bitly.com',
  'j.mp',
  'tinyurl.com',
  't.co',
  'ow.ly',
  'is.gd',
  'v.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'goo.gl',
  'share.google', // Google's share links (Search and Maps "Share", 2025), the successor of goo.gl
  'x.gd',
  't.ly',
  'shorturl.at',
  'shorturl.asia',
  'rb.gy',
  'tiny.cc',
  'tiny.one',
  's.id',
  'bl.ink',
  'lnkd.in',
  'bit.do',
  'short.gy',
  'shorte.st',
  'adf.ly',
  'cli.re',
  'gg.gg',
  'soo.gd',
  'clck.ru',
  'u.to',
  'urlz.fr',
  'dlvr.it',
  'ift.tt',
  'fb.me',
  'me2.do',
  'url.kr',
  'linktr.ee',
  // QR-code link services (quishing)
  'qrco.de',
  'l.ead.me',
  // Japanese shorteners
  'qr.paps.jp',
  'ux.nu',
  'htn.to',
  'amba.to',
  'nico.ms',
  'r10.to',
  'lin.ee',
  // Store shorteners
  'amzn.to',
  'amzn.asia',
];

/**
 * Mail services whose links normally redirect: click tracking of newsletter platforms and the
 * link protection of mail security gateways. A link through them whose text names another site
 * is how these services work, not a mismatch by itself.
 */
export const TRACKING_LINK_HOSTS: readonly string[] = [
  // Link protection (rewritten by the recipient's own mail security)
  'safelinks.protection.outlook.com',
  'safelinks.protection.office365.us',
  'urldefense.com',
  'urldefense.proofpoint.com',
  'mimecast.com',
  'mimecastprotect.com',
  'linkprotect.cudasvc.com',
  'secure-web.cisco.com',
  'protection.sophos.com',
  // Newsletter and transactional mail platforms
  'list-manage.com',
  'mcusercontent.com',
  'mailchi.mp',
  'mandrillapp.com',
  'sendgrid.net',
  'hubspotlinks.com',
  'hubspotemail.net',
  'hs-sites.com',
  'mktoweb.com',
  'exacttarget.com',
  'rs6.net',
  'awstrack.me',
  'mailgun.org',
  'sparkpostmail.com',
  'mjt.lu',
  'createsend1.com',
  'cmail19.com',
  'cmail20.com',
  'eloqua.com',
  'e2ma.net',
  'cuenote.jp',
  // Default click-tracking hosts of email-marketing platforms, as each vendor's help on link tracking
  // and branded tracking domains names them (before a customer sets up a domain of its own)
  'acemlna.com', // ActiveCampaign (*.lt.acemlnX.com), with its account hosts
  'acemlnb.com',
  'acemlnc.com',
  'acemlnd.com',
  'activehosted.com',
  'klclick.com', // Klaviyo
  'klclick1.com',
  'sendibt2.com', // Brevo (Sendinblue)
  'sendibt3.com',
  'mlsend.com', // MailerLite
  'maillist-manage.com', // Zoho Campaigns
  'pstmrk.it', // Postmark
  'en25.com', // Oracle Eloqua
  'links.iterable.com', // Iterable
  'customeriomail.com', // Customer.io
  'link.mail.beehiiv.com', // beehiiv
  'convertkit-mail.com', // Kit (ConvertKit)
  'convertkit-mail2.com',
  'bmetrack.com', // Benchmark Email
  'spgo.io', // SparkPost
  'clicks.aweber.com', // AWeber
];

/**
 * Shared platforms that give every customer a sending subdomain of their own domain
 * (<tenant>.onmicrosoft.com, <tenant>.zendesk.com): the address is real and authenticates, but it
 * vouches only for whoever opened the account. From each vendor's documentation of its default
 * sending or support address. Hosts under a private-section suffix of the Public Suffix List
 * (firebaseapp.com, web.app, pages.dev …) are shared platforms too; they are recognised through
 * the list itself and need no entry here.
 */
export const SHARED_TENANT_DOMAINS: readonly string[] = [
  // Microsoft 365 initial domains ("contoso.onmicrosoft.com")
  'onmicrosoft.com',
  // Help desks and customer-messaging tools whose default support address is a tenant subdomain
  'zendesk.com',
  'freshdesk.com',
  'zohodesk.com',
  'zohosalesiq.com',
  'helpscoutapp.com',
  'gorgias.io',
  'kustomer.com',
  'intercom-mail.com',
  'happyfox.com',
  'kayako.com',
];
