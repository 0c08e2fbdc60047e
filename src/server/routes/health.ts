// /healthz for load balancers (answers once the database is open), /api/status for operators, / as a signpost.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireRole } from '../auth';
import type { RouteOptions } from '../context';
import { ERROR_RESPONSES } from '../errors';

const WebhookStatus = Type.Object({ pending: Type.Integer(), delivered: Type.Integer(), failed: Type.Integer() });

export const healthRoutes: FastifyPluginAsync<RouteOptions> = async (app, { context }) => {
  app.get(
    '/healthz',
    { config: { rateLimit: false }, schema: { summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String() }) } } },
    async () => ({ status: 'ok' as const, version: context.version }),
  );

  app.get(
    '/api/status',
    {
      onRequest: requireRole(context.verifier, 'analyst'),
      schema: {
        summary: 'Service status for operators: version and webhook queue',
        response: { 200: Type.Object({ version: Type.String(), webhook: Type.Optional(WebhookStatus) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({ version: context.version, webhook: context.webhook ? await context.store.deliveryStats() : undefined }),
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
