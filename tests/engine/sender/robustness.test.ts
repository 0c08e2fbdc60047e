// Message content is hostile: every sender rule must accept any string in any field without
// throwing, and stay fast on very long values.
import fc from 'fast-check';
import type { Finding } from '../../../src/engine/model';
import { analyze } from '../../../src/engine/analyze';
import { protectedPersonImpersonation } from '../../../src/engine/rules/protected-person-impersonation';
import { organizationClaimMismatch } from '../../../src/engine/rules/organization-claim-mismatch';
import { displayNameAddressMismatch } from '../../../src/engine/rules/display-name-address-mismatch';
import { lookalikeDomain } from '../../../src/engine/rules/lookalike-domain';
import { internalSenderSpoof } from '../../../src/engine/rules/internal-sender-spoof';
import { hiddenCharactersRule } from '../../../src/engine/rules/hidden-characters';
import { replyToDivergence } from '../../../src/engine/rules/reply-to-divergence';
import { authenticationFailure } from '../../../src/engine/rules/authentication-failure';
import { hiddenRecipients } from '../../../src/engine/rules/hidden-recipients';
import { randomSenderMailbox } from '../../../src/engine/rules/random-sender-mailbox';
import { randomSenderDomain } from '../../../src/engine/rules/random-sender-domain';
import { missingMessageId } from '../../../src/engine/rules/missing-message-id';
import { header, mail } from './message';
import { makePolicy } from './policy';

const SENDER_RULES = [
  protectedPersonImpersonation,
  organizationClaimMismatch,
  displayNameAddressMismatch,
  lookalikeDomain,
  internalSenderSpoof,
  hiddenCharactersRule,
  replyToDivergence,
  authenticationFailure,
  hiddenRecipients,
  randomSenderMailbox,
  randomSenderDomain,
  missingMessageId,
];

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('a', '.', '-', '@', '<', '>', ' ', 'а', '\u202E', '\u200B', '渡', '【', '】', 'x', 'n', '-'), maxLength: 80 }),
);
const address = fc.tuple(text, text).map(([local, domain]) => `${local}@${domain}`);

describe('sender rules on arbitrary input', () => {
  it('never throw and always return well-formed findings', () => {
    const policy = makePolicy();
    fc.assert(
      fc.property(text, address, text, fc.array(address, { maxLength: 3 }), text, text, (name, from, senderName, replyTo, subject, results) => {
        const message = mail({
          from: `${name} <${from}>`,
          sender: `${senderName} <${from}>`,
          replyTo,
          subject,
          returnPath: from,
          to: replyTo,
          headers: [
            header('Authentication-Results', results),
            header('List-Id', name),
            header('Received', subject),
            header('Received-SPF', 'Pass ' + results),
            header('Received-SPF', results),
            header('ARC-Authentication-Results', `i=1; ${results}`),
            header('Message-ID', senderName),
          ],
          attachments: [{ name: subject, contentType: 'application/pdf', size: 1 }],
        });
        const verdict = analyze(message, policy, SENDER_RULES);
        for (const finding of verdict.findings as Finding[]) expect(finding.evidence.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('stay fast on very long display names, subjects and addresses', () => {
    const long = 'Kenji Watanabe 外務省 Microsoft admin ' + 'аb\u200B-'.repeat(20_000);
    const message = mail({
      from: `"${long}" <user@${'a-'.repeat(20_000)}example.com>`,
      replyTo: [`x@${'b.'.repeat(100)}com`],
      subject: `【${long}】`,
      to: [`noreply${'-x'.repeat(20_000)}@example.com`],
      headers: [
        header('Authentication-Results', `mx.example; spf=pass smtp.mailfrom=${'a-'.repeat(20_000)}example.com`),
        ...Array.from({ length: 1000 }, () => header('ARC-Authentication-Results', `i=1; mx.example; spf=fail smtp.mailfrom=${long}`)),
        ...Array.from({ length: 1000 }, () => header('Received-SPF', `Fail (domain of ${long})`)),
        header('Received', long),
        header('Message-ID', `<${long}@AM7EUR03FT025.eop-EUR03.prod.protection.outlook.com>`),
      ],
      attachments: Array.from({ length: 1000 }, () => ({ name: long, contentType: 'application/octet-stream', size: 1 })),
    });
    expect(analyze(message, makePolicy(), SENDER_RULES).verdict).toBeDefined();
  });
});
