// The warnings /api/status gives operators: a stable code and its parameters, which the console
// words in the analyst's language, and the English sentence for everyone else (curl, monitoring).
// A new warning adds its code here, once; the console adds its translation (a missing one is a
// type error there, since the codes are a union).
import { Type, type Static } from '@sinclair/typebox';

export const WARNING_CODES = [
  /** The write check failed: new reports are refused with 503. */
  'storage-unwritable',
  /** Little or no disk left (params.freeMb when known): new reports are refused with 507. */
  'disk-full',
  /** A request met a storage failure (params.at, params.kind: full | unavailable, params.detail: the engine's words). */
  'storage-failed',
  /** Analyses stopped at a budget since start: params are counts per reason (time, memory, parts, …). */
  'analyses-stopped',
  /** Webhook deliveries that failed for good (params.count). */
  'webhook-failed',
  /** trustProxy is true: clients choose their own address. */
  'trust-proxy-any',
  /** publicUrl is not https. */
  'public-url-not-https',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export const ServiceWarningSchema = Type.Object({
  code: Type.Union(WARNING_CODES.map((code) => Type.Literal(code))),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  /** The warning in English. */
  message: Type.String(),
});
export type ServiceWarning = Static<typeof ServiceWarningSchema>;

type Params = ServiceWarning['params'];

const ENGLISH: Record<WarningCode, (params: Params) => string> = {
  'storage-unwritable': () => 'The database does not accept writes: new reports are refused with 503.',
  'disk-full': (p) => `The disk holding the data directory is (nearly) full${p.freeMb !== undefined ? ` (${p.freeMb} MB free)` : ''}: new reports are refused with 507.`,
  'storage-failed': (p) => `The last storage failure was at ${p.at}: ${p.detail}`,
  'analyses-stopped': (p) =>
    `Analyses stopped at their budget since start: ${Object.entries(p)
      .map(([reason, n]) => `${n} (${reason})`)
      .join(', ')}; those reports are marked "not fully analysed".`,
  'webhook-failed': (p) => `${p.count} webhook deliveries failed for good; re-drive them from the console or POST /api/webhook/redrive.`,
  'trust-proxy-any': () => 'trustProxy is true: clients can choose their own address in X-Forwarded-For; set a hop count or the proxy addresses.',
  'public-url-not-https': () => 'publicUrl is not https: Outlook loads add-ins over https only.',
};

export function serviceWarning(code: WarningCode, params: Params): ServiceWarning {
  return { code, params, message: ENGLISH[code](params) };
}
