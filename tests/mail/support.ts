// Shared checks for the mail tests: what "a well-formed MailMessage" means to every consumer.
import type { MailAddress, MailMessage } from '../../src/engine/model';

function assertAddress(address: MailAddress | undefined, where: string): void {
  if (address === undefined) return;
  if (typeof address.name !== 'string' || typeof address.address !== 'string') {
    throw new Error(`${where} is not a { name, address } of strings: ${JSON.stringify(address)}`);
  }
}

/** Throws (failing the test) unless every field has the type the model promises. */
export function assertWellFormed(message: MailMessage): void {
  if (!message || typeof message !== 'object') throw new Error('not an object');
  for (const key of ['replyTo', 'to', 'cc', 'headers', 'links', 'attachments', 'missing'] as const) {
    if (!Array.isArray(message[key])) throw new Error(`${key} is not an array`);
  }
  for (const key of ['subject', 'text'] as const) {
    if (typeof message[key] !== 'string') throw new Error(`${key} is not a string`);
  }
  for (const key of ['html', 'returnPath', 'date', 'messageId'] as const) {
    if (message[key] !== undefined && typeof message[key] !== 'string') throw new Error(`${key} is neither absent nor a string`);
  }
  assertAddress(message.from, 'from');
  assertAddress(message.sender, 'sender');
  message.replyTo.forEach((address, i) => assertAddress(address, `replyTo[${i}]`));
  message.to.forEach((address, i) => assertAddress(address, `to[${i}]`));
  message.cc.forEach((address, i) => assertAddress(address, `cc[${i}]`));
  for (const header of message.headers) {
    if (typeof header.name !== 'string' || typeof header.value !== 'string' || !header.name) throw new Error(`bad header ${JSON.stringify(header)}`);
    if (/[\r\n]/.test(header.value)) throw new Error(`header ${header.name} still contains a line break`);
  }
  for (const link of message.links) {
    if (typeof link.href !== 'string' || !link.href || typeof link.text !== 'string' || (link.source !== 'html' && link.source !== 'text')) {
      throw new Error(`bad link ${JSON.stringify(link)}`);
    }
  }
  for (const attachment of message.attachments) {
    if (typeof attachment.name !== 'string' || typeof attachment.contentType !== 'string' || !Number.isInteger(attachment.size) || attachment.size < 0) {
      throw new Error(`bad attachment ${JSON.stringify({ ...attachment, content: undefined })}`);
    }
    if (attachment.content && attachment.content.byteLength !== attachment.size) throw new Error('attachment size does not match its content');
  }
  if (/[\r\n]/.test(message.subject)) throw new Error('subject contains a line break');
  if (message.missing.length !== 0) throw new Error('an .eml is never missing parts');
}

/** A message whose single text part sits `depth` multipart levels down. */
export function nestedMime(depth: number, innermost: string): string {
  const lines = ['From: nest@example.com', `Subject: nested ${depth}`, 'MIME-Version: 1.0'];
  for (let i = 0; i < depth; i++) lines.push(`Content-Type: multipart/mixed; boundary="level-${i}"`, '', `--level-${i}`);
  lines.push('Content-Type: text/plain; charset=utf-8', '', innermost);
  for (let i = depth - 1; i >= 0; i--) lines.push(`--level-${i}--`);
  return lines.join('\r\n') + '\r\n';
}
