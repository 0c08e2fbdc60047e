import { createOfficeMessageSource } from '../../src/office/session';
import { fakeItem, fakeMailbox, lacksHeaders } from '../fixtures/office/fake-mailbox';

/** Mailbox 1.5-1.7: ItemChanged (1.5) but no header access (1.8). */
const pinnableWithoutHeaders = (name: string, version: string) => name === 'Mailbox' && Number(version.split('.')[1]) <= 7;

const first = () => fakeItem({ from: { displayName: 'Old', emailAddress: 'old@example.net' }, subject: 'first', text: { value: 'one' }, delayMs: 40 });
const second = () => fakeItem({ from: { displayName: 'New', emailAddress: 'new@example.net' }, subject: 'second', text: { value: 'two' }, delayMs: 1 });

describe('Office MessageSource', () => {
  it('answers "no message" when nothing is selected', async () => {
    const source = createOfficeMessageSource({ mailbox: fakeMailbox(null), isSetSupported: lacksHeaders });
    await expect(source.load()).resolves.toEqual({ state: 'no-message', userAddress: 'aiko@example.co.jp' });
  });

  it('treats a non-message item (appointment) as no message', async () => {
    const item = first();
    item.itemType = 'appointment';
    const source = createOfficeMessageSource({ mailbox: fakeMailbox(item), isSetSupported: lacksHeaders });
    expect((await source.load()).state).toBe('no-message');
  });

  it('follows ItemChanged and never returns the previous item for a late read', async () => {
    const mailbox = fakeMailbox(first());
    const source = createOfficeMessageSource({ mailbox, isSetSupported: pinnableWithoutHeaders });
    const changes: number[] = [];
    const unsubscribe = source.onChange(() => changes.push(1));
    const slowRead = source.load();
    mailbox.select(second());
    const newRead = source.load();
    const [late, fresh] = await Promise.all([slowRead, newRead]);
    expect(changes).toHaveLength(1);
    expect(late.state === 'message' && late.message.subject).toBe('second');
    expect(fresh.state === 'message' && fresh.message.subject).toBe('second');
    unsubscribe();
    mailbox.select(null);
    expect(changes).toHaveLength(1);
    expect((await source.load()).state).toBe('no-message');
  });

  it('reads the new item itself when a late read finishes and nobody reloaded', async () => {
    const mailbox = fakeMailbox(first());
    const source = createOfficeMessageSource({ mailbox, isSetSupported: pinnableWithoutHeaders });
    source.onChange(() => undefined);
    const slowRead = source.load();
    mailbox.select(second());
    const result = await slowRead;
    expect(result.state === 'message' && result.message.subject).toBe('second');
  });

  it('does not follow ItemChanged where Mailbox 1.5 is missing (the pane closes on a new selection there)', async () => {
    const mailbox = fakeMailbox(first());
    const source = createOfficeMessageSource({ mailbox, isSetSupported: lacksHeaders });
    const changes: number[] = [];
    source.onChange(() => changes.push(1));
    mailbox.select(second());
    expect(changes).toEqual([]);
  });
});
