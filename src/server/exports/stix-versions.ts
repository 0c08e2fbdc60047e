// STIX 2.1 versioning (§3.6) for the exports: an object's `created` is the time of its first
// version and never changes; every change to its content publishes a new version with a later
// `modified` (a verdict from triage, a new report, a merge). A platform that already holds an
// object keeps the version with the latest `modified`, so without this it would never learn that
// an analyst confirmed the campaign.
//
// When a report joins two campaigns, the younger one is merged into the older (the older keeps its
// id). The absorbed campaign's published objects are re-published revoked, and a "duplicate-of"
// relationship points from the absorbed campaign to the one that now holds its reports, so a
// platform can move what it attached to the old one.
//
// Exporting an unchanged campaign twice gives the same bytes: versions come from the store, and
// the bundle id from the versions.
import type { ReportStore, StixProposal, StixVersion } from '../store/types';
import { sha256Hex } from '../indicators';
import { campaignStixId, identityId, relationshipId, stixDrafts, type StixBody, type StixBundle, type StixDraft, type StixExportInput, type StixObject } from './stix';
import { LURE_LENS_NAMESPACE, uuidV5 } from './uuid';

function proposal(draft: StixDraft, campaignId: string): StixProposal {
  const body = JSON.stringify(draft.body);
  return { id: draft.body.id, campaignId, contentSha256: sha256Hex(body), body, created: draft.created, modified: draft.modified };
}

/** The published object: the common properties first, as the specification lists them. */
function published(version: StixVersion): StixObject {
  const { type, spec_version, id, ...rest } = JSON.parse(version.body) as StixBody;
  return { type, spec_version, id, created: version.created, modified: version.modified, ...rest };
}

/** Revoked versions of what was published for campaigns merged into this one, and the links to it. */
function absorbedDrafts(absorbed: readonly StixVersion[], survivorStixId: string, identity: string): { revoked: StixProposal[]; links: StixDraft[] } {
  const revoked: StixProposal[] = [];
  const links: StixDraft[] = [];
  for (const version of absorbed) {
    const body = JSON.parse(version.body) as StixBody;
    // A revoked object stays with the campaign it was published for.
    revoked.push(proposal({ body: { ...body, revoked: true }, created: version.created, modified: version.modified }, version.campaignId));
    if (body.type !== 'campaign') continue;
    links.push({
      body: {
        type: 'relationship',
        spec_version: '2.1',
        id: relationshipId('duplicate-of', body.id, survivorStixId),
        created_by_ref: identity,
        relationship_type: 'duplicate-of',
        description: 'The reports of this campaign were grouped with the target campaign; this one is revoked.',
        source_ref: body.id,
        target_ref: survivorStixId,
      },
      created: version.modified,
      modified: version.modified,
    });
  }
  return { revoked, links };
}

/**
 * The campaign's bundle with every object at its current version, recording new versions in the
 * store. `now` is the time a changed object's new version gets (normally the time of export).
 */
export async function versionedStixBundle(store: ReportStore, input: StixExportInput, now: string): Promise<StixBundle> {
  const campaignId = input.campaign.id;
  const drafts = stixDrafts(input);
  const identity = identityId(input.organizationName);
  const { revoked, links } = absorbedDrafts(await store.stixObjectsOfMerged(campaignId), campaignStixId(campaignId), identity);
  const proposals = [
    // The identity is shared by every campaign's export.
    proposal(drafts[0], ''),
    ...drafts.slice(1).map((draft) => proposal(draft, campaignId)),
    ...links.map((draft) => proposal(draft, campaignId)),
  ];
  const versions = await store.publishStixVersions([...proposals, ...revoked], now);
  const objects = versions.map(published);
  const bundleName = objects.map((o) => `${o.id}@${o.modified}`).join('\n');
  return { type: 'bundle', id: `bundle--${uuidV5(LURE_LENS_NAMESPACE, 'bundle:' + bundleName)}`, objects };
}
