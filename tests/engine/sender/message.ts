// Builds MailMessage objects for the sender-identity tests and runs one rule the way analyze does.
import type { Finding, HeaderField, MailAddress, MailMessage } from '../../../src/engine/model';
import type { Rule, RuleHit } from '../../../src/engine/rule';
import type { ResolvedPolicy } from '../../../src/policy/types';
import { createView } from '../../../src/engine/view';
import { makePolicy } from './policy';

/** "Kenji Watanabe <kenji@example.com>" or a bare address → MailAddress. */
export function address(value: string): MailAddress {
  const match = /^(.*)<([^<>]*)>\s*$/.exec(value);
  if (!match) return { name: '', address: value.trim() };
  return { name: match[1].trim().replace(/^"|"$/g, ''), address: match[2].trim() };
}

export function header(name: string, value: string): HeaderField {
  return { name, value };
}

export interface MessageParts extends Partial<Omit<MailMessage, 'from' | 'sender' | 'replyTo' | 'to' | 'cc'>> {
  from?: string;
  sender?: string;
  replyTo?: string[];
  to?: string[];
  cc?: string[];
}

export function mail(parts: MessageParts = {}): MailMessage {
  const { from, sender, replyTo, to, cc, ...rest } = parts;
  return {
    from: address(from ?? 'Hanako Suzuki <hanako.suzuki@asia-policy-forum.org>'),
    sender: sender === undefined ? undefined : address(sender),
    replyTo: (replyTo ?? []).map(address),
    to: (to ?? ['staff@kaiyo-inst.or.jp']).map(address),
    cc: (cc ?? []).map(address),
    subject: 'Workshop schedule',
    headers: [],
    text: '',
    links: [],
    attachments: [],
    missing: [],
    ...rest,
  };
}

/** Mailman-style list headers, as vger, SourceForge and Google Groups add them. */
export function listHeaders(list = 'policy-talk@lists.example.org'): HeaderField[] {
  const [local, domain] = list.split('@');
  return [header('List-Id', `<${local}.${domain}>`), header('List-Post', `<mailto:${list}>`)];
}

export function runRule(rule: Rule, message: MailMessage, policy: ResolvedPolicy = makePolicy(), findings: Finding[] = []): RuleHit | undefined {
  return rule.check(message, policy, { view: createView(message, policy), findings });
}
