// The preview page's sample messages. Each entry names an .eml file in this folder; webpack copies the
// files to dist/web/samples/ and the preview fetches them relative to its own page. Every message was
// written for Lure Lens (fictional people and organisations except the policy's demo ones); the
// expected verdicts under the demo policy are asserted in tests/preview/samples.test.ts.

export interface LocalizedLabel {
  en: string;
  ja: string;
}

export interface SampleMessage {
  /** File name in src/samples (and dist/web/samples). */
  file: string;
  title: LocalizedLabel;
  description: LocalizedLabel;
}

/** The mailbox the preview pretends to be signed in as (an address in the demo policy's organisation). */
export const PREVIEW_USER_ADDRESS = 'analyst.demo@example.or.jp';
export const PREVIEW_USER_NAME = 'Demo Analyst';

export const SAMPLES: readonly SampleMessage[] = [
  {
    file: 'mirrorface-lure.eml',
    title: { en: 'Research meeting invitation from "Kenji Watanabe"', ja: '「渡辺 健二」からの非公開研究会のご案内' },
    description: {
      en: 'MirrorFace-style lure: the institute’s chairman’s name on a Gmail address, a Taiwan Strait / Japan–US alliance pretext, and an encrypted ZIP of shortcuts with the password in the body.',
      ja: 'MirrorFace型の標的型メール。理事長の名前をかたる Gmail アドレス、台湾海峡・日米同盟を口実にした文面、ショートカットを入れたパスワード付きZIPと本文中のパスワード。',
    },
  },
  {
    file: 'share-link-lure.eml',
    title: { en: 'Policy proposal review from "Kenji Watanabe"', ja: '「渡辺 健二」からの政策提言案へのご意見依頼' },
    description: {
      en: 'The chairman’s name on example-or.jp (a look-alike of the institute’s example.or.jp, properly authenticated for itself), a Japan–China summit / Taiwan contingency pretext, and a download link to a ZIP with “Enable Editing” instructions.',
      ja: '研究所の example.or.jp に似せた example-or.jp（自ドメインとしては認証に成功）から理事長の名前で、日中首脳会談・台湾有事を口実に、ZIP のダウンロードリンクと「編集を有効にする」の指示を送るメール。',
    },
  },
  {
    file: 'display-name-freemail.eml',
    title: { en: 'Urgent request from "Takeshi Nakamura"', ja: '「中村 武」からの至急の依頼' },
    description: {
      en: 'A colleague’s name and office address in the display name of a Yahoo! JAPAN address, asking for personal data with replies diverted to another free-mail account.',
      ja: '表示名に同僚の氏名と職場のアドレスを入れた Yahoo! JAPAN のアドレスから、個人情報を求める依頼。返信先は別のフリーメール。',
    },
  },
  {
    file: 'macro-enable-content.eml',
    title: { en: 'Lecture request with a macro document', ja: 'マクロ付き文書が添付された講演依頼' },
    description: {
      en: 'An unknown sender with failing authentication attaches a macro-enabled Word file and coaches the reader to click 「編集を有効にする」 and 「コンテンツの有効化」.',
      ja: '認証に失敗した未知の送信者が、マクロ付き Word ファイルを添付し、「編集を有効にする」「コンテンツの有効化」をクリックするよう指示している。',
    },
  },
  {
    file: 'credential-phish.eml',
    title: { en: '"Your mailbox is full" sign-in request', ja: '「メールボックスの容量が上限」サインイン要求' },
    description: {
      en: 'A fake Microsoft 365 notice: the button shows an outlook.office365.com address but leads to a look-alike sign-in site.',
      ja: 'Microsoft 365 を装った通知。ボタンには outlook.office365.com のアドレスが表示されているが、実際のリンク先は偽のサインインサイト。',
    },
  },
  {
    file: 'speaker-invitation.eml',
    title: { en: 'Invitation to speak at a security conference', ja: '安全保障会議での講演依頼' },
    description: {
      en: 'A conference invitation on East Asian security from an authenticated but unknown organiser, whose replies go to a Gmail address: suspicious rather than dangerous.',
      ja: '認証には成功しているが面識のない主催者から、東アジアの安全保障をテーマにした会議の講演依頼。返信先は Gmail のアドレス。「危険」ではなく「不審」と判定されます。',
    },
  },
  {
    file: 'colleague-onedrive.eml',
    title: { en: 'Photos shared by Takeshi Nakamura', ja: '中村 武さんからの写真共有' },
    description: {
      en: 'A colleague’s authenticated internal mail with a link to his personal OneDrive: clean, and nothing in the pane may contradict that.',
      ja: '同僚から組織内で送られ、認証に成功したメール。個人の OneDrive へのリンク付き。安全と判定され、作業ウィンドウにそれと矛盾する表示があってはいけません。',
    },
  },
  {
    file: 'newsletter-en.eml',
    title: { en: 'Weekly policy newsletter', ja: '政策ニュースレター（英語）' },
    description: {
      en: 'A genuine, authenticated newsletter about the Taiwan Strait and the Japan–China summit: lure topics alone do not make mail suspicious.',
      ja: '台湾海峡や日中首脳会談を扱う、認証に成功した正規のニュースレター。話題だけでは不審とは判定しません。',
    },
  },
  {
    file: 'internal-memo-ja.eml',
    title: { en: 'Internal memo from Yuko Sato', ja: '佐藤 裕子さんからの部内連絡' },
    description: {
      en: 'A colleague’s Japanese memo from the organisation’s own domain, authenticated: it mentions the annual report draft and the Japan–China summit and stays clean.',
      ja: '組織のドメインから送られ、認証に成功した同僚の部内連絡。年次報告書の草稿や日中首脳会談に触れていても安全と判定されます。',
    },
  },
];
