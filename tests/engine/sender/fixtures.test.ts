// End to end for the sender-identity rules: raw .eml fixtures written for this project
// (tests/fixtures/sender) go through the real parser and analyze(), with only these rules, so
// the verdicts do not move when other areas' rules change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/engine/analyze';
import { parseEml } from '../../../src/mail/eml';
import { protectedPersonImpersonation } from '../../../src/engine/rules/protected-person-impersonation';
import { organizationClaimMismatch } from '../../../src/engine/rules/organization-claim-mismatch';
import { displayNameAddressMismatch } from '../../../src/engine/rules/display-name-address-mismatch';
import { lookalikeDomain } from '../../../src/engine/rules/lookalike-domain';
import { internalSenderSpoof } from '../../../src/engine/rules/internal-sender-spoof';
import { hiddenCharactersRule } from '../../../src/engine/rules/hidden-characters';
import { replyToDivergence } from '../../../src/engine/rules/reply-to-divergence';
import { authenticationFailure } from '../../../src/engine/rules/authentication-failure';
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
];

async function verdictFor(fixture: string) {
  const message = await parseEml(readFileSync(join(__dirname, '../../fixtures/sender', fixture)));
  return analyze(message, makePolicy(), SENDER_RULES);
}

const rulesOf = (verdict: Awaited<ReturnType<typeof verdictFor>>) => verdict.findings.map((finding) => `${finding.rule}:${finding.severity}`);

describe('sender rules on whole messages', () => {
  it('flags a known researcher’s name sent from Gmail (MirrorFace pattern)', async () => {
    const verdict = await verdictFor('mirrorface-freemail.eml');
    expect(rulesOf(verdict)).toEqual(['protected-person-impersonation:high']);
    expect(verdict.verdict).toBe('suspicious');
  });

  it('rates a ministry posing from a look-alike domain with a Gmail Reply-To as dangerous', async () => {
    const verdict = await verdictFor('ministry-lookalike.eml');
    expect(rulesOf(verdict)).toEqual(expect.arrayContaining(['organization-claim-mismatch:high', 'lookalike-domain:high', 'reply-to-divergence:high']));
    expect(verdict.verdict).toBe('dangerous');
  });

  it('flags a help desk writing from outside about the mailbox', async () => {
    const verdict = await verdictFor('helpdesk-spoof.eml');
    expect(rulesOf(verdict)).toEqual(expect.arrayContaining(['internal-sender-spoof:medium', 'authentication-failure:medium']));
    expect(verdict.verdict).not.toBe('clean');
  });

  it.each(['mailing-list-ham.eml', 'newsletter-ham.eml', 'bounce-ham.eml', 'old-list-ham.eml'])('leaves %s without findings', async (fixture) => {
    const verdict = await verdictFor(fixture);
    expect(verdict.findings).toEqual([]);
    expect(verdict.verdict).toBe('clean');
  });
});
