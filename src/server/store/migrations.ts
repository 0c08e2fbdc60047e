// Versioned schema for the SQLite store. Each migration runs once, in its own transaction, and is
// recorded in schema_migrations; a database written by a newer version is refused rather than guessed at.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE campaigns (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- Set when a later report linked this campaign to an older one; reports and keys moved there.
        merged_into TEXT REFERENCES campaigns(id)
      );

      CREATE TABLE reports (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        key TEXT NOT NULL UNIQUE,
        fingerprint TEXT NOT NULL,
        received_at TEXT NOT NULL,
        reporter_address TEXT NOT NULL,
        reporter_address_lc TEXT NOT NULL,
        reporter_name TEXT,
        reasons_json TEXT NOT NULL,
        comment TEXT,
        eml_source TEXT NOT NULL,
        client_json TEXT,
        client_verdict_json TEXT,
        client_verdict TEXT,
        internet_message_id TEXT,
        network_message_id TEXT,
        subject TEXT NOT NULL,
        from_address TEXT,
        from_name TEXT,
        search_text TEXT NOT NULL,
        verdict TEXT,
        score INTEGER,
        analysis_json TEXT NOT NULL,
        summary_json TEXT NOT NULL,
        raw_sha256 TEXT NOT NULL,
        raw_size INTEGER NOT NULL,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        disposition TEXT NOT NULL DEFAULT 'pending',
        note TEXT,
        feedback TEXT,
        triaged_at TEXT,
        triaged_by TEXT
      );
      CREATE INDEX reports_received ON reports(received_at DESC, seq DESC);
      CREATE INDEX reports_campaign ON reports(campaign_id);
      CREATE INDEX reports_reporter ON reports(reporter_address_lc);

      -- Raw bytes apart from the metadata so listing never reads megabytes of blobs.
      CREATE TABLE report_raw (
        report_id TEXT PRIMARY KEY REFERENCES reports(id),
        bytes BLOB NOT NULL
      );

      CREATE TABLE indicators (
        report_id TEXT NOT NULL REFERENCES reports(id),
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        name TEXT,
        PRIMARY KEY (report_id, type, value)
      );
      CREATE INDEX indicators_value ON indicators(type, value);

      CREATE TABLE campaign_keys (
        key TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id)
      );
      CREATE INDEX campaign_keys_campaign ON campaign_keys(campaign_id);

      CREATE TABLE status_tokens (
        token_hash TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports(id),
        created_seq INTEGER NOT NULL
      );
      CREATE INDEX status_tokens_report ON status_tokens(report_id);

      CREATE TABLE report_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        report_id TEXT NOT NULL REFERENCES reports(id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        change_json TEXT NOT NULL
      );
      CREATE INDEX report_events_report ON report_events(report_id);

      CREATE TABLE webhook_queue (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        report_id TEXT NOT NULL REFERENCES reports(id),
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_ms INTEGER NOT NULL,
        last_error TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX webhook_queue_due ON webhook_queue(status, next_attempt_ms);
    `,
  },
  {
    version: 2,
    name: 'stix-versions',
    sql: `
      -- The last published version of every exported STIX object (STIX 2.1 §3.6): created is kept
      -- from the first version, modified moves on when the content (hashed without the two) changes.
      CREATE TABLE stix_objects (
        stix_id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL,
        created TEXT NOT NULL,
        modified TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        body_json TEXT NOT NULL
      );
      CREATE INDEX stix_objects_campaign ON stix_objects(campaign_id);
    `,
  },
  {
    version: 3,
    name: 'content-view-incomplete-analysis-campaign-provenance',
    sql: `
      -- The console's view of the message (body text, links, raw headers), computed once at intake.
      CREATE TABLE report_content (
        report_id TEXT PRIMARY KEY REFERENCES reports(id),
        content_json TEXT NOT NULL
      );

      -- Why the message was not fully analysed (parts, time, memory, unreadable, failed); NULL when it was.
      ALTER TABLE reports ADD COLUMN incomplete_reason TEXT;
      UPDATE reports SET incomplete_reason = 'unreadable' WHERE verdict IS NULL;
      -- 1 when the reporter's identity was verified (analyst token, signed-in identity); 0 for the
      -- add-in's shared reporter token, which anyone can read from policy.json.
      ALTER TABLE reports ADD COLUMN reporter_verified INTEGER NOT NULL DEFAULT 0;
      -- The campaign a report was first put in (a merge moves it; a split can move it back).
      ALTER TABLE reports ADD COLUMN first_campaign_id TEXT;
      UPDATE reports SET first_campaign_id = campaign_id;

      -- Every grouping key of every report, readable: the provenance of each campaign.
      CREATE TABLE report_keys (
        report_id TEXT NOT NULL REFERENCES reports(id),
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (report_id, key)
      );
      CREATE INDEX report_keys_key ON report_keys(key);

      -- Merges, splits and merges that wait for an analyst, per campaign.
      CREATE TABLE campaign_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        kind TEXT NOT NULL,
        other_campaign_id TEXT REFERENCES campaigns(id),
        report_id TEXT REFERENCES reports(id),
        keys_json TEXT NOT NULL DEFAULT '[]',
        actor TEXT,
        at TEXT NOT NULL,
        -- For 'merge-proposed': pending, merged or dismissed.
        state TEXT
      );
      CREATE INDEX campaign_events_campaign ON campaign_events(campaign_id);
      CREATE INDEX campaign_events_other ON campaign_events(other_campaign_id);
    `,
  },
  {
    version: 4,
    name: 'identity-audit-remediation',
    sql: `
      -- Sign-ins under way: PKCE verifier, state and nonce between the redirect to the identity
      -- provider and its answer, keyed by the hash of the browser's login cookie.
      CREATE TABLE login_requests (
        id_hash TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        nonce TEXT NOT NULL,
        code_verifier TEXT NOT NULL,
        return_to TEXT NOT NULL,
        created_ms INTEGER NOT NULL
      );

      -- Console sessions, keyed by the hash of the session cookie (a copied database holds no usable cookie).
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        subject TEXT NOT NULL,
        name TEXT,
        role TEXT NOT NULL,
        csrf_token TEXT NOT NULL,
        -- For RP-initiated logout (id_token_hint).
        id_token TEXT,
        created_ms INTEGER NOT NULL,
        last_seen_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL
      );
      CREATE INDEX sessions_expiry ON sessions(expires_ms);

      -- Who did what, when, from where. Append-only: the triggers refuse changes and deletions.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_name TEXT,
        actor_kind TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        change_json TEXT NOT NULL,
        address TEXT,
        user_agent TEXT
      );
      CREATE INDEX audit_log_action ON audit_log(action);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      -- The signed-in reporter (Entra tenant and user object id) when the report came with a verified token.
      ALTER TABLE reports ADD COLUMN reporter_tenant TEXT;
      ALTER TABLE reports ADD COLUMN reporter_oid TEXT;
      CREATE INDEX reports_reporter_identity ON reports(reporter_tenant, reporter_oid);

      -- Remediation of a campaign's message across mailboxes: the search (a dry run), then the move and its undo.
      CREATE TABLE remediations (
        id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        criteria_json TEXT NOT NULL,
        -- searched, moved, undone
        state TEXT NOT NULL,
        destination TEXT,
        mailboxes_searched INTEGER NOT NULL,
        truncated INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX remediations_campaign ON remediations(campaign_id);
      CREATE TABLE remediation_messages (
        remediation_id TEXT NOT NULL REFERENCES remediations(id),
        seq INTEGER NOT NULL,
        mailbox TEXT NOT NULL,
        message_id TEXT NOT NULL,
        folder_id TEXT,
        subject TEXT,
        received_at TEXT,
        -- found, moved, failed, restored
        state TEXT NOT NULL,
        moved_id TEXT,
        error TEXT,
        PRIMARY KEY (remediation_id, seq)
      );
    `,
  },
];
