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
export interface FakeOfficeOptions {
  displayNewMessageForm?: (form: unknown) => void;
  /** Highest Mailbox minor version the client supports (default 14). */
  mailboxMinor?: number;
  /** Whether the client brokers tokens for nested apps (NestedAppAuth 1.1); default false. */
  nestedAppAuth?: boolean;
  /** The owner getSharedPropertiesAsync names, for an item in a shared mailbox; otherwise it fails, as for the user's own mailbox. */
  sharedOwner?: string;
  /** Office.context.diagnostics.platform/version (default classic Outlook on Windows, build 18025). */
  platform?: string;
  version?: string;
}

export function installFakeOffice(storage: Map<string, string>, options: FakeOfficeOptions = {}) {
  const associated: Record<string, (event: unknown) => void> = {};
  const onReadyCalls: unknown[] = [];
  const mailboxMinor = options.mailboxMinor ?? 14;
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
    getSharedPropertiesAsync: (...args: unknown[]) => {
      const cb = args[args.length - 1] as (result: unknown) => void;
      cb(
        options.sharedOwner
          ? { status: 'succeeded', value: { owner: options.sharedOwner, delegatePermissions: 63, targetMailbox: options.sharedOwner, targetRestUrl: 'https://outlook.office.com/api' } }
          : { status: 'failed', value: undefined, error: { code: 9044, name: 'InvalidOperation', message: 'This item is not in a shared folder.' } },
      );
    },
  };
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    MailboxEnums: { ItemType: { Message: 'message' }, RestVersion: { v2_0: 'v2.0' } },
    actions: { associate: (name: string, handler: (event: unknown) => void) => void (associated[name] = handler) },
    onReady: (callback?: unknown) => {
      onReadyCalls.push(callback);
      return Promise.resolve({ host: 'Outlook', platform: options.platform ?? 'PC' });
    },
    context: {
      displayLanguage: 'en-US',
      diagnostics: { host: 'Outlook', platform: options.platform ?? 'PC', version: options.version ?? '16.0.18025.20000' },
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === 'Mailbox' ? Number(version.split('.')[1]) <= mailboxMinor : name === 'NestedAppAuth' && version === '1.1' && !!options.nestedAppAuth,
      },
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
  return { associated, item, onReadyCalls };
}

export function removeFakeOffice(): void {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).OfficeRuntime;
}

