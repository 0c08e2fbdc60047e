// createOfficeReporter wired to (fake) Office.js: the open item, the user's profile, the compose form and
// OfficeRuntime.storage, exactly as the task pane gets them.
import { createOfficeReporter } from '../../src/report/office-reporter';
import { installFakeOffice, removeFakeOffice } from './fake-office';
import { ENDPOINT_TOKEN, json, recordingFetch } from './support';

describe('createOfficeReporter', () => {
  afterEach(removeFakeOffice);

  it('reports the open message with the user as reporter and keeps the receipt in OfficeRuntime.storage', async () => {
    const storage = new Map<string, string>();
    installFakeOffice(storage);
    const fetch = recordingFetch(() => json(201, { id: 'rep_1', duplicate: false, statusToken: 'st_1' }));
    const reporter = createOfficeReporter({
      policy: { reporting: { endpointUrl: 'https://lurelens.example.or.jp/api/reports', endpointToken: ENDPOINT_TOKEN, afterReport: 'leave' } },
      fetch,
      log: () => undefined,
      currentVerdict: () => ({ verdict: 'suspicious', score: 40, findings: [], notChecked: [] }),
    });
    const outcome = await reporter.report({ reasons: ['impersonation'] });
    expect(outcome).toMatchObject({ status: 'delivered', destination: 'lurelens.example.or.jp', reportId: 'rep_1' });
    expect(outcome.moved).toBeUndefined();
    expect(outcome.message.en).toBe('Reported to your security team. Thank you.');
    const body = JSON.parse(fetch.requests[0].body as string);
    expect(body).toMatchObject({
      emlSource: 'original',
      reporter: { address: 'k.watanabe@example.or.jp', name: 'Kenji Watanabe' },
      clientVerdict: { verdict: 'suspicious', score: 40, findings: [] },
      client: { host: 'Outlook', platform: 'PC', version: '16.0.18025.20000' },
    });
    expect([...storage.keys()]).toEqual(['lurelens.receipt.v1.rep_1']);
  });

  it('with only a security mailbox, opens Outlook’s form with the item attached and tells the user to press Send', async () => {
    const forms: unknown[] = [];
    installFakeOffice(new Map(), { displayNewMessageForm: (form) => void forms.push(form) });
    const fetch = recordingFetch(() => json(500, {}));
    const reporter = createOfficeReporter({ policy: { reporting: { securityMailbox: 'security@example.or.jp' } }, fetch, log: () => undefined });
    const outcome = await reporter.report({ reasons: [] });
    expect(outcome).toMatchObject({ status: 'compose-opened', channel: 'compose', destination: 'security@example.or.jp' });
    expect(outcome.message.en).toContain('Press Send');
    expect(outcome.message.ja).toContain('「送信」');
    expect(fetch.requests).toHaveLength(0);
    expect(forms).toEqual([
      expect.objectContaining({
        toRecipients: ['security@example.or.jp'],
        subject: '[Lure Lens report] 【要確認】日中関係に関する研究会のご案内',
        attachments: [{ type: 'item', itemId: 'AAMkAGI2TG93AAA=', name: 'reported-message' }],
      }),
    ]);
  });
});
