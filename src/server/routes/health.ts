// /healthz for liveness (answers while the event loop runs), /readyz for load balancers (fails while
// the storage refuses writes or the disk is full), /api/status for operators, / as a signpost.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireRole } from '../auth';
import type { RouteOptions } from '../context';
import { ERROR_RESPONSES } from '../errors';
import { serviceWarning, ServiceWarningSchema } from '../warnings';

const WebhookStatus = Type.Object({ pending: Type.Integer(), delivered: Type.Integer(), failed: Type.Integer() });

const StatusBody = Type.Object({
  version: Type.String(),
  webhook: Type.Optional(WebhookStatus),
  /** Things an operator should act on (storage, disk, failed deliveries, analyses over budget, configuration), in English. */
  warnings: Type.Array(Type.String()),
  /** The same warnings, in the same order, as a stable code and parameters (the console words them in Japanese too). */
  warningDetails: Type.Array(ServiceWarningSchema),
  intake: Type.Object({ inProgress: Type.Integer(), refusedBusy: Type.Integer() }),
  analysis: Type.Object({ workers: Type.Integer(), queued: Type.Integer(), stoppedAtBudget: Type.Record(Type.String(), Type.Integer()) }),
  storage: Type.Object({ ready: Type.Boolean(), freeBytes: Type.Optional(Type.Integer()) }),
});

export const healthRoutes: FastifyPluginAsync<RouteOptions> = async (app, { context }) => {
  app.get(
    '/healthz',
    { config: { rateLimit: false }, schema: { summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String() }) } } },
    async () => ({ status: 'ok' as const, version: context.version }),
  );

  app.get(
    '/readyz',
    {
      config: { rateLimit: false },
      schema: {
        summary: 'Readiness: 503 while the storage refuses writes or the disk is full',
        response: {
          200: Type.Object({ status: Type.Literal('ready') }),
          503: Type.Object({ status: Type.Literal('unavailable'), reasons: Type.Array(Type.String()) }),
        },
      },
    },
    async (_request, reply) => {
      const readiness = await context.health.readiness();
      if (readiness.ready) return { status: 'ready' as const };
      return reply.code(503).header('retry-after', '30').send({ status: 'unavailable' as const, reasons: readiness.reasons });
    },
  );

  app.get(
    '/api/status',
    {
      onRequest: requireRole(context.verifier, 'viewer'),
      schema: {
        summary: 'Service status for operators: version, warnings, intake, analysis, storage and webhook queue',
        response: { 200: StatusBody, ...ERROR_RESPONSES },
      },
    },
    async () => {
      const { health, admission, pool, config } = context;
      const webhook = context.webhook ? await context.store.deliveryStats() : undefined;
      const warnings = await health.warnings();
      if (webhook && webhook.failed > 0) warnings.push(serviceWarning('webhook-failed', { count: webhook.failed }));
      if (config.trustProxy === true) warnings.push(serviceWarning('trust-proxy-any', {}));
      if (new URL(config.publicUrl).protocol !== 'https:') warnings.push(serviceWarning('public-url-not-https', {}));
      const readiness = await health.readiness();
      return {
        version: context.version,
        webhook,
        warnings: warnings.map((warning) => warning.message),
        warningDetails: warnings,
        intake: { inProgress: admission.inProgress, refusedBusy: admission.refused },
        analysis: { workers: pool.size, queued: pool.queued, stoppedAtBudget: { ...health.lostAnalyses } },
        storage: { ready: readiness.ready, freeBytes: readiness.freeBytes },
      };
    },
  );

  app.get(
    '/',
    {
      schema: {
        summary: 'Where things are',
        response: {
          200: Type.Object({ service: Type.String(), manifest: Type.String(), policy: Type.String(), taskpane: Type.String(), preview: Type.String(), console: Type.String() }),
        },
      },
    },
    async () => ({
      service: 'Lure Lens intake service',
      manifest: `${context.config.publicUrl}/manifest.xml`,
      policy: `${context.config.publicUrl}/policy.json`,
      taskpane: `${context.config.publicUrl}/taskpane.html`,
      preview: `${context.config.publicUrl}/preview.html`,
      console: `${context.config.publicUrl}/console.html`,
    }),
  );
};
