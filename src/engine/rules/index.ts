// The rule registry: order matters only for combination rules, which read earlier findings.
// Adding a rule: write src/engine/rules/<id>.ts with its test, then add one line here.
import type { Rule } from '../rule';

export const RULES: readonly Rule[] = [
  // sender identity
  // authentication
  // wording
  // links
  // attachments
  // combinations (last: they read the findings above)
];
