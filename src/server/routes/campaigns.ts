// /api/campaigns: reports grouped into campaigns, for analysts; one PATCH triages a whole campaign.
import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../auth';
import { paging, type RouteOptions } from '../context';
import { ApiError, ERROR_RESPONSES } from '../errors';
import { CampaignDetail, CampaignList, CampaignTriageResult, IdParams, PagingQuery, TriageBody } from '../schemas';
import { toSummary } from './reports';

/** A campaign page lists at most this many reports; the full list is GET /api/reports?campaign=ID. */
const CAMPAIGN_REPORTS = 500;

export const campaignRoutes: FastifyPluginAsync<RouteOptions> = async (app, { context }) => {
  const { store, verifier } = context;
  const analyst = requireRole(verifier, 'analyst');

  app.get(
    '/api/campaigns',
    {
      onRequest: analyst,
      schema: { summary: 'Campaigns, most recently reported first', querystring: PagingQuery, response: { 200: CampaignList, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const page = paging(request.query as PagingQuery);
      const result = await store.listCampaigns(page.limit, page.offset);
      return { items: result.items, total: result.total, ...page };
    },
  );

  app.get(
    '/api/campaigns/:id',
    {
      onRequest: analyst,
      schema: { summary: 'A campaign with its reports and indicators', params: IdParams, response: { 200: CampaignDetail, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const campaign = await store.getCampaign((request.params as IdParams).id);
      if (!campaign) throw new ApiError(404, 'not_found', 'There is no campaign with this id.');
      const [reports, indicators] = await Promise.all([store.campaignReports(campaign.id, CAMPAIGN_REPORTS), store.campaignIndicators(campaign.id)]);
      return {
        ...campaign,
        reports: reports.map(toSummary),
        indicators,
        links: { stix: `/api/campaigns/${campaign.id}/stix`, csv: `/api/campaigns/${campaign.id}/csv` },
      };
    },
  );

  app.patch(
    '/api/campaigns/:id',
    {
      onRequest: analyst,
      schema: {
        summary: 'Triage every report of a campaign at once',
        params: IdParams,
        body: TriageBody,
        response: { 200: CampaignTriageResult, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const campaign = await store.getCampaign((request.params as IdParams).id);
      if (!campaign) throw new ApiError(404, 'not_found', 'There is no campaign with this id.');
      const updated = await store.updateCampaign(campaign.id, request.body as TriageBody, request.principal!.subject);
      request.log.info({ campaignId: campaign.id, updated }, 'campaign triaged');
      return { id: campaign.id, updated: updated ?? 0 };
    },
  );
};

