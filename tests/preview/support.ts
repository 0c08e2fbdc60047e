// Shared by the preview tests: the sample files as bytes and the demo policy the service publishes
// (policy.example.json with only the security team's name left of its reporting block; the service
// adds its own endpoint and token), as scripts/start.js writes it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Policy } from '../../src/policy/types';
import { policyForMailbox } from '../../src/policy';
import { PREVIEW_USER_ADDRESS } from '../../src/samples';

export const SAMPLES_DIR = path.join(__dirname, '../../src/samples');

export function sampleBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SAMPLES_DIR, file)));
}

export function demoPolicyFile(): Policy {
  const policy = JSON.parse(readFileSync(path.join(__dirname, '../../policy.example.json'), 'utf8')) as Policy;
  const { securityTeamName, securityTeamNameJa } = policy.reporting ?? {};
  policy.reporting = { securityTeamName, securityTeamNameJa };
  return policy;
}

/** What the pane resolves for the preview's signed-in user. */
export function demoPolicy() {
  return policyForMailbox(PREVIEW_USER_ADDRESS, demoPolicyFile());
}

/** The header section of raw bytes as text, exactly as written (the samples are ASCII). */
export function headerSection(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('latin1');
  return text.slice(0, text.indexOf('\r\n\r\n') + 2);
}
