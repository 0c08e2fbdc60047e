// A stand-in for Office.js and OfficeRuntime.storage (which exist only inside Outlook): just the calls
// the report code makes, answering like Outlook does.
import { fixture } from './support';

function callback<T>(value: T) {
  return (...args: unknown[]) => {
    const cb = args[args.length - 1] as (result: unknown) => void;
    cb({ status: 'succeeded', value });
  };
}

/** Installs fake Office and OfficeRuntime globals; returns the handlers registered with Office.actions. */
export function installFakeOffice(storage: Map<string, string>, options: { displayNewMessageForm?: (form: unknown) => void } = {}) {
  const associated: Record<string, (event: unknown) => void> = {};
  const item = {
    itemType: 'message',
    itemId: 'AAMkAGI2TG93AAA=',
    subject: '【要確認】日中関係に関する研究会のご案内',
    internetMessageId: '<20250602091355.4f1c@mofa-go.jp>',
    from: { displayName: '外務省 総合外交政策局', emailAddress: 'info@mofa-go.jp' },
    to: [{ displayName: 'Kenji Watanabe', emailAddress: 'k.watanabe@example.or.jp' }],
    cc: [],
    attachments: [],
    dateTimeCreated: new Date('2025-06-02T00:13:55Z'),
    getAsFileAsync: callback(fixture('original.eml').toString('base64')),
    getAllInternetHeadersAsync: callback(''),
    body: { getAsync: callback('') },
    getAttachmentContentAsync: callback({ format: 'base64', content: '' }),
  };
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    MailboxEnums: { ItemType: { Message: 'message' }, RestVersion: { v2_0: 'v2.0' } },
    actions: { associate: (name: string, handler: (event: unknown) => void) => void (associated[name] = handler) },
    context: {
      displayLanguage: 'en-US',
      diagnostics: { host: 'Outlook', platform: 'PC', version: '16.0.18025.20000' },
      requirements: { isSetSupported: (_: string, version: string) => Number(version.split('.')[1]) <= 14 },
      urls: { javascriptRuntimeUrl: 'https://addin.example.or.jp/commands.js' },
      mailbox: {
        item,
        userProfile: { emailAddress: 'k.watanabe@example.or.jp', displayName: 'Kenji Watanabe' },
        convertToRestId: (id: string) => id.replace(/=/g, '-'),
        ...(options.displayNewMessageForm ? { displayNewMessageForm: options.displayNewMessageForm } : {}),
      },
    },
  };
  (globalThis as Record<string, unknown>).OfficeRuntime = {
    storage: {
      getItem: async (key: string) => storage.get(key) ?? null,
      setItem: async (key: string, value: string) => void storage.set(key, value),
      removeItem: async (key: string) => void storage.delete(key),
      getKeys: async () => [...storage.keys()],
    },
  };
  return { associated, item };
}

export function removeFakeOffice(): void {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).OfficeRuntime;
}

