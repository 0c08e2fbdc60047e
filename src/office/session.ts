// The pane's source of messages. The pane sees only MessageSource; the Office implementation follows
// the selected item (ItemChanged fires in a pinned pane) and the preview page supplies its own.
import type { MailMessage } from '../engine/model';
import { readMessage, type ReadCapabilities, type ReadOptions, type ReadableItem } from './read-message';
import { isSetSupported } from './requirements';

export type LoadedMessage =
  | {
      state: 'message';
      message: MailMessage;
      capabilities: ReadCapabilities;
      /** The signed-in user's address (for the organisation domain when policy.json names none). */
      userAddress: string;
    }
  /** No message is selected (pinned pane after the reading pane was emptied, or a non-mail item). */
  | { state: 'no-message'; userAddress: string };

export interface MessageSource {
  /** Reads the current item. Always answers for the item selected last: an earlier read that finishes late is never returned. */
  load(): Promise<LoadedMessage>;
  /** Called when the user selects another item; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}

/** What this module uses of Office.Mailbox. */
export interface OfficeMailboxLike {
  item?: ReadableItem | null;
  userProfile?: { emailAddress?: string };
  addHandlerAsync?(eventType: string, handler: (event?: unknown) => void, callback?: (result: { status: string }) => void): void;
  removeHandlerAsync?(eventType: string, callback?: (result: { status: string }) => void): void;
}

/** Office.EventType.ItemChanged's value, so the fake needs no Office global. */
export const ITEM_CHANGED = 'olkItemSelectedChanged';

export interface OfficeSourceOptions extends ReadOptions {
  mailbox: OfficeMailboxLike;
}

export function createOfficeMessageSource(options: OfficeSourceOptions): MessageSource {
  const { mailbox } = options;
  const listeners = new Set<() => void>();
  let registered = false;
  let sequence = 0;
  let latest: { sequence: number; read: Promise<LoadedMessage> } | undefined;

  const userAddress = () => mailbox.userProfile?.emailAddress ?? '';

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  async function readCurrent(): Promise<LoadedMessage> {
    const item = mailbox.item;
    if (!item || (item.itemType !== undefined && item.itemType !== 'message')) return { state: 'no-message', userAddress: userAddress() };
    const { message, capabilities } = await readMessage(item, options);
    return { state: 'message', message, capabilities, userAddress: userAddress() };
  }

  function load(): Promise<LoadedMessage> {
    const mine = ++sequence;
    const read = readCurrent();
    latest = { sequence: mine, read };
    return follow(mine, read);
  }

  /** The result of read `mine`, unless a newer item was selected meanwhile: then the newest read's. */
  async function follow(mine: number, read: Promise<LoadedMessage>): Promise<LoadedMessage> {
    let result: LoadedMessage;
    try {
      result = await read;
    } catch (error) {
      if (mine === sequence) throw error;
      return chase();
    }
    return mine === sequence ? result : chase();
  }

  function chase(): Promise<LoadedMessage> {
    if (latest && latest.sequence === sequence) return follow(latest.sequence, latest.read);
    // The item changed and nobody has read the new one yet.
    return load();
  }

  return {
    load,
    onChange(listener) {
      listeners.add(listener);
      // ItemChanged is Mailbox 1.5 (pinnable panes); older clients close the pane on a new selection anyway.
      const supportsItemChanged = (options.isSetSupported ?? isSetSupported)('Mailbox', '1.5');
      if (!registered && supportsItemChanged && typeof mailbox.addHandlerAsync === 'function') {
        registered = true;
        // Any pending read is now for the wrong item: bump the sequence before listeners reload.
        mailbox.addHandlerAsync(ITEM_CHANGED, () => {
          sequence++;
          notify();
        });
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
