import type { ReportingPolicy } from '../../src/policy/types';
import { COMPLETION_DEADLINE_MS, completionFor, handleSpamReport, readsPostProcessingAction, reasonsFromOptions, type SpamReportDeps, type SpamReportEvent } from '../../src/commands/spam-report';
import type { ReportItem } from '../../src/report/item';
import { ReportService } from '../../src/report/service';
import { memoryStore, type KeyValueStore } from '../../src/report/stores';
import { ENDPOINT_TOKEN, fakeItem, fixture, instantSleep, json, recordingFetch, type Responder } from '../report/support';

const reporting: ReportingPolicy = {
  endpointUrl: 'https://lurelens.example.or.jp/api/reports',
  endpointToken: ENDPOINT_TOKEN,
  securityMailbox: 'security@example.or.jp',
  channels: ['endpoint', 'compose'],
  afterReport: 'junk',
  reportedFolderName: 'Reported phishing',
};

function spamEvent(options: boolean[] = [true, false, true, false, false], freeText = '上司を名乗っていました') {
  const completions: unknown[] = [];
  const event: SpamReportEvent = { options, freeText, completed: (value) => void completions.push(value) };
  return { event, completions };
}

function deps(
  responder: Responder,
  overrides: Partial<SpamReportDeps> & { policy?: ReportingPolicy; store?: KeyValueStore; message?: ReportItem | undefined; timeoutMs?: number } = {},
) {
  const fetch = recordingFetch(responder);
  const store = overrides.store ?? memoryStore();
  const item = 'message' in overrides ? overrides.message : fakeItem({ eml: fixture('original.eml').toString('base64') });
  const policy = overrides.policy ?? reporting;
  const value: SpamReportDeps = {
    loadReporting: async () => ({ reporting: policy }),
    createService: (settings) =>
      new ReportService({ reporting: settings, fetch, store, sleep: instantSleep(), random: () => 0, log: () => undefined, timeoutMs: overrides.timeoutMs }),
    item: () => item,
    reporter: () => ({ address: 'k.watanabe@example.or.jp' }),
    client: () => ({ host: 'Outlook', platform: 'PC' }),
    displayLanguage: () => 'en-US',
    log: () => undefined,
    ...(overrides.loadReporting ? { loadReporting: overrides.loadReporting } : {}),
    ...(overrides.displayLanguage ? { displayLanguage: overrides.displayLanguage } : {}),
  };
  return { deps: value, fetch, store };
}

const delivered: Responder = () => json(201, { id: 'rep_1', duplicate: false, statusToken: 'st' });

describe('Outlook Report button (onSpamReport)', () => {
  it.each([
    ['classic Outlook on Windows before Version 2308', { platform: 'PC', version: '16.0.16501.20196' }, true],
    ['classic Outlook on Windows 2404 and later', { platform: 'PC', version: '16.0.17530.15000' }, false],
    ['Outlook on the web', { platform: 'OfficeOnline', version: '16.0.16501.20196' }, false],
    ['Outlook on Mac', { platform: 'Mac', version: '16.100.0' }, false],
    ['a client that does not say its version', { platform: 'PC' }, false],
  ])('sends the obsolete postProcessingAction only where it is read: %s', (_, client, legacy) => {
    expect(readsPostProcessingAction(client)).toBe(legacy);
    const completion = completionFor('Reported.', 'en-US', { afterReport: 'junk' }, { legacyPostProcessing: readsPostProcessingAction(client) });
    expect(completion.moveItemTo).toBe('junkFolder');
    expect(completion.postProcessingAction).toBe(legacy ? 'moveToSpamFolder' : undefined);
  });

  it('on an old classic Outlook build, names the same move in postProcessingAction too', async () => {
    const { event, completions } = spamEvent();
    const { deps: d } = deps(delivered);
    await handleSpamReport(event, { ...d, client: () => ({ host: 'Outlook', platform: 'PC', version: '16.0.16501.20196' }) });
    expect(completions).toEqual([expect.objectContaining({ moveItemTo: 'junkFolder', postProcessingAction: 'moveToSpamFolder' })]);
  });

  it('maps the dialog’s ticked options to reason ids in manifest order', () => {
    expect(reasonsFromOptions([true, false, true])).toEqual(['impersonation', 'unexpected-attachment']);
    expect(reasonsFromOptions(undefined)).toEqual([]);
  });

  it('on delivery completes once, moving the message per policy and saying where the report went', async () => {
    const { event, completions } = spamEvent();
    const { deps: d, fetch } = deps(delivered);
    await handleSpamReport(event, d);
    expect(completions).toEqual([
      {
        onErrorDeleteItem: false,
        moveItemTo: 'junkFolder',
        showPostProcessingDialog: {
          title: 'Lure Lens report',
          description: 'Reported to your security team. Thank you. The message was moved to Junk Email.',
        },
      },
    ]);
    const body = JSON.parse(fetch.requests[0].body as string);
    expect(body.reasons).toEqual(['impersonation', 'unexpected-attachment']);
    expect(body.comment).toBe('上司を名乗っていました');
    expect(body.emlSource).toBe('original');
  });

  it('speaks Japanese when Outlook does, and moves to the named folder when the policy says so', async () => {
    const { event, completions } = spamEvent();
    const { deps: d } = deps(delivered, { policy: { ...reporting, afterReport: 'reportedFolder', reportedFolderName: '報告済み' }, displayLanguage: () => 'ja-JP' });
    await handleSpamReport(event, d);
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({
      moveItemTo: 'customFolder',
      folderName: '報告済み',
      onErrorDeleteItem: false,
      showPostProcessingDialog: { title: 'Lure Lens 報告' },
    });
    expect((completions[0] as { showPostProcessingDialog: { description: string } }).showPostProcessingDialog.description).toContain('報告しました');
  });

  it('on refusal completes once and leaves the message exactly where it is', async () => {
    const { event, completions } = spamEvent();
    const { deps: d } = deps(() => json(400, { error: 'invalid', message: 'reasons/0: unknown reason' }));
    await handleSpamReport(event, d);
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({ moveItemTo: 'noMove', onErrorDeleteItem: false });
    expect((completions[0] as { showPostProcessingDialog: { description: string } }).showPostProcessingDialog.description).toContain('reasons/0: unknown reason');
  });

  it('when the service is unreachable keeps the report for the pane to send, and says so', async () => {
    const { event, completions } = spamEvent();
    const { deps: d, store } = deps(() => new TypeError('offline'));
    await handleSpamReport(event, d);
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({ moveItemTo: 'noMove', onErrorDeleteItem: false });
    expect((completions[0] as { showPostProcessingDialog: { description: string } }).showPostProcessingDialog.description).toContain('saved on this device');
    expect(await store.keys('lurelens.outbox.v1.')).toHaveLength(1);
  });

  it.each([
    ['there is no item', { message: undefined }],
    ['Outlook gives nothing for the item', { message: fakeItem({ eml: new Error('x'), headers: new Error('x'), text: new Error('x'), html: new Error('x') }) }],
  ])('when %s completes once without moving and sends nothing', async (_, override) => {
    const { event, completions } = spamEvent();
    const { deps: d, fetch } = deps(delivered, override);
    await handleSpamReport(event, d);
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({ moveItemTo: 'noMove', onErrorDeleteItem: false });
    expect((completions[0] as { showPostProcessingDialog: { description: string } }).showPostProcessingDialog.description).toContain('could not read this message');
    expect(fetch.requests).toHaveLength(0);
  });

  it('without policy, or with only the compose channel, completes once and points the user elsewhere', async () => {
    const first = spamEvent();
    await handleSpamReport(first.event, deps(delivered, { loadReporting: async () => ({ problem: 'policy.json unreachable' }) }).deps);
    expect(first.completions).toHaveLength(1);
    expect(first.completions[0]).toMatchObject({ moveItemTo: 'noMove' });

    const second = spamEvent();
    await handleSpamReport(second.event, deps(delivered, { policy: { securityMailbox: 'security@example.or.jp', channels: ['compose'] } }).deps);
    expect(second.completions).toHaveLength(1);
    expect((second.completions[0] as { showPostProcessingDialog: { description: string } }).showPostProcessingDialog.description).toContain(
      'forward the message to security@example.or.jp',
    );
  });

  describe('the five-minute limit', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('completes at 4.5 minutes when the service hangs, with the report kept, and never completes twice', async () => {
      const { event, completions } = spamEvent();
      let release: (response: Response) => void = () => undefined;
      const hanging = new Promise<Response>((resolve) => {
        release = resolve;
      });
      const { deps: d, store } = deps(() => hanging, { timeoutMs: 60 * 60_000 });
      const done = handleSpamReport(event, d);
      await jest.advanceTimersByTimeAsync(COMPLETION_DEADLINE_MS - 1000);
      expect(completions).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(1000);
      await done;
      expect(completions).toHaveLength(1);
      expect(completions[0]).toMatchObject({ moveItemTo: 'noMove', onErrorDeleteItem: false });
      expect((completions[0] as { showPostProcessingDialog: { description: string } }).showPostProcessingDialog.description).toContain('saved on this device');
      expect(await store.keys('lurelens.outbox.v1.')).toHaveLength(1);

      // The late answer must not produce a second completion (or a move).
      release(json(201, { id: 'rep_late', duplicate: false, statusToken: 'st' }));
      await jest.advanceTimersByTimeAsync(10_000);
      expect(completions).toHaveLength(1);
    });

    it('completes at 4.5 minutes with "try again" when nothing could be kept yet', async () => {
      const { event, completions } = spamEvent();
      const { deps: d } = deps(delivered, { loadReporting: () => new Promise(() => undefined) });
      const done = handleSpamReport(event, d);
      await jest.advanceTimersByTimeAsync(COMPLETION_DEADLINE_MS);
      await done;
      expect(completions).toHaveLength(1);
      expect(completions[0]).toMatchObject({ moveItemTo: 'noMove' });
      expect((completions[0] as { showPostProcessingDialog: { description: string } }).showPostProcessingDialog.description).toContain('took too long');
    });
  });
});
