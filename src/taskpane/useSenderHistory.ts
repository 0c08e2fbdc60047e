// The sender-history check for the message on screen: the verdict is already shown; this asks the
// user's mailbox (through whatever the entry wired in: Graph in Outlook, a built-in mailbox in the
// preview) and, when the answer comes for the message still on screen, hands it back so the pane can
// re-judge the message with it. Nothing is asked when the policy leaves the check off.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MailMessage, SenderHistory } from '../engine/model';
import type { ResolvedPolicy } from '../policy/types';
import type { HistoryProblem } from '../i18n/sender-history';

export interface HistoryLookupLike {
  lookUp(message: MailMessage): Promise<{ state: 'checked'; history: SenderHistory } | { state: 'unavailable'; reason: Exclude<HistoryProblem, 'unsupported'> }>;
}

/** What the entry offers for a policy: a lookup, "off" (the policy does not ask for it) or "unsupported" (this Outlook cannot). */
export type HistoryAccess = { lookup: HistoryLookupLike; /** Asks the user once for permission (a sign-in window). */ consent?: () => Promise<void> } | 'off' | 'unsupported';
export type HistoryLookupFactory = (policy: ResolvedPolicy) => Promise<HistoryAccess>;

export type HistoryStatus =
  | { kind: 'off' }
  | { kind: 'checking' }
  | { kind: 'checked'; history: SenderHistory }
  | { kind: 'unavailable'; problem: HistoryProblem; canAllow: boolean };

export interface HistoryTarget {
  message: MailMessage;
  policy: ResolvedPolicy;
  /** The pane's selection number: answers for an earlier selection are dropped. */
  sequence: number;
}

export function useSenderHistory(
  target: HistoryTarget | undefined,
  factory: HistoryLookupFactory | undefined,
  onHistory: (sequence: number, history: SenderHistory) => void,
): { status: HistoryStatus; allow: () => void } {
  const [status, setStatus] = useState<HistoryStatus>({ kind: 'off' });
  const [attempt, setAttempt] = useState(0);
  const access = useRef<{ policy: ResolvedPolicy; access: Promise<HistoryAccess> } | undefined>(undefined);
  const current = useRef<number | undefined>(undefined);
  const consent = useRef<(() => Promise<void>) | undefined>(undefined);
  const sequence = target?.sequence;

  useEffect(() => {
    current.current = sequence;
    if (!target || !factory) {
      setStatus({ kind: 'off' });
      return;
    }
    const mine = target.sequence;
    if (access.current?.policy !== target.policy) access.current = { policy: target.policy, access: factory(target.policy) };
    const pending = access.current.access;
    let cancelled = false;
    const settle = (next: HistoryStatus) => {
      if (!cancelled && current.current === mine) setStatus(next);
    };
    setStatus({ kind: 'checking' });
    void (async () => {
      try {
        const offered = await pending;
        if (offered === 'off' || offered === 'unsupported') {
          settle(offered === 'off' ? { kind: 'off' } : { kind: 'unavailable', problem: 'unsupported', canAllow: false });
          return;
        }
        consent.current = offered.consent;
        const outcome = await offered.lookup.lookUp(target.message);
        if (cancelled || current.current !== mine) return;
        if (outcome.state === 'checked') {
          onHistory(mine, outcome.history);
          settle({ kind: 'checked', history: outcome.history });
        } else {
          settle({ kind: 'unavailable', problem: outcome.reason, canAllow: outcome.reason === 'consent' && offered.consent !== undefined });
        }
      } catch {
        settle({ kind: 'unavailable', problem: 'failed', canAllow: false });
      }
    })();
    return () => {
      cancelled = true;
    };
    // The message object changes when the verdict is re-judged; the selection and policy are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sequence, target?.policy, factory, attempt]);

  const allow = useCallback(() => {
    const ask = consent.current;
    if (!ask) return;
    setStatus({ kind: 'checking' });
    ask().then(
      () => setAttempt((value) => value + 1),
      () => setAttempt((value) => value + 1),
    );
  }, []);

  return { status, allow };
}
