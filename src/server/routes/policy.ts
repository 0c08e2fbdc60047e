// /policy.json: the organisation's policy for the add-in (validated at start), with the endpoint
// channel pointed at this service when the file does not say otherwise. Public on purpose: the
// add-in reads it before anyone signs in; it must never carry an analyst token (checked at start).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { RouteOptions } from '../context';

export const policyRoutes: FastifyPluginAsync<RouteOptions> = async (app, { context }) => {
  const body = Buffer.from(JSON.stringify(context.policy.published, null, 2) + '\n', 'utf8');
  app.get(
    '/policy.json',
    { schema: { summary: "The organisation's add-in policy", response: { 200: Type.Unknown({ description: 'policy.json' }) } } },
    async (_request, reply) => reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(body),
  );
};
