// A campaign's indicators as STIX 2.1 objects a threat-intelligence platform can import: the
// reporting organisation (identity), the campaign, one indicator per observable with a STIX pattern,
// and "indicates" relationships. Ids are UUIDv5 of the content, so the same campaign always has the
// same ids. This file says what each object contains; stix-versions.ts gives each version its
// created and modified (STIX 2.1 §3.6) and assembles the bundle.
import type { CampaignRecord, IndicatorOccurrence, IndicatorType } from '../store/types';
import { exportUri } from '../indicators/uri';
import { LURE_LENS_NAMESPACE, uuidV5 } from './uuid';

/** A STIX object's content: everything but its version timestamps. */
export interface StixBody {
  type: string;
  spec_version: '2.1';
  id: string;
  [property: string]: unknown;
}

export interface StixObject extends StixBody {
  created: string;
  modified: string;
}

/** An object's content with the times its first version would carry. */
export interface StixDraft {
  body: StixBody;
  created: string;
  modified: string;
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

export interface StixExportInput {
  organizationName: string;
  /** When this service instance was set up: the identity object's timestamp. */
  instanceCreatedAt: string;
  campaign: CampaignRecord;
  indicators: readonly IndicatorOccurrence[];
}

/** A STIX pattern string literal: quotes and backslashes escaped (STIX 2.1 patterning, 9.1). */
export function stixString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const PATTERNS: Record<IndicatorType, (value: string) => string> = {
  'sender-address': (v) => `[email-message:from_ref.value = ${stixString(v)}]`,
  'reply-to': (v) => `[email-addr:value = ${stixString(v)}]`,
  'return-path': (v) => `[email-addr:value = ${stixString(v)}]`,
  'sender-domain': (v) => `[domain-name:value = ${stixString(v)}]`,
  'url-domain': (v) => `[domain-name:value = ${stixString(v)}]`,
  url: (v) => `[url:value = ${stixString(exportUri(v))}]`,
  attachment: (v) => `[file:hashes.'SHA-256' = ${stixString(v)}]`,
};

const LABELS: Record<IndicatorType, string> = {
  'sender-address': 'Sender address',
  'reply-to': 'Reply-To address',
  'return-path': 'Envelope sender (Return-Path)',
  'sender-domain': 'Sender domain',
  'url-domain': 'Linked domain',
  url: 'Linked URL',
  attachment: 'Attachment SHA-256',
};

export function stixPattern(type: IndicatorType, value: string): string {
  return PATTERNS[type](value);
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/** STIX indicator-type-ov from what analysts decided about the campaign's reports. */
function indicatorTypes(campaign: CampaignRecord): string[] {
  const d = campaign.dispositions;
  if ((d.malicious ?? 0) > 0) return ['malicious-activity'];
  const decided = (d.benign ?? 0) + (d.simulation ?? 0);
  if (decided > 0 && decided === campaign.reportCount) return ['benign'];
  return ['anomalous-activity'];
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/**
 * One indicator per pattern: a domain that is both the sender's and a link's, or an address that is
 * both Reply-To and Return-Path, is one observable with the earliest first-seen of either.
 */
function byPattern(occurrences: readonly IndicatorOccurrence[]) {
  const merged = new Map<string, { pattern: string; occurrence: IndicatorOccurrence; labels: string[] }>();
  for (const occurrence of occurrences) {
    const pattern = stixPattern(occurrence.type, occurrence.value);
    const label = LABELS[occurrence.type];
    const seen = merged.get(pattern);
    if (!seen) {
      merged.set(pattern, { pattern, occurrence: { ...occurrence }, labels: [label] });
      continue;
    }
    const into = seen.occurrence;
    if (occurrence.firstSeen < into.firstSeen) into.firstSeen = occurrence.firstSeen;
    if (occurrence.lastSeen > into.lastSeen) into.lastSeen = occurrence.lastSeen;
    into.reports = Math.max(into.reports, occurrence.reports);
    if (!seen.labels.includes(label)) seen.labels.push(label);
  }
  return [...merged.values()];
}

export function identityId(organizationName: string): string {
  return `identity--${uuidV5(LURE_LENS_NAMESPACE, 'identity:' + organizationName)}`;
}

export function campaignStixId(campaignId: string): string {
  return `campaign--${uuidV5(LURE_LENS_NAMESPACE, 'campaign:' + campaignId)}`;
}

export function relationshipId(kind: string, sourceRef: string, targetRef: string): string {
  return `relationship--${uuidV5(LURE_LENS_NAMESPACE, `${kind}:${sourceRef}:${targetRef}`)}`;
}

/** The objects describing a campaign now: identity, campaign, indicators and their relationships. */
export function stixDrafts(input: StixExportInput): StixDraft[] {
  const { campaign } = input;
  const identity = identityId(input.organizationName);
  const campaignId = campaignStixId(campaign.id);
  const drafts: StixDraft[] = [
    {
      body: { type: 'identity', spec_version: '2.1', id: identity, name: input.organizationName, identity_class: 'organization' },
      created: input.instanceCreatedAt,
      modified: input.instanceCreatedAt,
    },
    {
      body: {
        type: 'campaign',
        spec_version: '2.1',
        id: campaignId,
        created_by_ref: identity,
        name: clip(campaign.title, 300),
        description: `Phishing campaign reported ${campaign.reportCount} time(s) by users of ${input.organizationName}.`,
        first_seen: campaign.firstSeen,
        last_seen: campaign.lastSeen,
      },
      created: campaign.createdAt,
      modified: laterOf(campaign.createdAt, campaign.lastSeen),
    },
  ];
  const types = indicatorTypes(campaign);
  const relationships: StixDraft[] = [];
  for (const { pattern, occurrence, labels } of byPattern(input.indicators)) {
    // Per campaign: the same URL seen in two campaigns has two first-seen times, so two indicators.
    const id = `indicator--${uuidV5(LURE_LENS_NAMESPACE, `indicator:${campaign.id}:${pattern}`)}`;
    const modified = laterOf(occurrence.firstSeen, occurrence.lastSeen);
    const label = labels.join(' / ');
    const shown = occurrence.type === 'attachment' && occurrence.name ? occurrence.name : occurrence.type === 'url' ? exportUri(occurrence.value) : occurrence.value;
    drafts.push({
      body: {
        type: 'indicator',
        spec_version: '2.1',
        id,
        created_by_ref: identity,
        name: clip(`${label}: ${shown}`, 300),
        description: `${label} seen in ${occurrence.reports} reported message(s) of this campaign.`,
        indicator_types: types,
        pattern,
        pattern_type: 'stix',
        pattern_version: '2.1',
        valid_from: occurrence.firstSeen,
      },
      created: occurrence.firstSeen,
      modified,
    });
    relationships.push({
      body: {
        type: 'relationship',
        spec_version: '2.1',
        id: relationshipId('indicates', id, campaignId),
        created_by_ref: identity,
        relationship_type: 'indicates',
        source_ref: id,
        target_ref: campaignId,
      },
      created: occurrence.firstSeen,
      modified: occurrence.firstSeen,
    });
  }
  return [...drafts, ...relationships];
}
