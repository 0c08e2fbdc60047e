// The preview's built-in mailbox holds the sample messages as they arrived: the same sender and
// Message-ID as the .eml files, so the history of the message being read leaves that message out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEml } from '../../src/mail/eml';
import { PREVIEW_HISTORY } from '../../src/preview/history-mailbox';
import { SAMPLES } from '../../src/samples';

describe('the preview mailbox', () => {
  it.each(SAMPLES.map((sample) => sample.file))('holds %s as it arrived', async (file) => {
    const message = await parseEml(new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'src', 'samples', file))));
    const held = PREVIEW_HISTORY.find((entry) => entry.internetMessageId === message.messageId);
    expect(held?.from.address).toBe(message.from?.address);
    expect(held?.receivedDateTime).toBe(message.date?.replace(/\.000Z$/, 'Z'));
  });
});
