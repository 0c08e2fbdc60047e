// The policy the service analyses with and hands to the add-in at /policy.json. It is validated at
// start: a service that silently ran on built-in defaults because of a typo would miss exactly
// the impersonations the organisation configured.
import { promises as fs } from 'node:fs';
import { parsePolicyJson, resolvePolicy, validatePolicy } from '../policy';
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
  let published: Policy = { ...source, reporting };
  const check = validatePolicy(published);
  if (!check.ok) {
    warnings.push(`/policy.json is served as written, without this service's endpoint: ${check.errors[0]}`);
    published = source ?? {};
  }
  return { source, resolved: resolvePolicy(source), published, warnings };
}
