// SQLite side of STIX versioning (types.ts: publishStixVersions). Kept apart from sqlite.ts: it is
// the exports' bookkeeping, not report storage. Runs inside the caller's transaction.
import type Database from 'better-sqlite3';
import type { StixProposal, StixVersion } from './types';

type Row = Record<string, unknown>;

function toVersion(row: Row): StixVersion {
  return {
    id: row.stix_id as string,
    campaignId: row.campaign_id as string,
    created: row.created as string,
    modified: row.modified as string,
    body: row.body_json as string,
  };
}

/** A millisecond after `timestamp`: STIX timestamps here always carry milliseconds. */
function justAfter(timestamp: string): string {
  return new Date(Date.parse(timestamp) + 1).toISOString();
}

export function publishStixVersions(db: Database.Database, proposals: readonly StixProposal[], now: string): StixVersion[] {
  const select = db.prepare('SELECT stix_id, campaign_id, created, modified, content_sha256, body_json FROM stix_objects WHERE stix_id = ?');
  const insert = db.prepare(
    'INSERT INTO stix_objects (stix_id, campaign_id, created, modified, content_sha256, body_json) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE stix_objects SET modified = ?, content_sha256 = ?, body_json = ? WHERE stix_id = ?');
  return proposals.map((proposal): StixVersion => {
    const row = select.get(proposal.id) as Row | undefined;
    if (!row) {
      insert.run(proposal.id, proposal.campaignId, proposal.created, proposal.modified, proposal.contentSha256, proposal.body);
      return { id: proposal.id, campaignId: proposal.campaignId, created: proposal.created, modified: proposal.modified, body: proposal.body };
    }
    if (row.content_sha256 === proposal.contentSha256) return toVersion(row);
    const previous = row.modified as string;
    const modified = now > previous ? now : justAfter(previous);
    update.run(modified, proposal.contentSha256, proposal.body, proposal.id);
    return { ...toVersion(row), modified, body: proposal.body };
  });
}

export function stixObjectsOfMerged(db: Database.Database, campaignId: string): StixVersion[] {
  const rows = db
    .prepare(
      `SELECT s.stix_id, s.campaign_id, s.created, s.modified, s.body_json FROM stix_objects s
      JOIN campaigns c ON c.id = s.campaign_id WHERE c.merged_into = ? ORDER BY s.stix_id`,
    )
    .all(campaignId) as Row[];
  return rows.map(toVersion);
}
