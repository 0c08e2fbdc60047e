// Schemas of the identity endpoints (who is signed in, the audit log, remediation): the routes
// validate and serialise with them and the console takes its types from them (type-only imports).
import { Type, type Static } from '@sinclair/typebox';

export const Me = Type.Object({
  signedIn: Type.Boolean(),
  /** How the caller is known: a console session, a static token, or a reporter's Entra token. */
  kind: Type.Optional(Type.Union([Type.Literal('session'), Type.Literal('token'), Type.Literal('reporter')])),
  subject: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  role: Type.Optional(Type.String()),
  /** Echo in X-CSRF-Token on every change made with the session cookie. */
  csrfToken: Type.Optional(Type.String()),
  signIn: Type.Object({ available: Type.Boolean(), provider: Type.Optional(Type.String()) }),
  /** Whether this service can search and move messages in mailboxes (identity.graph). */
  remediation: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const AuditEntry = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  actorName: Type.Optional(Type.String()),
  actorKind: Type.String(),
  role: Type.String(),
  action: Type.String(),
  targetType: Type.Optional(Type.String()),
  targetId: Type.Optional(Type.String()),
  change: Type.Unknown(),
  address: Type.Optional(Type.String()),
  userAgent: Type.Optional(Type.String()),
});
export const AuditList = Type.Object({ items: Type.Array(AuditEntry), next: Type.Optional(Type.String()) });

const RemediationState = Type.Union([Type.Literal('searched'), Type.Literal('moving'), Type.Literal('moved'), Type.Literal('undoing'), Type.Literal('undone')]);
export const RemediationDestination = Type.Union([Type.Literal('junkemail'), Type.Literal('deleteditems')]);

export const RemediationSummary = Type.Object({
  id: Type.String(),
  campaignId: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** Who searched. */
  actor: Type.String(),
  /** searched: a dry run, nothing moved yet; moved; undone: moved back. */
  state: RemediationState,
  /** moving or undoing, but nothing recorded for a while: the service stopped midway; finish it (move) or undo it. */
  interrupted: Type.Boolean(),
  destination: Type.Optional(RemediationDestination),
  mailboxesSearched: Type.Integer(),
  /** Mailboxes whose search failed (permissions, throttling): the count is exact, the list the first few. */
  unsearched: Type.Array(Type.Object({ mailbox: Type.String(), error: Type.String() })),
  unsearchedCount: Type.Integer(),
  /** More mailboxes or copies existed than one run covers. */
  truncated: Type.Boolean(),
  counts: Type.Object({ found: Type.Integer(), moved: Type.Integer(), failed: Type.Integer(), restored: Type.Integer() }),
});

export const RemediationDetail = Type.Intersect([
  RemediationSummary,
  Type.Object({
    messages: Type.Array(
      Type.Object({
        mailbox: Type.String(),
        subject: Type.Optional(Type.String()),
        receivedAt: Type.Optional(Type.String()),
        state: Type.Union([Type.Literal('found'), Type.Literal('moved'), Type.Literal('failed'), Type.Literal('restored')]),
        error: Type.Optional(Type.String()),
      }),
    ),
  }),
]);
export type RemediationDetail = Static<typeof RemediationDetail>;

export const RemediationSearchBody = Type.Object(
  {
    /** Also look for the campaign's sender and subject (copies whose Message-ID differs per recipient). */
    senderAndSubject: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RemediationSearchBody = Static<typeof RemediationSearchBody>;

export const RemediationMoveBody = Type.Object(
  {
    destination: RemediationDestination,
    /** The number of messages the analyst was shown and confirmed. */
    expectedCount: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type RemediationMoveBody = Static<typeof RemediationMoveBody>;
