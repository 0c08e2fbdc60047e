// The frame around every console page: the header, navigation and language, signing in, and the
// words every page uses (loading, errors, yes and no).
// English and Japanese side by side, in one shape (Strings in index.ts), so a missing translation is a type error.
import type { Language } from '../../i18n/strings';

export interface ShellStrings {
  appName: string;
  skipToContent: string;
  navLabel: string;
  navReports: string;
  navCampaigns: string;
  language: string;
  languageNames: Record<Language, string>;
  signOut: string;
  signedInAs: (version: string) => string;

  signInTitle: string;
  signInIntro: string;
  tokenLabel: string;
  tokenHint: string;
  signIn: string;
  signingIn: string;
  tokenRequired: string;
  tokenRejected: string;
  tokenNotAnalyst: string;
  sessionEnded: string;
  /** The sign-in button when the service offers the organisation's identity provider. */
  signInWith: (provider: string) => string;
  tokenLabelAutomation: string;
  /** Why sign-in with the identity provider did not complete (?signin= from the service). */
  signInOutcome: Record<'no-role' | 'failed' | 'expired' | 'denied', string>;
  signedInPerson: (name: string, role: string) => string;
  roleNames: Record<'admin' | 'analyst' | 'viewer', string>;
  /** Beside a reporter who used the add-in's shared token: anyone could have written that address. */
  unverifiedReporter: string;
  unverifiedReporterHint: string;

  loading: string;
  retry: string;
  errorTitle: string;
  networkError: string;
  notFound: string;
  none: string;
  any: string;
  yes: string;
  no: string;
}

export const shellEn: ShellStrings = {
  appName: 'Lure Lens triage console',
  skipToContent: 'Skip to content',
  navLabel: 'Main',
  navReports: 'Reports',
  navCampaigns: 'Campaigns',
  language: 'Language',
  languageNames: { en: 'English', ja: '日本語' },
  signOut: 'Sign out',
  signedInAs: (version) => `Connected to intake service ${version}`,

  signInTitle: 'Sign in',
  signInIntro: 'The console reads reports from the Lure Lens intake service. Sign in with an analyst token.',
  tokenLabel: 'Analyst token',
  tokenHint: 'The service prints it when it starts (npm start or lurelens serve). It is kept in this browser tab only.',
  signIn: 'Sign in',
  signingIn: 'Checking the token…',
  tokenRequired: 'Enter the analyst token.',
  tokenRejected: 'The service did not accept this token.',
  tokenNotAnalyst: 'This token may only submit reports. Use an analyst token.',
  sessionEnded: 'The service no longer accepts your token. Sign in again.',
  signInWith: (provider) => `Sign in with ${provider}`,
  tokenLabelAutomation: 'Or a static token (automation, local service)',
  signInOutcome: {
    'no-role': 'You signed in, but your account has no Lure Lens role. Ask an administrator to assign you Viewer, Analyst or Admin.',
    failed: 'Sign-in did not complete: the answer from the identity provider was refused. Try again.',
    expired: 'Sign-in took too long or was already used. Try again.',
    denied: 'The identity provider did not sign you in (cancelled, or consent is missing).',
  },
  signedInPerson: (name, role) => `${name} (${role})`,
  roleNames: { admin: 'Admin', analyst: 'Analyst', viewer: 'Viewer' },
  unverifiedReporter: 'unverified',
  unverifiedReporterHint: 'Sent with the add-in’s shared token: the reporter did not sign in, so this address is only what the add-in said.',

  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'Something went wrong',
  networkError: 'The intake service could not be reached.',
  notFound: 'Not found.',
  none: 'None',
  any: 'Any',
  yes: 'Yes',
  no: 'No',
};

export const shellJa: ShellStrings = {
  appName: 'Lure Lens トリアージコンソール',
  skipToContent: '本文へ移動',
  navLabel: 'メイン',
  navReports: '報告',
  navCampaigns: 'キャンペーン',
  language: '言語',
  languageNames: { en: 'English', ja: '日本語' },
  signOut: 'サインアウト',
  signedInAs: (version) => `受付サービス ${version} に接続中`,

  signInTitle: 'サインイン',
  signInIntro: 'このコンソールは Lure Lens 受付サービスの報告を表示します。アナリスト用トークンでサインインしてください。',
  tokenLabel: 'アナリスト用トークン',
  tokenHint: 'サービスの起動時（npm start または lurelens serve）に表示されます。このブラウザーのタブの中だけに保持されます。',
  signIn: 'サインイン',
  signingIn: 'トークンを確認しています…',
  tokenRequired: 'アナリスト用トークンを入力してください。',
  tokenRejected: 'このトークンはサービスに受け付けられませんでした。',
  tokenNotAnalyst: 'このトークンは報告の送信専用です。アナリスト用トークンを使ってください。',
  sessionEnded: 'トークンが受け付けられなくなりました。もう一度サインインしてください。',
  signInWith: (provider) => `${provider} でサインイン`,
  tokenLabelAutomation: 'または固定トークン（自動化、ローカルのサービス）',
  signInOutcome: {
    'no-role': 'サインインしましたが、このアカウントには Lure Lens のロールがありません。管理者に閲覧者・アナリスト・管理者のいずれかを割り当ててもらってください。',
    failed: 'サインインを完了できませんでした（ID プロバイダーからの応答を受け付けませんでした）。もう一度お試しください。',
    expired: 'サインインに時間がかかりすぎたか、すでに使われています。もう一度お試しください。',
    denied: 'ID プロバイダーでサインインできませんでした（キャンセル、または同意がありません）。',
  },
  signedInPerson: (name, role) => `${name}（${role}）`,
  roleNames: { admin: '管理者', analyst: 'アナリスト', viewer: '閲覧者' },
  unverifiedReporter: '未確認',
  unverifiedReporterHint: 'アドインの共通トークンで送信されました。報告者はサインインしていないため、このアドレスはアドインが示したものにすぎません。',

  loading: '読み込み中…',
  retry: '再試行',
  errorTitle: '問題が発生しました',
  networkError: '受付サービスに接続できませんでした。',
  notFound: '見つかりません。',
  none: 'なし',
  any: 'すべて',
  yes: 'はい',
  no: 'いいえ',
};
