// Downloads for analysts: a campaign's indicators (STIX 2.1, CSV), a report's original message,
// and a report as an RFC 5965 abuse report. Every download is an attachment with nosniff and a
// sandboxing CSP, so a browser never renders message content as a page.
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireRole } from '../auth';
import type { RouteOptions } from '../context';
import { ApiError, ERROR_RESPONSES } from '../errors';
import { buildArf } from '../exports/arf';
import { indicatorsCsv } from '../exports/csv';
import { versionedStixBundle } from '../exports/stix-versions';
import { IdParams } from '../schemas';

function download(reply: FastifyReply, contentType: string, filename: string, body: Buffer | Readable): FastifyReply {
  return reply
    .type(contentType)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'no-store')
    .send(body);
}

const Download = (description: string) => ({ 200: Type.Unknown({ description }), ...ERROR_RESPONSES });

export const exportRoutes: FastifyPluginAsync<RouteOptions> = async (app, { context }) => {
  const { store, verifier, config } = context;
  // Reading and downloading is for every staff role; viewers included.
  const viewer = requireRole(verifier, 'viewer');

  app.get(
    '/api/campaigns/:id/stix',
    { onRequest: viewer, schema: { summary: "The campaign's indicators as a STIX 2.1 bundle", params: IdParams, response: Download('application/stix+json') } },
    async (request, reply) => {
      const campaign = await store.getCampaign((request.params as IdParams).id);
      if (!campaign) throw new ApiError(404, 'not_found', 'There is no campaign with this id.');
      const input = {
        organizationName: config.organizationName,
        instanceCreatedAt: (await store.instance()).createdAt,
        campaign,
        indicators: await store.campaignIndicators(campaign.id),
      };
      const bundle = await versionedStixBundle(store, input, new Date().toISOString());
      return download(reply, 'application/stix+json;version=2.1', `campaign-${campaign.id}.stix.json`, Buffer.from(JSON.stringify(bundle, null, 2)));
    },
  );

  app.get(
    '/api/campaigns/:id/csv',
    { onRequest: viewer, schema: { summary: "The campaign's indicators as CSV", params: IdParams, response: Download('text/csv') } },
    async (request, reply) => {
      const campaign = await store.getCampaign((request.params as IdParams).id);
      if (!campaign) throw new ApiError(404, 'not_found', 'There is no campaign with this id.');
      const csv = indicatorsCsv(campaign, await store.campaignIndicators(campaign.id));
      return download(reply, 'text/csv; charset=utf-8; header=present', `campaign-${campaign.id}-indicators.csv`, Buffer.from(csv, 'utf8'));
    },
  );

  app.get(
    '/api/reports/:id/eml',
    { onRequest: viewer, schema: { summary: 'The reported message exactly as received', params: IdParams, response: Download('message/rfc822') } },
    async (request, reply) => {
      const id = (request.params as IdParams).id;
      // Streamed as stored, chunk by chunk: a 35 MB message is never held whole for a download.
      const raw = await store.getRawChunks(id);
      if (!raw) throw new ApiError(404, 'not_found', 'There is no report with this id.');
      reply.header('x-content-sha256', raw.sha256).header('content-length', String(raw.size));
      return download(reply, 'message/rfc822', `report-${id}.eml`, Readable.from(raw.chunks));
    },
  );

  app.get(
    '/api/reports/:id/arf',
    { onRequest: viewer, schema: { summary: 'The report as an RFC 5965 abuse report', params: IdParams, response: Download('message/rfc822') } },
    async (request, reply) => {
      const id = (request.params as IdParams).id;
      const [report, raw] = await Promise.all([store.getReport(id), store.getRaw(id)]);
      if (!report || !raw) throw new ApiError(404, 'not_found', 'There is no report with this id.');
      const arf = buildArf({
        report,
        raw: raw.bytes,
        organizationName: config.organizationName,
        publicUrl: config.publicUrl,
        userAgent: `LureLens/${context.version}`,
      });
      return download(reply, 'message/rfc822', `report-${id}-arf.eml`, arf);
    },
  );
};
