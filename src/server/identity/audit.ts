// The audit trail: who did what, when, to which report or campaign, from which address. Routes that
// change something declare `config: { audit: { action, target } }` and the entry is written after the
// change succeeded and before the answer leaves (onSend), with the request's fields as the change;
// sign-in, sign-out and remediation write their own entries with `record`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IdentityStore } from '../store/identity';

/**
 * Every action the log records. The console names each in English and Japanese (its dictionaries are
 * typed by this list), so a new action is a type error there until it is named.
 */
export const AUDIT_ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-refused',
  'auth.sign-out',
  'report.triage',
  'report.bulk-triage',
  'campaign.triage',
  'campaign.merge',
  'campaign.split',
  'campaign.keep-apart',
  'remediation.search',
  'remediation.move',
  'remediation.undo',
  'defender.submit',
  'webhook.redrive',
  'audit.export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditSpec {
  /** e.g. report.triage, campaign.merge */
  action: AuditAction;
  /** What params.id names: report, campaign, remediation… */
  target?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: AuditSpec;
  }
}

export class Auditor {
  constructor(private readonly store: IdentityStore) {}

  async record(request: FastifyRequest, action: AuditAction, target: { type?: string; id?: string }, change: Record<string, unknown>, actor?: { subject: string; name?: string; kind: string; role: string }): Promise<void> {
    const who = actor ?? request.principal;
    await this.store.appendAudit({
      at: new Date().toISOString(),
      actor: who?.subject ?? 'anonymous',
      actorName: who?.name,
      actorKind: who?.kind ?? 'none',
      role: who?.role ?? 'none',
      action,
      targetType: target.type,
      targetId: target.id,
      change,
      address: request.ip,
      userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : undefined,
    });
  }

  /** An action the service took by itself (e.g. sending a report to Defender), recorded as the service. */
  async system(action: AuditAction, target: { type?: string; id?: string }, change: Record<string, unknown>): Promise<void> {
    await this.store.appendAudit({ at: new Date().toISOString(), actor: 'lurelens-service', actorKind: 'service', role: 'none', action, targetType: target.type, targetId: target.id, change });
  }

  /** Writes the entry of every successful request to a route that declares `config.audit`. */
  install(app: FastifyInstance): void {
    app.addHook('onSend', async (request, reply, payload) => {
      const spec = request.routeOptions.config?.audit;
      if (!spec || reply.statusCode >= 400 || !request.principal) return payload;
      const params = request.params as { id?: string } | undefined;
      const body = request.body && typeof request.body === 'object' && !('bodyFile' in request.body) ? (request.body as Record<string, unknown>) : {};
      try {
        await this.record(request, spec.action, { type: spec.target, id: params?.id }, body);
      } catch (error) {
        request.log.error({ err: error, action: spec.action }, 'the audit entry could not be written');
      }
      return payload;
    });
  }
}
