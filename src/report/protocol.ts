// The wire contract between the add-in (reporting channels) and the intake service.
// One TypeBox schema gives the service its validation and the add-in its types.
import { Array as TArray, Boolean as TBoolean, Integer, Literal, Number as TNumber, Object as TObject, Optional, Record as TRecord, String as TString, Union, type Static } from '@sinclair/typebox';
import type { SenderHistory } from '../engine/model';
// The builders as separate functions, gathered here under the usual `Type.` names: TypeBox's own `Type`
// object carries every builder (mapped, template-literal, extends…), which browser bundles cannot drop.
const Type = { Array: TArray, Boolean: TBoolean, Integer, Literal, Number: TNumber, Object: TObject, Optional, Record: TRecord, String: TString, Union };

const Severity = Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')]);
const VerdictLevel = Type.Union([Type.Literal('clean'), Type.Literal('suspicious'), Type.Literal('dangerous')]);

/** Text in a client finding's evidence: a plain string (older add-ins) or both languages. */
const EvidenceText = Type.Union([
  Type.String({ maxLength: 2000 }),
  Type.Object({ en: Type.String({ maxLength: 2000 }), ja: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
]);
/** A flat item of an evidence list (e.g. a character note): names to short values, nothing nested. */
const EvidenceItem = Type.Union([
  Type.String({ maxLength: 500 }),
  Type.Record(Type.String({ maxLength: 50 }), Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean()]), { maxProperties: 10 }),
]);
/**
 * One piece of a client finding's evidence, two levels deep at most: the add-in's verdict is kept for
 * comparison only, so it may carry what the pane showed, but not arbitrary JSON.
 */
const ClientEvidence = Type.Record(
  Type.String({ maxLength: 50 }),
  Type.Union([EvidenceText, Type.Number(), Type.Boolean(), Type.Array(EvidenceItem, { maxItems: 20 })]),
  { maxProperties: 12 },
);

export const ClientFinding = Type.Object(
  {
    rule: Type.String({ minLength: 1, maxLength: 100 }),
    severity: Severity,
    title: Type.String({ maxLength: 500 }),
    category: Type.Optional(Type.String({ maxLength: 50 })),
    technique: Type.Optional(Type.String({ maxLength: 50 })),
    evidence: Type.Optional(Type.Array(ClientEvidence, { maxItems: 10 })),
  },
  { additionalProperties: false },
);

/**
 * An e-mail address (addr-spec): one "@", no spaces, brackets, quotes or separators, a dotted domain.
 * Linear to match (no nested repetition can backtrack: each label ends at its dot).
 */
export const EMAIL_ADDRESS_PATTERN = '^[^\\s@<>()\\[\\]\\\\,;:"]{1,64}@(?:[^\\s@<>()\\[\\]\\\\,;:".]{1,63}\\.)+[^\\s@<>()\\[\\]\\\\,;:".]{2,63}$';

/** Limits of a sender-history summary: counts, addresses and dates, never text from the mailbox beyond a name. */
export const HISTORY_LIMITS = { namesakes: 3, nameLength: 200, count: 10_000_000 } as const;
const HistoryCount = Type.Integer({ minimum: 0, maximum: HISTORY_LIMITS.count });
const HistoryDate = Type.String({ maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}T[0-9:.]{8,15}Z$' });
const HistoryAddress = Type.String({ minLength: 3, maxLength: 320, pattern: EMAIL_ADDRESS_PATTERN });

/**
 * What the reporter's mailbox said about the sender (the engine's SenderHistory): how much mail came from
 * the address and since when, whether the reporter wrote to it, and the other addresses the engine found
 * under the same name, with their counts. For the analyst; never subjects, bodies or other mailbox content.
 */
export const SenderHistorySummary = Type.Object(
  {
    address: HistoryAddress,
    received: Type.Object({ count: HistoryCount, more: Type.Optional(Type.Boolean()), since: Type.Optional(HistoryDate) }, { additionalProperties: false }),
    sent: Type.Object({ count: HistoryCount, more: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    namesakes: Type.Array(
      Type.Object(
        {
          name: Type.String({ maxLength: HISTORY_LIMITS.nameLength }),
          address: HistoryAddress,
          count: HistoryCount,
          more: Type.Optional(Type.Boolean()),
          since: Type.Optional(HistoryDate),
        },
        { additionalProperties: false },
      ),
      { maxItems: HISTORY_LIMITS.namesakes },
    ),
    unchecked: Type.Optional(
      Type.Array(Type.Union([Type.Literal('received'), Type.Literal('sent'), Type.Literal('namesakes')]), { maxItems: 3, uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
);
export type SenderHistorySummary = Static<typeof SenderHistorySummary>;

// The wire shape is the engine's, field for field: if one changes without the other this stops compiling.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type SummaryMatchesEngine = Equals<SenderHistorySummary, SenderHistory> extends true ? true : never;
export const SUMMARY_MATCHES_ENGINE: SummaryMatchesEngine = true;

export const ReportSubmission = Type.Object(
  {
    /** Idempotency key chosen by the client (UUID); a retry with the same key never creates a second report. */
    key: Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$' }),
    /** The original message, RFC 5322 bytes, base64. */
    eml: Type.String({ minLength: 1, contentEncoding: 'base64' }),
    /** How the .eml was obtained: Outlook's getAsFileAsync (exact) or rebuilt from the item's parts. */
    emlSource: Type.Union([Type.Literal('original'), Type.Literal('rebuilt')]),
    reporter: Type.Object({
      address: Type.String({ minLength: 3, maxLength: 320, pattern: EMAIL_ADDRESS_PATTERN }),
      name: Type.Optional(Type.String({ maxLength: 320 })),
    }),
    reasons: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 }),
    comment: Type.Optional(Type.String({ maxLength: 4000 })),
    /** The add-in's own verdict; kept for comparison, never trusted (the service re-analyses). */
    clientVerdict: Type.Optional(
      Type.Object({
        verdict: VerdictLevel,
        score: Type.Integer({ minimum: 0, maximum: 100 }),
        findings: Type.Array(ClientFinding, { maxItems: 200 }),
        /** The reporter's mailbox history of the sender that the verdict was judged with (sender-history). */
        senderHistory: Type.Optional(SenderHistorySummary),
      }),
    ),
    client: Type.Optional(
      Type.Object(
        {
          host: Type.Optional(Type.String({ maxLength: 100 })),
          platform: Type.Optional(Type.String({ maxLength: 100 })),
          version: Type.Optional(Type.String({ maxLength: 100 })),
          requirementSets: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 })),
          addinVersion: Type.Optional(Type.String({ maxLength: 50 })),
        },
        { additionalProperties: false },
      ),
    ),
    internetMessageId: Type.Optional(Type.String({ maxLength: 1000 })),
    networkMessageId: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ReportSubmission = Static<typeof ReportSubmission>;

export const Disposition = Type.Union([
  Type.Literal('pending'),
  Type.Literal('malicious'),
  Type.Literal('suspicious'),
  Type.Literal('benign'),
  Type.Literal('simulation'),
]);
export type Disposition = Static<typeof Disposition>;

/** 201 (new) or 200 (same key seen before) answer to POST /api/reports. */
export const ReportReceipt = Type.Object({
  id: Type.String(),
  duplicate: Type.Boolean(),
  campaignId: Type.Optional(Type.String()),
  /**
   * Secret for "My reports": the add-in keeps it with the report and sends it back to
   * GET /api/my/reports. The service stores only its hash; a retry with the same key gets a fresh one.
   */
  statusToken: Type.String(),
});
export type ReportReceipt = Static<typeof ReportReceipt>;

/** Header carrying a device's status tokens to GET /api/my/reports (comma-separated; never in the URL). */
export const STATUS_TOKENS_HEADER = 'x-status-tokens';
/** Status tokens the service reads per request; the add-in sends its newest this many. */
export const MAX_STATUS_TOKENS = 100;

/** What a reporter sees of their own report ("My reports"). */
export const ReportStatus = Type.Object({
  id: Type.String(),
  key: Type.String(),
  subject: Type.String(),
  receivedAt: Type.String(),
  disposition: Disposition,
  /** Note for the reporter, written by the analyst. */
  feedback: Type.Optional(Type.String()),
});
export type ReportStatus = Static<typeof ReportStatus>;
