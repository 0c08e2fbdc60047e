// Request and response schemas of the service API (the report submission itself is the shared
// contract in src/report/protocol.ts). Responses are serialised through these, so a field that is
// not declared here never leaves the service by accident.
import { Type, type Static } from '@sinclair/typebox';
import { Disposition, MAX_STATUS_TOKENS, ReportSubmission, SenderHistorySummary, STATUS_TOKENS_HEADER } from '../report/protocol';

export const VerdictLevel = Type.Union([Type.Literal('clean'), Type.Literal('suspicious'), Type.Literal('dangerous')]);

export const IdParams = Type.Object({
  id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }),
});
export type IdParams = Static<typeof IdParams>;

const Address = Type.Object({ address: Type.String(), name: Type.Optional(Type.String()) });

export const ReportSummary = Type.Object({
  id: Type.String(),
  receivedAt: Type.String(),
  subject: Type.String(),
  from: Type.Optional(Address),
  /**
   * Who reported. `verified`: the reporter signed in (an Entra token from the add-in) or used a staff
   * token; false for the add-in's shared token, whose address anyone could have written.
   */
  reporter: Type.Object({ address: Type.String(), name: Type.Optional(Type.String()), verified: Type.Boolean() }),
  /** The service's own verdict (re-analysed with the service's policy). */
  verdict: Type.Optional(VerdictLevel),
  score: Type.Optional(Type.Integer()),
  /** What the add-in said; informational only. */
  clientVerdict: Type.Optional(VerdictLevel),
  disposition: Disposition,
  campaignId: Type.String(),
  /** The campaign the report is in: its title and how many reports it holds. */
  campaign: Type.Object({ id: Type.String(), title: Type.String(), reportCount: Type.Integer() }),
  size: Type.Integer(),
  /** Set when the message was not fully analysed (parts, time, memory, unreadable, failed); its verdict is then never "clean". */
  incomplete: Type.Optional(Type.String()),
});
export type ReportSummary = Static<typeof ReportSummary>;

export const IndicatorSchema = Type.Object({
  type: Type.String(),
  value: Type.String(),
  name: Type.Optional(Type.String()),
});

const AttachmentSummary = Type.Object({
  name: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  inline: Type.Boolean(),
  sha256: Type.Optional(Type.String()),
});

export const HeaderSummary = Type.Object({
  from: Type.Optional(Address),
  sender: Type.Optional(Address),
  replyTo: Type.Array(Address),
  returnPath: Type.Optional(Type.String()),
  to: Type.Array(Address),
  cc: Type.Array(Address),
  subject: Type.String(),
  date: Type.Optional(Type.String()),
  messageId: Type.Optional(Type.String()),
  /** Number of Received: headers (hops). */
  receivedHops: Type.Integer(),
  /** Connecting IP the receiving system recorded (SPF client-ip), when known. */
  sourceIp: Type.Optional(Type.String()),
  /** When the organisation's mail system received it (first Received: header), when known. */
  arrivalDate: Type.Optional(Type.String()),
  /** What the receiving mail system concluded (SPF, DKIM, DMARC, compauth); not re-verified. */
  authentication: Type.Unknown(),
  attachments: Type.Array(AttachmentSummary),
  linkCount: Type.Integer(),
  missing: Type.Array(Type.String()),
});

export const ServerAnalysis = Type.Object({
  verdict: Type.Optional(VerdictLevel),
  score: Type.Optional(Type.Integer()),
  findings: Type.Array(Type.Unknown()),
  notChecked: Type.Array(Type.Unknown()),
  /** Set when the message could not be parsed; the raw bytes are still kept. */
  error: Type.Optional(Type.String()),
  /** False when the message was not fully analysed: over a budget (parts, time, memory) or unreadable. */
  complete: Type.Boolean(),
  incomplete: Type.Optional(Type.Object({ reason: Type.String(), message: Type.String() })),
});

export const ReportDetail = Type.Composite([
  ReportSummary,
  Type.Object({
    key: Type.String(),
    reasons: Type.Array(Type.String()),
    comment: Type.Optional(Type.String()),
    emlSource: Type.String(),
    client: Type.Optional(Type.Unknown()),
    clientAnalysis: Type.Optional(Type.Unknown()),
    /** What the reporter's mailbox said about the sender when they reported (counts and addresses, from the add-in). */
    senderHistory: Type.Optional(SenderHistorySummary),
    internetMessageId: Type.Optional(Type.String()),
    networkMessageId: Type.Optional(Type.String()),
    analysis: ServerAnalysis,
    headers: Type.Optional(HeaderSummary),
    indicators: Type.Array(IndicatorSchema),
    raw: Type.Object({ size: Type.Integer(), sha256: Type.String() }),
    note: Type.Optional(Type.String()),
    feedback: Type.Optional(Type.String()),
    triagedAt: Type.Optional(Type.String()),
    triagedBy: Type.Optional(Type.String()),
    links: Type.Object({ eml: Type.String(), arf: Type.String(), campaign: Type.String() }),
  }),
]);

/**
 * What the message says, for an analyst to read as text: the plain-text body (HTML-only mail as its
 * text content), the links with their real targets, and the raw header fields in order. Derived from
 * the stored original on request and bounded, so one huge or hostile message cannot flood the console.
 */
export const ReportContent = Type.Object({
  /** Plain-text body, at most CONTENT_LIMITS.textChars characters. */
  text: Type.String(),
  /** Length of the whole body text (characters) before it was cut. */
  textLength: Type.Integer(),
  textTruncated: Type.Boolean(),
  /** The message had an HTML body (never sent; its text content is in `text` when there was no text part). */
  hasHtml: Type.Boolean(),
  links: Type.Array(Type.Object({ href: Type.String(), text: Type.String(), source: Type.Union([Type.Literal('html'), Type.Literal('text')]) })),
  /** Links in the message (the list holds at most CONTENT_LIMITS.links). */
  linkCount: Type.Integer(),
  headers: Type.Array(Type.Object({ name: Type.String(), value: Type.String() })),
  /** Header fields in the message (the list holds at most CONTENT_LIMITS.headers). */
  headerCount: Type.Integer(),
  /** What the parser could not read (e.g. "headers", "body"). */
  missing: Type.Array(Type.String()),
});
export type ReportContent = Static<typeof ReportContent>;

export const CONTENT_LIMITS = {
  textChars: 200_000,
  links: 500,
  hrefChars: 2048,
  linkTextChars: 500,
  headers: 500,
  headerNameChars: 200,
  headerValueChars: 8192,
  headerTotalChars: 256 * 1024,
} as const;

const NumberText = (max: number) => Type.String({ pattern: `^[0-9]{1,${max}}$` });

export const ListReportsQuery = Type.Object(
  {
    verdict: Type.Optional(VerdictLevel),
    disposition: Type.Optional(Disposition),
    campaign: Type.Optional(IdParams.properties.id),
    reporter: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
    /** Subject, sender, Message-ID, Network-Message-ID, URLs, domains, addresses and SHA-256 hashes. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** "incomplete": only reports whose message was not fully analysed. */
    analysis: Type.Optional(Type.Literal('incomplete')),
    limit: Type.Optional(NumberText(3)),
    offset: Type.Optional(NumberText(7)),
  },
  { additionalProperties: false },
);
export type ListReportsQuery = Static<typeof ListReportsQuery>;

export const PagingQuery = Type.Object(
  { limit: Type.Optional(NumberText(3)), offset: Type.Optional(NumberText(7)) },
  { additionalProperties: false },
);
export type PagingQuery = Static<typeof PagingQuery>;

export const ReportList = Type.Object({
  items: Type.Array(ReportSummary),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const TriageBody = Type.Object(
  {
    disposition: Type.Optional(Disposition),
    /** Internal note for analysts; never shown to the reporter. An empty string clears it. */
    note: Type.Optional(Type.String({ maxLength: 10000 })),
    /** What the reporter sees in "My reports". An empty string clears it. */
    feedback: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TriageBody = Static<typeof TriageBody>;

export const BulkTriageBody = Type.Object(
  {
    ids: Type.Array(IdParams.properties.id, { minItems: 1, maxItems: 200, uniqueItems: true }),
    disposition: Type.Optional(Disposition),
    note: Type.Optional(Type.String({ maxLength: 10000 })),
    feedback: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type BulkTriageBody = Static<typeof BulkTriageBody>;
export const BulkTriageResult = Type.Object({ updated: Type.Integer() });

const GroupingKind = Type.Union(['raw', 'message-id', 'subject', 'url', 'attachment'].map((kind) => Type.Literal(kind)));

/** A key two or more of the campaign's reports share: why they are together. */
export const GroupingReason = Type.Object({
  kind: GroupingKind,
  label: Type.String(),
  reportIds: Type.Array(Type.String()),
  reportCount: Type.Integer(),
});

export const CampaignEvent = Type.Object({
  kind: Type.Union([Type.Literal('merged'), Type.Literal('merge-proposed'), Type.Literal('split')]),
  otherCampaignId: Type.Optional(Type.String()),
  otherTitle: Type.Optional(Type.String()),
  reportId: Type.Optional(Type.String()),
  keys: Type.Array(Type.Object({ kind: GroupingKind, label: Type.String() })),
  actor: Type.Optional(Type.String()),
  at: Type.String(),
  state: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('merged'), Type.Literal('dismissed')])),
});

export const MergeBody = Type.Object({ campaignId: IdParams.properties.id }, { additionalProperties: false });
export type MergeBody = Static<typeof MergeBody>;
export const SplitBody = Type.Object(
  { reportIds: Type.Array(IdParams.properties.id, { minItems: 1, maxItems: 500, uniqueItems: true }) },
  { additionalProperties: false },
);
export type SplitBody = Static<typeof SplitBody>;

export const Campaign = Type.Object({
  id: Type.String(),
  title: Type.String(),
  createdAt: Type.String(),
  firstSeen: Type.String(),
  lastSeen: Type.String(),
  reportCount: Type.Integer(),
  senders: Type.Array(Type.String()),
  verdict: Type.Optional(VerdictLevel),
  dispositions: Type.Record(Type.String(), Type.Integer()),
  indicatorCount: Type.Integer(),
  /** Merges with other campaigns that wait for an analyst's decision. */
  pendingMerges: Type.Integer(),
});

export const CampaignList = Type.Object({
  items: Type.Array(Campaign),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const IndicatorOccurrenceSchema = Type.Composite([
  IndicatorSchema,
  Type.Object({ firstSeen: Type.String(), lastSeen: Type.String(), reports: Type.Integer() }),
]);

export const CampaignDetail = Type.Composite([
  Campaign,
  Type.Object({
    reports: Type.Array(ReportSummary),
    indicators: Type.Array(IndicatorOccurrenceSchema),
    /** Why the reports are together (shared keys, most shared first). */
    grouping: Type.Array(GroupingReason),
    /** Merges, splits and proposed merges, newest first. */
    events: Type.Array(CampaignEvent),
    links: Type.Object({ stix: Type.String(), csv: Type.String() }),
  }),
]);

export const CampaignTriageResult = Type.Object({ id: Type.String(), updated: Type.Integer() });

/** The multipart form's `submission` field: the JSON submission without the eml (sent as a file). */
export const SubmissionMetadata = Type.Omit(ReportSubmission, ['eml']);
export type SubmissionMetadata = Static<typeof SubmissionMetadata>;

export { MAX_STATUS_TOKENS, STATUS_TOKENS_HEADER };

/** Status tokens are optional for a signed-in reporter, whose reports are found by who they are. */
export const MyReportsHeaders = Type.Object({
  [STATUS_TOKENS_HEADER]: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_STATUS_TOKENS * 101 })),
});
