// The preview's built-in mailbox for the sender-history check: what the demo analyst's mailbox would
// remember of the people in the sample messages, answered by the fake Graph (fake-graph.ts) so the
// real lookup (graph/sender-history.ts) runs in the page. The chairman 渡辺 健二 and the colleague
// 中村 武 write often from the institute's own addresses, so the samples that borrow their names from
// Gmail, Yahoo! JAPAN or a look-alike domain are first contacts under a known name; the newsletter and
// the internal memo come from addresses with a long history; the conference invitation is a plain first contact.
import type { ResolvedPolicy } from '../policy/types';
import { PREVIEW_USER_ADDRESS, PREVIEW_USER_NAME } from '../samples';
import { createSenderHistoryLookup } from '../graph/sender-history';
import { correspondence, createFakeGraph, type FakeGraphMessage } from './fake-graph';

const ME = { name: PREVIEW_USER_NAME, address: PREVIEW_USER_ADDRESS };
const WATANABE = { name: '渡辺 健二', address: 'k.watanabe@example.or.jp' };
const NAKAMURA = { name: '中村 武', address: 't.nakamura@example.or.jp' };

/** A sample message as the mailbox holds it once it has arrived (From, Message-ID and Date of the .eml). */
function arrived(from: { name: string; address: string }, internetMessageId: string, at: string): FakeGraphMessage {
  return { id: internetMessageId, folder: 'inbox', from, toRecipients: [ME], receivedDateTime: at, sentDateTime: at, internetMessageId, subject: '' };
}

/** The samples themselves (src/samples), since the message being read is in the mailbox too. */
const SAMPLES_ARRIVED: readonly FakeGraphMessage[] = [
  arrived(NAKAMURA, '<TYCP286MB3340B7E2A1C9D5F4@TYCP286MB3340.example.or.jp>', '2026-11-26T08:22:39Z'),
  arrived({ name: 'Microsoft 365 管理センター', address: 'no-reply@microsoft-365.example-notice.com' }, '<a91f3c07d2e84b6f@mail-notice7.m365-mailbox-storage.top>', '2026-11-16T17:14:06Z'),
  arrived({ name: 'Takeshi Nakamura (t.nakamura@example.or.jp)', address: 'nakamura.takeshi.office@yahoo.co.jp' }, '<1794445531.7715.yahoo-iphone@sonic305-20.consmr.mail.kks.yahoo.co.jp>', '2026-11-13T01:05:31Z'),
  arrived({ name: '佐藤 裕子', address: 'y.sato@example.or.jp' }, '<TYCP286MB2231A0C9F1D4E7B2@TYCP286MB2231.example.or.jp>', '2026-11-11T00:41:08Z'),
  arrived({ name: '渡辺 健二', address: 'kenji.watanabe.eiia@gmail.com' }, '<CAJ7x2qPk3bN9mVt0Lw5Qe8RzY1sF4hD6gU2aC7oE9iT3nB0xK@mail.gmail.com>', '2026-11-12T07:23:45Z'),
  arrived({ name: 'East Asia Policy Review', address: 'newsletter@eastasia-policy-review.org' }, '<20261109220211.88213.weekly@mail.eastasia-policy-review.org>', '2026-11-09T22:02:11Z'),
  arrived({ name: '渡辺 健二', address: 'k.watanabe@example-or.jp' }, '<20261118001238.5c2e91@mail.example-or.jp>', '2026-11-18T00:12:38Z'),
  arrived({ name: '日本安全保障研究センター 事務局', address: 'jimukyoku@jsrc-forum.jp' }, '<OS3P286MB1847E2A1C0D94F8B@OS3P286MB1847.jsrc-forum.jp>', '2026-11-16T02:47:58Z'),
  arrived({ name: 'Tokyo Security Dialogue Secretariat', address: 'events@security-dialogue.example' }, '<20261130011425.7e3a90@mail.security-dialogue.example>', '2026-11-30T01:14:25Z'),
];

export const PREVIEW_HISTORY: readonly FakeGraphMessage[] = [
  ...SAMPLES_ARRIVED,
  ...correspondence({ from: WATANABE, to: ME, count: 180, first: '2019-04-08T00:30:00Z', everyDays: 10 }, 'kw'),
  ...correspondence({ from: ME, to: WATANABE, count: 40, first: '2019-05-01T01:00:00Z', everyDays: 45, folder: 'sentitems' }, 'to-kw'),
  // Mail sent from a phone carries the Latin spelling of the same colleague's name.
  ...correspondence({ from: NAKAMURA, to: ME, count: 60, first: '2020-06-01T00:10:00Z', everyDays: 30 }, 'tn'),
  ...correspondence({ from: { name: 'Takeshi Nakamura', address: NAKAMURA.address }, to: ME, count: 25, first: '2021-02-03T08:00:00Z', everyDays: 60 }, 'tn-phone'),
  ...correspondence({ from: ME, to: NAKAMURA, count: 20, first: '2020-07-01T01:00:00Z', everyDays: 90, folder: 'sentitems' }, 'to-tn'),
  ...correspondence({ from: { name: '佐藤 裕子', address: 'y.sato@example.or.jp' }, to: ME, count: 40, first: '2022-01-11T00:00:00Z', everyDays: 25 }, 'ys'),
  ...correspondence({ from: { name: 'East Asia Policy Review', address: 'newsletter@eastasia-policy-review.org' }, to: ME, count: 95, first: '2025-01-07T22:00:00Z', everyDays: 7 }, 'eapr'),
];

/** The sender-history lookup of the preview: the real client over the built-in mailbox, a little slow on purpose. */
export function previewHistoryAccess(policy: ResolvedPolicy) {
  const graph = createFakeGraph({ messages: PREVIEW_HISTORY, token: 'preview-token', latencyMs: 150 });
  return { lookup: createSenderHistoryLookup({ fetch: graph.fetch, tokens: { getToken: async () => 'preview-token' }, policy }) };
}
