// The store's side of STIX versioning (types.ts: publishStixVersions): the exports' bookkeeping,
// not report storage. Runs inside the caller's transaction, holding a lock per object so two
// instances exporting the same campaign at once agree on every version.
import type { Queryable, Row, Transaction } from './sql';
import type { StixProposal, StixVersion } from './types';

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

export async function publishStixVersions(tx: Transaction, proposals: readonly StixProposal[], now: string): Promise<StixVersion[]> {
  await tx.lock(proposals.map((proposal) => `stix:${proposal.id}`));
  const versions: StixVersion[] = [];
  for (const proposal of proposals) {
    const row = await tx.get('SELECT stix_id, campaign_id, created, modified, content_sha256, body_json FROM stix_objects WHERE stix_id = ?', [proposal.id]);
    if (!row) {
      await tx.run('INSERT INTO stix_objects (stix_id, campaign_id, created, modified, content_sha256, body_json) VALUES (?, ?, ?, ?, ?, ?)', [
        proposal.id,
        proposal.campaignId,
        proposal.created,
        proposal.modified,
        proposal.contentSha256,
        proposal.body,
      ]);
      versions.push({ id: proposal.id, campaignId: proposal.campaignId, created: proposal.created, modified: proposal.modified, body: proposal.body });
      continue;
    }
    if (row.content_sha256 === proposal.contentSha256) {
      versions.push(toVersion(row));
      continue;
    }
    const previous = row.modified as string;
    const modified = now > previous ? now : justAfter(previous);
    await tx.run('UPDATE stix_objects SET modified = ?, content_sha256 = ?, body_json = ? WHERE stix_id = ?', [modified, proposal.contentSha256, proposal.body, proposal.id]);
    versions.push({ ...toVersion(row), modified, body: proposal.body });
  }
  return versions;
}

export async function stixObjectsOfMerged(db: Queryable, campaignId: string): Promise<StixVersion[]> {
  const rows = await db.all(
    `SELECT s.stix_id, s.campaign_id, s.created, s.modified, s.body_json FROM stix_objects s
    JOIN campaigns c ON c.id = s.campaign_id WHERE c.merged_into = ? ORDER BY s.stix_id`,
    [campaignId],
  );
  return rows.map(toVersion);
}
