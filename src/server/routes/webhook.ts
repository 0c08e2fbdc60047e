// /api/webhook: deliveries the SIEM/SOAR webhook gave up on, and the re-drive that queues them again
// (after the receiver was fixed). The forwarder picks re-driven deliveries up at once.
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireRole } from '../auth';
import type { RouteOptions } from '../context';
import { ApiError, ERROR_RESPONSES } from '../errors';

/** Failed deliveries listed at once; re-driving all of them needs no list. */
const MAX_LISTED = 200;

const FailedList = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.Integer(), reportId: Type.String(), attempts: Type.Integer(), lastError: Type.Optional(Type.String()), updatedAt: Type.String() }),
  ),
});

const RedriveBody = Type.Object(
  { ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 1000, uniqueItems: true })) },
  { additionalProperties: false },
);
type RedriveBody = Static<typeof RedriveBody>;

export const webhookRoutes: FastifyPluginAsync<RouteOptions> = async (app, { context }) => {
  const { store, verifier } = context;
  const analyst = requireRole(verifier, 'analyst');
  const configured = () => {
    if (!context.webhook) throw new ApiError(404, 'not_found', 'No webhook is configured on this service.');
  };

  app.get(
    '/api/webhook/failed',
    { onRequest: requireRole(verifier, 'viewer'), schema: { summary: 'Webhook deliveries that failed for good, newest first', response: { 200: FailedList, ...ERROR_RESPONSES } } },
    async () => {
      configured();
      return { items: await store.failedDeliveries(MAX_LISTED) };
    },
  );

  app.post(
    '/api/webhook/redrive',
    {
      onRequest: analyst,
      config: { audit: { action: 'webhook.redrive' } },
      schema: {
        summary: 'Queue failed deliveries again (the given ids, or all) with a fresh attempt count',
        body: RedriveBody,
        response: { 200: Type.Object({ redriven: Type.Integer() }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      configured();
      const ids = (request.body as RedriveBody | undefined)?.ids;
      const redriven = await store.redriveDeliveries(ids ?? 'all', Date.now());
      request.log.info({ redriven, by: request.principal!.subject }, 'webhook deliveries re-driven');
      context.webhook?.nudge();
      return { redriven };
    },
  );
};
