import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { PolicySchema } from '../../src/policy/schema';
import { renderPolicyDocs } from '../../src/policy/docs';
import { parsePolicyJson } from '../../src/policy/validate';
import { resolvePolicy } from '../../src/policy/resolve';

const root = join(__dirname, '..', '..');
const example = readFileSync(join(root, 'policy.example.json'), 'utf8');

/** Every schema node below the root, with its path. */
function walk(schema: TSchema, path: string, visit: (schema: TSchema, path: string) => void): void {
  visit(schema, path);
  if (schema.type === 'object') for (const [name, child] of Object.entries(schema.properties as Record<string, TSchema>)) walk(child, `${path}.${name}`, visit);
  if (schema.type === 'array') walk(schema.items as TSchema, `${path}[]`, visit);
}

describe('policy documentation', () => {
  it('docs/policy.md is what scripts/policy-docs.ts generates (run `npx tsx scripts/policy-docs.ts` if this fails)', () => {
    const committed = readFileSync(join(root, 'docs', 'policy.md'), 'utf8');
    expect(committed).toBe(renderPolicyDocs({ example }));
  });

  it('every field carries an English and a Japanese description and a valid example', () => {
    const missing: string[] = [];
    const invalidExamples: string[] = [];
    walk(PolicySchema, 'policy', checkDocs);
    function checkDocs(schema: TSchema, path: string) {
      if (typeof schema.description !== 'string' || schema.description.length < 10) missing.push(`${path}: description`);
      if (typeof schema.descriptionJa !== 'string' || !/[\u3040-\u30ff\u4e00-\u9fff]/.test(schema.descriptionJa)) missing.push(`${path}: descriptionJa`);
      if (path === 'policy') return;
      if (!Array.isArray(schema.examples) || schema.examples.length === 0) missing.push(`${path}: examples`);
      for (const sample of schema.examples ?? []) if (!Value.Check(schema, sample)) invalidExamples.push(`${path}: ${JSON.stringify(sample)}`);
    }
    expect(missing).toEqual([]);
    expect(invalidExamples).toEqual([]);
  });

  it('documents every field of the schema', () => {
    const docs = renderPolicyDocs();
    const paths: string[] = [];
    walk(PolicySchema, '', (_schema, path) => {
      if (path && !path.endsWith('[]')) paths.push(path.slice(1));
    });
    for (const path of paths) expect(docs).toContain('`' + path + '`');
    expect(paths.length).toBeGreaterThan(20);
  });
});

describe('policy.example.json', () => {
  it('validates, and resolves with its additions on top of the defaults', () => {
    const result = parsePolicyJson(example, 'policy.example.json');
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const resolved = resolvePolicy(result.policy);
    expect(resolved.organizationDomains).toEqual(['example.or.jp', 'example-forum.jp']);
    expect(resolved.protectedPeople.map((person) => person.name)).toEqual(['Kenji Watanabe', 'Yuko Sato', 'Takeshi Nakamura']);
    expect(resolved.riskyExtensions.has('wiz') && resolved.riskyExtensions.has('lnk')).toBe(true);
    expect(resolved.reporting.channels).toEqual(['endpoint', 'mailbox', 'compose']);
  });
});
