// Organisations people pose as, with the domains that really send for them.
//
// Where the entries come from (public data, never an evaluation message):
// - government and research: the Japanese ministries, agencies and policy institutes that targeted
//   campaigns against Japan impersonate (JPCERT/CC, NPA and NISC advisories on MirrorFace), with the
//   domains they publish on their own sites;
// - brands-global: brands named in public brand-phishing statistics (Check Point Research's quarterly
//   Brand Phishing Reports, APWG Phishing Activity Trends, FTC Consumer Sentinel impersonation data),
//   national postal services and the largest retail banks whose CERTs warn of phishing in their name;
// - brands-japan: the brands in the Council of Anti-Phishing Japan's monthly reports (cards, banks,
//   carriers, delivery, railways, tolls, securities accounts taken over in 2025) and FSA warnings.
// scripts/audit-lists.ts shows which entries findings rest on; entries that only ever caught one
// evaluation message (a supermarket, a motoring club, a loyalty scheme, a drug maker's name in one
// procurement scam) were removed in the list audit.
//
// Names: what appears in a display name to claim the organisation. They must be specific enough
// not to fire on ordinary words or people's names: "Chase" is a surname and a verb (we use
// "Chase Bank", "JPMorgan Chase"), "LINE" is an English word (we use "LINE株式会社", "LINEヤフー"),
// "みずほ" and "佐川" are personal names, "イオン" is inside "ライオン", "Meta" is inside
// "MetaMask", "Citi" inside "Citizen", "au" inside half the Latin alphabet, "ATLA" inside
// "Atlanta", "MOFA" is also Taiwan's and Korea's foreign ministry. Some short brand names are kept
// because they are what phishing actually uses and collisions are rare in display names ("Apple",
// "UPS", "DHL", "JCB"); the rules compare Latin-script names as whole words, so "UPS" does not
// fire on "Groups" and "Apple" not on "Pineapple", but a bakery called "Apple Pie" would still be
// checked against Apple's domains: an explained low-severity finding, and IT can add the bakery's
// domain to trustedDomains.
//
// Domains: registrable domains or sending subdomains; a sender matches a domain or any subdomain
// of it. Free-mail domains (outlook.com, icloud.com, gmail.com, docomo.ne.jp, ...) and shared
// tenant domains (onmicrosoft.com) are never listed, even where the brand owns them: anyone can
// get an address there and put "Microsoft" or "ドコモ" in the display name. The ones a brand
// operates are its serviceDomains instead: its own hosts for links, never proof of a sender.
import type { KnownOrganization } from '../types';

export interface OrganizationGroup {
  id: 'government' | 'research' | 'brands-global' | 'brands-japan';
  title: { en: string; ja: string };
  organizations: readonly KnownOrganization[];
}

const GOVERNMENT: KnownOrganization[] = [
  {
    names: ['外務省', 'Ministry of Foreign Affairs of Japan', 'Japan Ministry of Foreign Affairs', 'Japanese Ministry of Foreign Affairs', 'MOFA Japan'],
    domains: ['mofa.go.jp'],
  },
  {
    names: ['防衛省', 'Ministry of Defense of Japan', 'Japan Ministry of Defense', 'Japanese Ministry of Defense', 'JMOD', '自衛隊', 'Japan Self-Defense Forces', '統合幕僚監部'],
    domains: ['mod.go.jp'],
  },
  { names: ['防衛装備庁', 'Acquisition, Technology & Logistics Agency', 'Acquisition Technology and Logistics Agency'], domains: ['mod.go.jp'] },
  { names: ['防衛研究所', 'National Institute for Defense Studies'], domains: ['nids.mod.go.jp', 'mod.go.jp'] },
  { names: ['経済産業省', '経産省', 'Ministry of Economy, Trade and Industry', 'METI'], domains: ['meti.go.jp'] },
  { names: ['内閣官房', 'Cabinet Secretariat of Japan', '国家安全保障局', 'National Security Secretariat'], domains: ['cas.go.jp', 'kantei.go.jp'] },
  { names: ['内閣府', 'Cabinet Office of Japan', 'Cabinet Office, Government of Japan'], domains: ['cao.go.jp'] },
  { names: ['首相官邸', '総理大臣官邸', "Prime Minister's Office of Japan"], domains: ['kantei.go.jp', 'cas.go.jp'] },
  {
    names: ['内閣サイバーセキュリティセンター', '国家サイバー統括室', 'National center of Incident readiness and Strategy for Cybersecurity', 'NISC'],
    domains: ['nisc.go.jp', 'cas.go.jp'],
  },
  { names: ['警察庁', 'National Police Agency of Japan'], domains: ['npa.go.jp'] },
  { names: ['警視庁', 'Tokyo Metropolitan Police Department'], domains: ['keishicho.metro.tokyo.lg.jp'] },
  { names: ['財務省', 'Ministry of Finance Japan', 'Japan Ministry of Finance'], domains: ['mof.go.jp'] },
  { names: ['総務省', 'Ministry of Internal Affairs and Communications'], domains: ['soumu.go.jp'] },
  { names: ['文部科学省', '文科省', 'MEXT'], domains: ['mext.go.jp'] },
  { names: ['国税庁', 'National Tax Agency Japan', 'e-Tax', '国税電子申告'], domains: ['nta.go.jp'] },
  { names: ['法務省', 'Ministry of Justice of Japan'], domains: ['moj.go.jp'] },
  { names: ['出入国在留管理庁', '入管庁', 'Immigration Services Agency of Japan'], domains: ['moj.go.jp'] },
  { names: ['公安調査庁', 'Public Security Intelligence Agency'], domains: ['moj.go.jp'] },
  { names: ['厚生労働省', '厚労省', 'Ministry of Health, Labour and Welfare'], domains: ['mhlw.go.jp'] },
  { names: ['国土交通省', '国交省', 'Ministry of Land, Infrastructure, Transport and Tourism'], domains: ['mlit.go.jp'] },
  { names: ['海上保安庁', 'Japan Coast Guard'], domains: ['kaiho.mlit.go.jp', 'mlit.go.jp'] },
  { names: ['農林水産省', '農水省', 'Ministry of Agriculture, Forestry and Fisheries'], domains: ['maff.go.jp'] },
  { names: ['環境省', 'Ministry of the Environment, Government of Japan'], domains: ['env.go.jp'] },
  { names: ['デジタル庁', 'Digital Agency of Japan', 'マイナポータル', 'マイナンバーカード'], domains: ['digital.go.jp', 'myna.go.jp', 'kojinbango-card.go.jp'] },
  { names: ['金融庁', 'Financial Services Agency of Japan'], domains: ['fsa.go.jp'] },
  { names: ['個人情報保護委員会'], domains: ['ppc.go.jp'] },
  { names: ['日本年金機構', 'ねんきんネット'], domains: ['nenkin.go.jp'] },
  { names: ['衆議院', 'House of Representatives of Japan'], domains: ['shugiin.go.jp'] },
  { names: ['参議院', 'House of Councillors'], domains: ['sangiin.go.jp'] },
  { names: ['日本銀行', '日銀', 'Bank of Japan'], domains: ['boj.or.jp'] },
  { names: ['宇宙航空研究開発機構', 'JAXA'], domains: ['jaxa.jp'] },
  { names: ['国際協力機構', 'Japan International Cooperation Agency', 'JICA'], domains: ['jica.go.jp'] },
  { names: ['日本貿易振興機構', 'ジェトロ', 'JETRO'], domains: ['jetro.go.jp'] },
  { names: ['情報処理推進機構', 'Information-technology Promotion Agency'], domains: ['ipa.go.jp'] },
  { names: ['JPCERT/CC', 'JPCERTコーディネーションセンター', 'JPCERT Coordination Center'], domains: ['jpcert.or.jp'] },
  { names: ['在日米国大使館', 'アメリカ大使館', 'U.S. Embassy Tokyo', 'U.S. Embassy and Consulates in Japan'], domains: ['usembassy.gov', 'state.gov'] },
];

const RESEARCH: KnownOrganization[] = [
  { names: ['日本国際問題研究所', '国問研', 'Japan Institute of International Affairs', 'JIIA'], domains: ['jiia.or.jp'] },
  { names: ['笹川平和財団', 'Sasakawa Peace Foundation'], domains: ['spf.org'] },
  { names: ['経済産業研究所', 'Research Institute of Economy, Trade and Industry', 'RIETI'], domains: ['rieti.go.jp'] },
  { names: ['アジア経済研究所', 'アジ研', 'Institute of Developing Economies', 'IDE-JETRO'], domains: ['ide.go.jp'] },
  { names: ['日本国際フォーラム', 'Japan Forum on International Relations'], domains: ['jfir.or.jp'] },
  { names: ['中曽根平和研究所', 'Nakasone Peace Institute'], domains: ['npi.or.jp'] },
  { names: ['東京財団', 'Tokyo Foundation for Policy Research'], domains: ['tkfd.or.jp'] },
  { names: ['キヤノングローバル戦略研究所', 'Canon Institute for Global Studies'], domains: ['canon-igs.org'] },
  { names: ['日本国際交流センター', 'Japan Center for International Exchange', 'JCIE'], domains: ['jcie.or.jp', 'jcie.org'] },
  { names: ['日本経済団体連合会', '経団連', 'Keidanren'], domains: ['keidanren.or.jp'] },
];

const BRANDS_GLOBAL: KnownOrganization[] = [
  {
    names: [
      'Microsoft',
      'マイクロソフト',
      'Microsoft 365',
      'Office 365',
      'Outlook Team',
      'Outlook Web App',
      'OneDrive',
      'SharePoint',
      'Microsoft Teams',
      'Microsoft account team',
      'Microsoft アカウント チーム',
    ],
    domains: ['microsoft.com', 'microsoft.co.jp', 'office.com', 'office.net', 'office365.com', 'microsoft365.com', 'microsoftonline.com', 'sharepoint.com', 'sharepointonline.com', 'onedrive.com', 'azure.com', 'aka.ms'],
    // Microsoft's consumer services: Outlook.com mail and OneDrive personal links.
    serviceDomains: ['live.com', '1drv.ms', 'outlook.com', 'hotmail.com', 'msn.com'],
  },
  {
    names: ['Amazon', 'アマゾン', 'Amazon.co.jp', 'Amazon Prime', 'Amazonプライム', 'Amazon Web Services'],
    domains: [
      'amazon.com',
      'amazon.co.jp',
      'amazon.jp',
      'amazon.co.uk',
      'amazon.de',
      'amazon.fr',
      'amazon.it',
      'amazon.es',
      'amazon.nl',
      'amazon.se',
      'amazon.pl',
      'amazon.ca',
      'amazon.com.au',
      'amazon.com.br',
      'amazon.com.mx',
      'amazon.com.tr',
      'amazon.in',
      'amazon.sg',
      'amazon.ae',
      'amazon.sa',
      'primevideo.com',
      'audible.com',
      'audible.co.jp',
    ],
  },
  { names: ['Apple', 'Apple ID', 'Apple Support', 'iCloud', 'App Store', 'iTunes', 'アップル'], domains: ['apple.com', 'itunes.com'], serviceDomains: ['icloud.com', 'me.com', 'mac.com'] },
  {
    names: ['Google', 'Google Workspace', 'Google Drive', 'Google Docs', 'Gmail Team', 'グーグル'],
    domains: ['google.com', 'google.co.jp', 'youtube.com'],
    serviceDomains: ['gmail.com', 'googlemail.com', 'forms.gle', 'youtu.be'],
  },
  { names: ['PayPal', 'ペイパル'], domains: ['paypal.com', 'paypal.jp', 'paypal.co.uk', 'paypal.de', 'paypal.fr', 'paypal.it', 'paypal.es', 'paypal.com.au'] },
  { names: ['DHL', 'DHL Express', 'DHL Paket'], domains: ['dhl.com', 'dhl.de', 'dhl.co.jp', 'dhl.co.uk', 'dhl.fr', 'dhl.nl', 'dpdhl.com'] },
  { names: ['FedEx', 'フェデックス'], domains: ['fedex.com'] },
  { names: ['UPS', 'United Parcel Service', 'UPS My Choice', 'UPS Quantum View'], domains: ['ups.com'] },
  { names: ['USPS', 'United States Postal Service'], domains: ['usps.com', 'usps.gov'] },
  { names: ['Netflix', 'ネットフリックス'], domains: ['netflix.com'] },
  { names: ['DocuSign', 'ドキュサイン'], domains: ['docusign.com', 'docusign.net'] },
  { names: ['Adobe', 'Adobe Acrobat', 'Adobe Sign', 'Adobe Document Cloud', 'アドビ'], domains: ['adobe.com', 'adobesign.com', 'echosign.com'] },
  { names: ['Dropbox'], domains: ['dropbox.com', 'dropboxmail.com'] },
  { names: ['WeTransfer'], domains: ['wetransfer.com'] },
  { names: ['Zoom Video', 'Zoom Meetings', 'Zoom Communications', 'Zoom Team'], domains: ['zoom.us', 'zoom.com', 'zoomgov.com'] },
  { names: ['Webex', 'Cisco Webex'], domains: ['webex.com', 'cisco.com'] },
  {
    names: ['Facebook', 'フェイスブック', 'Meta Platforms', 'Meta for Business', 'Meta Business Support', 'Meta Ads', 'Meta Verified', 'Instagram', 'インスタグラム', 'WhatsApp'],
    domains: ['facebook.com', 'facebookmail.com', 'fb.com', 'meta.com', 'instagram.com', 'whatsapp.com'],
  },
  { names: ['LinkedIn', 'リンクトイン'], domains: ['linkedin.com'] },
  { names: ['Wells Fargo'], domains: ['wellsfargo.com', 'wellsfargoadvisors.com'] },
  { names: ['Bank of America', 'BofA'], domains: ['bankofamerica.com', 'bofa.com'] },
  { names: ['Chase Bank', 'JPMorgan Chase', 'J.P. Morgan', 'Chase Online'], domains: ['chase.com', 'jpmorgan.com', 'jpmorganchase.com', 'jpmchase.com'] },
  { names: ['Citibank', 'Citigroup', 'Citi Cards', 'シティバンク'], domains: ['citi.com', 'citibank.com', 'citigroup.com'] },
  { names: ['American Express', 'AmEx', 'アメリカン・エキスプレス', 'アメックス'], domains: ['americanexpress.com', 'americanexpress.co.jp', 'aexp.com'] },
  { names: ['Mastercard', 'マスターカード'], domains: ['mastercard.com', 'mastercard.co.jp'] },
  { names: ['Coinbase'], domains: ['coinbase.com'] },
  { names: ['Binance', 'バイナンス'], domains: ['binance.com'] },
  // MetaMask does not send account mail at all; any "MetaMask" message from elsewhere is suspect.
  { names: ['MetaMask'], domains: ['metamask.io'] },
  // "Ledger" alone is also an accounting word; a display name claiming it from elsewhere is still only one sign.
  { names: ['Ledger', 'Ledger Wallet', 'Ledger Live'], domains: ['ledger.com'] },
  { names: ['OpenSea'], domains: ['opensea.io'] },
  { names: ['Crypto.com'], domains: ['crypto.com'] },
  { names: ['Trust Wallet'], domains: ['trustwallet.com'] },
  { names: ['Norton 360', 'Norton Security', 'Norton LifeLock', 'NortonLifeLock', 'Norton Antivirus'], domains: ['norton.com', 'nortonlifelock.com', 'gendigital.com'] },
  { names: ['McAfee'], domains: ['mcafee.com'] },
  { names: ['eBay'], domains: ['ebay.com', 'ebay.co.uk', 'ebay.de', 'ebay.co.jp'] },
  { names: ['Booking.com'], domains: ['booking.com'] },
  { names: ['Airbnb'], domains: ['airbnb.com', 'airbnb.jp'] },
  { names: ['Internal Revenue Service'], domains: ['irs.gov'] },
  { names: ['Walmart'], domains: ['walmart.com'] },
  // "Geek Squad" subscription-renewal mail is among the commonest impersonations in FTC reports.
  { names: ['Best Buy', 'Geek Squad'], domains: ['bestbuy.com'] },
  { names: ['Temu'], domains: ['temu.com'] },
  { names: ['SHEIN'], domains: ['shein.com'] },
  { names: ['AliExpress'], domains: ['aliexpress.com', 'alibaba.com'] },
  { names: ['Spotify'], domains: ['spotify.com'] },
  { names: ['Disney+', 'Disney Plus'], domains: ['disney.com', 'disneyplus.com'] },
  { names: ['Steam Support', 'Steam Community'], domains: ['steampowered.com', 'steamcommunity.com'] },
  { names: ['TikTok'], domains: ['tiktok.com'] },
  { names: ['Capital One'], domains: ['capitalone.com'] },
  // Carriers and postal services
  { names: ['Royal Mail'], domains: ['royalmail.com'] },
  { names: ['PostNL'], domains: ['postnl.nl'] },
  { names: ['DPD'], domains: ['dpd.com', 'dpd.de', 'dpd.co.uk', 'dpd.fr', 'dpd.nl'] },
  { names: ['Australia Post', 'AusPost'], domains: ['auspost.com.au'] },
  { names: ['Correios', 'Correios Brasil'], domains: ['correios.com.br'] },
  // Banks and services phished in Europe and Latin America
  { names: ['Banco do Brasil'], domains: ['bb.com.br'] },
  { names: ['Bradesco', 'Banco Bradesco'], domains: ['bradesco.com.br', 'bradescoseguros.com.br'] },
  { names: ['Itaú', 'Banco Itaú', 'Itaú Unibanco'], domains: ['itau.com.br'] },
  { names: ['Caixa Econômica Federal'], domains: ['caixa.gov.br'] },
  { names: ['Receita Federal'], domains: ['gov.br'] },
  { names: ['Banco Santander'], domains: ['santander.com', 'santander.es', 'santander.com.br', 'santander.co.uk', 'santander.de'] },
  { names: ['BBVA'], domains: ['bbva.com', 'bbva.es', 'bbva.mx'] },
  { names: ['Agencia Tributaria'], domains: ['agenciatributaria.gob.es', 'agenciatributaria.es'] },
  { names: ['Deutsche Bank'], domains: ['db.com', 'deutsche-bank.de'] },
  { names: ['Commerzbank'], domains: ['commerzbank.de', 'commerzbank.com'] },
  { names: ['ING Bank', 'ING-DiBa'], domains: ['ing.de', 'ing.com', 'ing.nl'] },
  { names: ['Yahoo Mail', 'Yahoo Account', 'Yahoo Security'], domains: ['yahoo-inc.com', 'yahooinc.com'], serviceDomains: ['yahoo.com'] },
];

const BRANDS_JAPAN: KnownOrganization[] = [
  {
    names: ['楽天', 'Rakuten', '楽天市場', '楽天カード', '楽天銀行', '楽天証券', '楽天モバイル'],
    domains: ['rakuten.co.jp', 'rakuten.com', 'rakuten-card.co.jp', 'rakuten-bank.co.jp', 'rakuten-sec.co.jp'],
  },
  {
    names: ['三井住友銀行', '三井住友カード', '三井住友フィナンシャルグループ', 'SMBC', 'SMBC日興証券', 'Vpass'],
    domains: ['smbc.co.jp', 'smbc-card.com', 'vpass.ne.jp', 'smfg.co.jp', 'smbcnikko.co.jp'],
  },
  {
    names: ['三菱UFJ', '三菱UFJ銀行', '三菱UFJニコス', 'MUFG', 'MUFGカード', 'DCカード'],
    domains: ['mufg.jp'],
  },
  { names: ['みずほ銀行', 'みずほフィナンシャルグループ', 'みずほ証券', 'みずほダイレクト', 'Mizuho Bank', 'Mizuho Financial'], domains: ['mizuhobank.co.jp', 'mizuho-fg.co.jp', 'mizuho-sc.com'] },
  { names: ['ゆうちょ銀行', 'ゆうちょ', 'Japan Post Bank', '日本郵便', 'Japan Post', '郵便局', 'かんぽ生命'], domains: ['japanpost.jp'] },
  { names: ['ヤマト運輸', 'クロネコヤマト', 'Yamato Transport'], domains: ['kuronekoyamato.co.jp', 'yamato-hd.co.jp'] },
  { names: ['佐川急便', 'Sagawa Express'], domains: ['sagawa-exp.co.jp', 'sg-hldgs.co.jp'] },
  // au's own addresses (@au.com, @ezweb.ne.jp) are free mail for its subscribers, so they are not listed.
  { names: ['KDDI', 'au ID', 'auお客様サポート', 'au PAY', 'auじぶん銀行'], domains: ['kddi.com', 'auone.jp', 'jibunbank.co.jp'] },
  // Likewise @docomo.ne.jp and @softbank.ne.jp/@i.softbank.jp belong to subscribers.
  { names: ['ドコモ', 'docomo', 'NTTドコモ', 'dアカウント', 'dポイント'], domains: ['nttdocomo.co.jp'] },
  { names: ['ソフトバンク', 'SoftBank', 'ワイモバイル', 'Y!mobile'], domains: ['softbank.co.jp', 'mb.softbank.jp', 'ymobile.jp'] },
  { names: ['メルカリ', 'Mercari', 'メルペイ'], domains: ['mercari.com', 'mercari.jp', 'merpay.com'] },
  { names: ['JCB', 'MyJCB', 'ジェーシービー'], domains: ['jcb.co.jp', 'jcb.jp'] },
  { names: ['イオンカード', 'イオン銀行', 'イオンフィナンシャルサービス', 'AEON Card', 'AEON Bank'], domains: ['aeon.co.jp', 'aeon.com', 'aeon.jp', 'aeonbank.co.jp'] },
  { names: ['Yahoo! JAPAN', 'Yahoo!JAPAN', 'Yahoo Japan', 'ヤフー', 'Yahoo!ショッピング', 'LINEヤフー', 'LINE株式会社', 'LINE Corporation', 'LINE公式'], domains: ['mail.yahoo.co.jp', 'lycorp.co.jp', 'linecorp.com', 'line.me'] },
  { names: ['PayPay'], domains: ['paypay.ne.jp', 'paypay-corp.co.jp', 'paypay-bank.co.jp', 'paypay-card.co.jp'] },
  { names: ['ETC利用照会', 'ETC利用照会サービス', 'ETCマイレージ', 'NEXCO'], domains: ['etc-meisai.jp', 'smile-etc.jp', 'e-nexco.co.jp', 'c-nexco.co.jp', 'w-nexco.co.jp'] },
  { names: ['えきねっと', 'JR東日本', 'モバイルSuica'], domains: ['eki-net.com', 'jreast.co.jp'] },
  { names: ['スマートEX', 'JR東海'], domains: ['smart-ex.jp', 'jr-central.co.jp'] },
  { names: ['SBI証券', '住信SBIネット銀行'], domains: ['sbisec.co.jp', 'netbk.co.jp'] },
  { names: ['野村證券', '野村証券', 'Nomura Securities'], domains: ['nomura.co.jp'] },
  { names: ['マネックス証券', 'Monex'], domains: ['monex.co.jp'] },
  { names: ['松井証券'], domains: ['matsui.co.jp'] },
  { names: ['大和証券'], domains: ['daiwa.co.jp', 'daiwa.jp'] },
  { names: ['セゾンカード', 'クレディセゾン', 'SAISON CARD', 'SAISON'], domains: ['saisoncard.co.jp', 'saison.co.jp'] },
  { names: ['ビューカード'], domains: ['viewcard.co.jp'] },
  { names: ['ライフカード'], domains: ['lifecard.co.jp'] },
  { names: ['コインチェック', 'Coincheck'], domains: ['coincheck.com'] },
  { names: ['ビットフライヤー', 'bitFlyer'], domains: ['bitflyer.com', 'bitflyer.jp'] },
  { names: ['JALマイレージバンク', '日本航空', 'Japan Airlines'], domains: ['jal.co.jp', 'jal.com'] },
  { names: ['ANAマイレージクラブ', '全日空', '全日本空輸', 'All Nippon Airways'], domains: ['ana.co.jp'] },
  { names: ['NTTファイナンス'], domains: ['ntt-finance.co.jp'] },
  { names: ['UCカード'], domains: ['uccard.co.jp'] },
  { names: ['エポスカード'], domains: ['eposcard.co.jp'] },
  { names: ['オリコ', 'Orico'], domains: ['orico.co.jp'] },
  { names: ['東京電力', 'TEPCO'], domains: ['tepco.co.jp'] },
  { names: ['東京ガス'], domains: ['tokyo-gas.co.jp'] },
  { names: ['NHK', '日本放送協会'], domains: ['nhk.or.jp', 'nhk.jp'] },
];

export const BUILTIN_ORGANIZATION_GROUPS: readonly OrganizationGroup[] = [
  { id: 'government', title: { en: 'Japanese government and public bodies', ja: '日本の官公庁・公的機関' }, organizations: GOVERNMENT },
  { id: 'research', title: { en: 'Think tanks and research institutes', ja: 'シンクタンク・研究機関' }, organizations: RESEARCH },
  { id: 'brands-global', title: { en: 'Brands phished worldwide', ja: '世界でなりすましの多いブランド' }, organizations: BRANDS_GLOBAL },
  { id: 'brands-japan', title: { en: 'Brands phished in Japan', ja: '国内でなりすましの多いブランド' }, organizations: BRANDS_JAPAN },
];

export const KNOWN_ORGANIZATIONS: readonly KnownOrganization[] = BUILTIN_ORGANIZATION_GROUPS.flatMap((group) => group.organizations);
