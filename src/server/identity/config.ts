// Settings for who may use the service, beyond the shared tokens: analysts' sign-in with the
// organisation's OpenID Connect provider (Entra ID first), reporters' tokens from nested app
// authentication, and Microsoft Graph for remediation and Defender submissions. One TypeBox schema
// gives the config file's validation and the types; secrets may come from the environment instead
// of the file (LURELENS_OIDC_CLIENT_SECRET, LURELENS_GRAPH_CLIENT_SECRET). docs/identity.md explains
// every field with the Entra app registrations behind it.
import { Type, type Static } from '@sinclair/typebox';

/** Roles a person or token can hold, weakest first; each includes the ones before it. */
export const STAFF_ROLES = ['viewer', 'analyst', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const Strings = (max = 50) => Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: max });

/** Claim values (app role values or group object ids) that give each role. */
export const RoleMappingSchema = Type.Object(
  {
    admin: Type.Optional(Strings()),
    analyst: Type.Optional(Strings()),
    viewer: Type.Optional(Strings()),
  },
  { additionalProperties: false },
);

export const OidcConfigSchema = Type.Object(
  {
    /** The provider's issuer, e.g. https://login.microsoftonline.com/<tenant id>/v2.0 (discovery is read from it). */
    issuer: Type.String({ minLength: 8, maxLength: 500 }),
    clientId: Type.String({ minLength: 1, maxLength: 200 }),
    /** Confidential client secret; better given as LURELENS_OIDC_CLIENT_SECRET. */
    clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    /** Extra scopes besides openid, profile and email. */
    scopes: Type.Optional(Strings(20)),
    /** Claims holding role values, read in order: Entra app roles are in `roles`, group ids in `groups`. */
    roleClaims: Type.Optional(Strings(5)),
    roles: RoleMappingSchema,
    /** Longest a console session lasts, in hours (default 8). */
    sessionHours: Type.Optional(Type.Number({ minimum: 0.1, maximum: 24 * 7 })),
    /** A session unused this long ends, in minutes (default 60). */
    idleMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 60 })),
    /** Name on the sign-in button, e.g. "Microsoft Entra ID". */
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const ReporterTokensSchema = Type.Object(
  {
    /** Entra tenant ids whose users may report with a signed-in identity. */
    tenants: Type.Array(Type.String({ pattern: '^[0-9A-Za-z._-]{1,100}$' }), { minItems: 1, maxItems: 50 }),
    /** Accepted `aud` values: the API's client id (v2 tokens) and/or its Application ID URI. */
    audiences: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { minItems: 1, maxItems: 10 }),
    /** The scope the add-in asks for (full form, e.g. api://lurelens.example.org/<client id>/Reports.Submit); published in policy.json. */
    scope: Type.String({ minLength: 1, maxLength: 400 }),
    /** Client ids allowed to obtain the token (`azp`); empty or absent: any client of the tenant. */
    clientIds: Type.Optional(Strings(20)),
    /** Issuer for a tenant; {tenantid} is replaced (default Entra's v2 issuer). */
    issuerTemplate: Type.Optional(Type.String({ minLength: 8, maxLength: 500 })),
    /** JWKS for a tenant; {tenantid} is replaced (default Entra's v2 keys). */
    jwksUriTemplate: Type.Optional(Type.String({ minLength: 8, maxLength: 500 })),
    /** Clock difference tolerated for exp/nbf/iat, in seconds (default 60, at most 300). */
    clockSkewSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 300 })),
  },
  { additionalProperties: false },
);

export const GraphConfigSchema = Type.Object(
  {
    /** The organisation's tenant id; the app's token comes from it. */
    tenantId: Type.String({ pattern: '^[0-9A-Za-z._-]{1,100}$' }),
    clientId: Type.String({ minLength: 1, maxLength: 200 }),
    /** Better given as LURELENS_GRAPH_CLIENT_SECRET. */
    clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    /** Token endpoint authority (default https://login.microsoftonline.com). */
    authority: Type.Optional(Type.String({ minLength: 8, maxLength: 300 })),
    /** Graph's root, without version (default https://graph.microsoft.com; national clouds have their own). */
    baseUrl: Type.Optional(Type.String({ minLength: 8, maxLength: 300 })),
    /** Mailboxes searched for a campaign's message; absent: every user with a mailbox (at most maxMailboxes). */
    mailboxes: Type.Optional(Type.Array(Type.String({ minLength: 3, maxLength: 320 }), { maxItems: 10000 })),
    /** Most mailboxes one search visits (default 5000). */
    maxMailboxes: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    /** Send each new report to Microsoft as well: "threat-submission" (Graph) or "mailbox" (Defender's reporting mailbox). */
    defender: Type.Optional(
      Type.Object(
        {
          mode: Type.Union([Type.Literal('threat-submission'), Type.Literal('mailbox')]),
          /** For "mailbox": the reporting mailbox set in Defender's user reported settings. */
          reportingMailbox: Type.Optional(Type.String({ minLength: 3, maxLength: 320 })),
          /** For "mailbox": the mailbox the report is sent from (the app needs Mail.Send for it). */
          sender: Type.Optional(Type.String({ minLength: 3, maxLength: 320 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const IdentityConfigSchema = Type.Object(
  {
    oidc: Type.Optional(OidcConfigSchema),
    reporters: Type.Optional(ReporterTokensSchema),
    graph: Type.Optional(GraphConfigSchema),
  },
  { additionalProperties: false },
);

export type OidcConfig = Static<typeof OidcConfigSchema>;
export type ReporterTokensConfig = Static<typeof ReporterTokensSchema>;
export type GraphConfig = Static<typeof GraphConfigSchema>;
export type IdentityConfig = Static<typeof IdentityConfigSchema>;
export type RoleMapping = Static<typeof RoleMappingSchema>;

export const ENTRA_ISSUER_TEMPLATE = 'https://login.microsoftonline.com/{tenantid}/v2.0';
export const ENTRA_JWKS_TEMPLATE = 'https://login.microsoftonline.com/{tenantid}/discovery/v2.0/keys';
export const GRAPH_ROOT = 'https://graph.microsoft.com';
export const ENTRA_AUTHORITY = 'https://login.microsoftonline.com';

/** Secrets from the environment win over the file (they are kept out of files more easily). */
export function withEnvironmentSecrets(identity: IdentityConfig | undefined, env: Record<string, string | undefined>): IdentityConfig | undefined {
  if (!identity) return identity;
  const out: IdentityConfig = { ...identity };
  if (out.oidc && env.LURELENS_OIDC_CLIENT_SECRET) out.oidc = { ...out.oidc, clientSecret: env.LURELENS_OIDC_CLIENT_SECRET };
  if (out.graph && env.LURELENS_GRAPH_CLIENT_SECRET) out.graph = { ...out.graph, clientSecret: env.LURELENS_GRAPH_CLIENT_SECRET };
  return out;
}

/** https, or http to this machine only (tests and local development). */
export function isAcceptableEndpoint(value: string): boolean {
  try {
    const url = new URL(value.replace(/\{tenantid\}/g, 'tenant'));
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHostname(url.hostname));
  } catch {
    return false;
  }
}

export function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Problems a config can have that the schema cannot see; [] when it is usable. */
export function identityProblems(identity: IdentityConfig | undefined): string[] {
  const problems: string[] = [];
  if (!identity) return problems;
  if (identity.oidc) {
    if (!isAcceptableEndpoint(identity.oidc.issuer)) problems.push('identity.oidc.issuer must be an https URL');
    const mapped = Object.values(identity.oidc.roles).some((values) => values && values.length > 0);
    if (!mapped) problems.push('identity.oidc.roles must map at least one claim value to admin, analyst or viewer');
  }
  if (identity.reporters) {
    for (const key of ['issuerTemplate', 'jwksUriTemplate'] as const) {
      const value = identity.reporters[key];
      if (value !== undefined && !isAcceptableEndpoint(value)) problems.push(`identity.reporters.${key} must be an https URL`);
    }
  }
  if (identity.graph) {
    for (const key of ['authority', 'baseUrl'] as const) {
      const value = identity.graph[key];
      if (value !== undefined && !isAcceptableEndpoint(value)) problems.push(`identity.graph.${key} must be an https URL`);
    }
    const defender = identity.graph.defender;
    if (defender?.mode === 'mailbox' && !(defender.reportingMailbox && defender.sender)) {
      problems.push('identity.graph.defender mode "mailbox" needs reportingMailbox and sender');
    }
  }
  return problems;
}
