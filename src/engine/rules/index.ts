// The rule registry: order matters only for combination rules, which read earlier findings.
// Adding a rule: write src/engine/rules/<id>.ts with its test, then add one line here.
import type { Rule } from '../rule';
import { protectedPersonImpersonation } from './protected-person-impersonation';
import { organizationClaimMismatch } from './organization-claim-mismatch';
import { displayNameAddressMismatch } from './display-name-address-mismatch';
import { lookalikeDomain } from './lookalike-domain';
import { internalSenderSpoof } from './internal-sender-spoof';
import { hiddenCharactersRule } from './hidden-characters';
import { replyToDivergence } from './reply-to-divergence';
import { authenticationFailure } from './authentication-failure';

export const RULES: readonly Rule[] = [
  // sender identity
  protectedPersonImpersonation,
  organizationClaimMismatch,
  displayNameAddressMismatch,
  lookalikeDomain,
  internalSenderSpoof,
  hiddenCharactersRule,
  replyToDivergence, // after the claim rules: a claim plus a free-mail Reply-To is high
  // authentication
  authenticationFailure,
  // wording
  // links
  // attachments
  // combinations (last: they read the findings above)
];
