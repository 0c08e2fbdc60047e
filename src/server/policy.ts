// The policy the service analyses with and hands to the add-in at /policy.json. It is validated at
// start: a service that silently ran on built-in defaults because of a typo would miss exactly
// the impersonations the organisation configured.
import { promises as fs } from 'node:fs';
import { parsePolicyJson, resolvePolicy, validatePolicy } from '../policy';
import { API_SCOPE_PATTERN, GUID_PATTERN } from '../policy/schema';
import type { Policy, ResolvedPolicy } from '../policy/types';
import { ConfigError, type ServerConfig } from './config';

export interface ServicePolicy {
  /** As written in the policy file (undefined when none is configured). */
  source?: Policy;
  resolved: ResolvedPolicy;
  /** What /policy.json serves: the file, with the endpoint channel pointed at this service when it says nothing. */
  published: Policy;
  /** Things an operator should know at start (never secrets). */
  warnings: string[];
}

export async function loadServicePolicy(config: ServerConfig): Promise<ServicePolicy> {
  let source: Policy | undefined;
  if (config.policyFile) {
    let text: string;
    try {
      text = await fs.readFile(config.policyFile, 'utf8');
    } catch (error) {
      throw new ConfigError(`cannot read policy ${config.policyFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const parsed = parsePolicyJson(text, config.policyFile);
    if (!parsed.ok) throw new ConfigError(`invalid policy ${config.policyFile}:\n  ${parsed.errors.join('\n  ')}`);
    source = parsed.policy;
  }
  const analystTokens = new Set(config.tokens.filter((t) => t.role === 'analyst').map((t) => t.token));
  if (source?.reporting?.endpointToken && analystTokens.has(source.reporting.endpointToken)) {
    // policy.json is readable by anyone who can load the add-in.
    throw new ConfigError(`the policy's reporting.endpointToken is an analyst token; give the add-in a reporter token instead`);
  }

  const warnings: string[] = [];
  const configured = new Set(config.tokens.map((t) => t.token));
  if (source?.reporting?.endpointToken && !configured.has(source.reporting.endpointToken)) {
    warnings.push("the policy's reporting.endpointToken is not one of this service's tokens; the add-in's reports will be refused with 401");
  }
  const reporting = { ...source?.reporting };
  reporting.endpointUrl ??= `${config.publicUrl}/api/reports`;
  const reporterToken = config.tokens.find((t) => t.role === 'reporter')?.token;
  if (!reporting.endpointToken && reporterToken) reporting.endpointToken = reporterToken;
  warnings.push(...publishReporterScope(reporting, config));
  let published: Policy = { ...source, reporting };
  const check = validatePolicy(published);
  if (!check.ok) {
    warnings.push(`/policy.json is served as written, without this service's endpoint: ${check.errors[0]}`);
    published = source ?? {};
  }
  return { source, resolved: resolvePolicy(source), published, warnings };
}

/**
 * Verified reporters: writes the scope this service checks into the published policy (unless the file
 * names one), for the add-in to ask Outlook for. Returns why reports would still arrive unverified: the
 * scope cannot be published, the add-in would ask for a scope or with an app the service does not accept,
 * or Entra's tokens would not carry an audience the service accepts.
 */
function publishReporterScope(reporting: NonNullable<Policy['reporting']>, config: ServerConfig): string[] {
  const reporters = config.identity?.reporters;
  if (!reporters) return [];
  const warnings: string[] = [];
  if (!reporting.endpointScope) {
    if (new RegExp(API_SCOPE_PATTERN).test(reporters.scope)) reporting.endpointScope = reporters.scope;
    else warnings.push(`identity.reporters.scope (${reporters.scope}) is not a full API scope like api://<host>/<client id>/Reports.Submit, so the add-in is not told to ask for it: reports will arrive unverified`);
  } else if (reporting.endpointScope !== reporters.scope) {
    warnings.push(`the policy's reporting.endpointScope is not identity.reporters.scope (${reporters.scope}); the service will refuse the add-in's tokens and reports will arrive unverified`);
  }
  if (!reporting.entraClientId) {
    warnings.push("the policy has no reporting.entraClientId, so the add-in cannot ask Outlook for reporters' tokens: reports will arrive unverified");
  } else if (reporters.clientIds?.length && !reporters.clientIds.includes(reporting.entraClientId)) {
    warnings.push("the policy's reporting.entraClientId is not in identity.reporters.clientIds; the service will refuse the add-in's tokens and reports will arrive unverified");
  }
  // Entra's v1 tokens name the API by the scope's resource, v2 tokens by the API's client id (a GUID).
  const resource = reporters.scope.slice(0, Math.max(0, reporters.scope.lastIndexOf('/')));
  if (!reporters.audiences.includes(resource) && !reporters.audiences.some((audience) => new RegExp(GUID_PATTERN).test(audience))) {
    warnings.push(`identity.reporters.audiences lists neither the scope's resource (${resource}) nor the API's client id; Entra's tokens for the scope will be refused as for another audience`);
  }
  return warnings;
}
