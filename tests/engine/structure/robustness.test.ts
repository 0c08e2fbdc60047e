// Message content is hostile: the structure, alignment and header-anomaly rules accept any string
// in any field without throwing, and stay fast on very long values.
import fc from 'fast-check';
import type { Finding } from '../../../src/engine/model';
import { analyze } from '../../../src/engine/analyze';
import { unreadableMessage } from '../../../src/engine/rules/unreadable-message';
import { hiddenText } from '../../../src/engine/rules/hidden-text';
import { imageOnlyBody } from '../../../src/engine/rules/image-only-body';
import { oneLinkBody } from '../../../src/engine/rules/one-link-body';
import { unalignedSender } from '../../../src/engine/rules/unaligned-sender';
import { randomSenderDomain } from '../../../src/engine/rules/random-sender-domain';
import { senderHeaderBrand } from '../../../src/engine/rules/sender-header-brand';
import { freemailReplyTo } from '../../../src/engine/rules/freemail-reply-to';
import { styledLetters } from '../../../src/engine/rules/styled-letters';
import { header, mail } from '../sender/message';
import { makePolicy } from '../sender/policy';

const RULES = [unreadableMessage, hiddenText, imageOnlyBody, oneLinkBody, unalignedSender, randomSenderDomain, senderHeaderBrand, freemailReplyTo, styledLetters];

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('a', '.', '-', '@', '<', '>', ';', '=', ' ', 'pass', 'fail', 'spf', 'dkim', 'header.d', 'smtp.mailfrom', '1', 'x', 'gmail.com'), maxLength: 40 }),
);
const address = fc.tuple(text, text).map(([local, domain]) => `${local}@${domain}`);

describe('structure and header rules on arbitrary input', () => {
  it('never throw and always return well-formed findings', () => {
    const policy = makePolicy();
    fc.assert(
      fc.property(address, address, address, text, text, text, fc.nat(5), (from, sender, reply, results, listId, hidden, images) => {
        const message = mail({
          from: `x <${from}>`,
          sender: `y <${sender}>`,
          replyTo: [reply],
          returnPath: sender,
          headers: [header('Authentication-Results', results), header('List-Id', listId), header('List-Post', `<mailto:${reply}>`), header('Content-Type', listId)],
          text: hidden.slice(0, 3),
          html: '<p>x</p>',
          hiddenText: hidden,
          imageCount: images,
          linkedText: { visible: images * 20, inLargestLink: images * 17 },
          incomplete: images > 3 ? ['mime-depth'] : undefined,
        });
        const verdict = analyze(message, policy, RULES);
        for (const finding of verdict.findings as Finding[]) expect(finding.evidence.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('stay fast on very long values', () => {
    const long = 'a1-'.repeat(50_000);
    const message = mail({
      subject: '𝐚ᴀ\u{1F170}\uFE0F'.repeat(50_000),
      from: `"${long}" <user@${long}.com>`,
      sender: `x <info@${long}microsoft.com>`,
      replyTo: [`y@${long}.com`],
      headers: [header('Authentication-Results', `mx; spf=pass smtp.mailfrom=${long}; dkim=pass header.d=${long}`), header('List-Id', `<${long}>`)],
      text: long,
      html: '<p>x</p>',
      hiddenText: 'word '.repeat(100_000),
      imageCount: 3,
    });
    expect(analyze(message, makePolicy(), RULES).verdict).toBeDefined();
  });
});
