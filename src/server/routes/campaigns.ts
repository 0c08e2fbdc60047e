// /api/campaigns: reports grouped into campaigns, for analysts; one PATCH triages a whole campaign.
import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../auth';
import { paging, type RouteOptions } from '../context';
import { ApiError, ERROR_RESPONSES } from '../errors';
import { CampaignDetail, CampaignList, CampaignTriageResult, IdParams, MergeBody, PagingQuery, SplitBody, TriageBody } from '../schemas';
import { Type } from '@sinclair/typebox';
import { toSummary } from './reports';

/** A campaign page lists at most this many reports; the full list is GET /api/reports?campaign=ID. */
const CAMPAIGN_REPORTS = 500;

export const campaignRoutes: FastifyPluginAsync<RouteOptions> = async (app, { context }) => {
  const { store, verifier } = context;
  const analyst = requireRole(verifier, 'analyst');
  const viewer = requireRole(verifier, 'viewer');

  app.get(
    '/api/campaigns',
    {
      onRequest: viewer,
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
      onRequest: viewer,
      schema: { summary: 'A campaign with its reports and indicators', params: IdParams, response: { 200: CampaignDetail, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const campaign = await store.getCampaign((request.params as IdParams).id);
      if (!campaign) throw new ApiError(404, 'not_found', 'There is no campaign with this id.');
      const [reports, indicators, grouping, events] = await Promise.all([
        store.campaignReports(campaign.id, CAMPAIGN_REPORTS),
        store.campaignIndicators(campaign.id),
        store.campaignGrouping(campaign.id),
        store.campaignEvents(campaign.id),
      ]);
      return {
        ...campaign,
        reports: reports.map(toSummary),
        indicators,
        grouping,
        events,
        links: { stix: `/api/campaigns/${campaign.id}/stix`, csv: `/api/campaigns/${campaign.id}/csv` },
      };
    },
  );

  app.patch(
    '/api/campaigns/:id',
    {
      onRequest: analyst,
      config: { audit: { action: 'campaign.triage', target: 'campaign' } },
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

  // Grouping decisions are the analyst's: merge what a report linked (or what belongs together),
  // split off what was grouped wrongly, or keep two campaigns apart.
  const Changed = Type.Object({ id: Type.String(), campaignId: Type.Optional(Type.String()) });

  app.post(
    '/api/campaigns/:id/merge',
    {
      onRequest: analyst,
      config: { audit: { action: 'campaign.merge', target: 'campaign' } },
      schema: { summary: 'Merge another campaign into this one', params: IdParams, body: MergeBody, response: { 200: Changed, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const { id } = request.params as IdParams;
      const { campaignId } = request.body as MergeBody;
      if (!(await store.mergeCampaigns(id, campaignId, request.principal!.subject))) {
        throw new ApiError(404, 'not_found', 'Both campaigns must exist and be different.');
      }
      request.log.info({ campaignId: id, merged: campaignId }, 'campaigns merged');
      return { id: (await store.getCampaign(id))!.id };
    },
  );

  app.post(
    '/api/campaigns/:id/split',
    {
      onRequest: analyst,
      config: { audit: { action: 'campaign.split', target: 'campaign' } },
      schema: {
        summary: 'Move some reports of this campaign into a new campaign, kept apart from this one',
        params: IdParams,
        body: SplitBody,
        response: { 200: Changed, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id } = request.params as IdParams;
      const created = await store.splitCampaign(id, (request.body as SplitBody).reportIds, request.principal!.subject);
      if (!created) throw new ApiError(400, 'validation', 'Choose some, but not all, of this campaign\'s reports to split off.', [{ path: 'body/reportIds', message: 'must name some but not all reports of the campaign' }]);
      request.log.info({ campaignId: id, created }, 'campaign split');
      return { id, campaignId: created };
    },
  );

  app.post(
    '/api/campaigns/:id/keep-apart',
    {
      onRequest: analyst,
      config: { audit: { action: 'campaign.keep-apart', target: 'campaign' } },
      schema: { summary: 'Decline a proposed merge: the two campaigns stay apart', params: IdParams, body: MergeBody, response: { 200: Changed, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const { id } = request.params as IdParams;
      const { campaignId } = request.body as MergeBody;
      if (!(await store.dismissMerge(id, campaignId, request.principal!.subject))) throw new ApiError(404, 'not_found', 'There is no pending merge between these campaigns.');
      return { id, campaignId };
    },
  );
};
