// Renders docs/policy.md from the schema, the built-in lists and the validator itself, so the
// reference cannot drift from what is enforced (a test compares the committed file with this).
// scripts/policy-docs.ts writes the file; this module stays pure so it also runs in the engine build.
import type { TSchema } from '@sinclair/typebox';
import {
  CATEGORY_PATTERN,
  DOMAIN_PATTERN,
  EMAIL_PATTERN,
  EXTENSION_PATTERN,
  GUID_PATTERN,
  PolicySchema,
  TOKEN_PATTERN,
  URL_PATTERN,
} from './schema';
import { CROSS_FIELD_RULES, MAX_POLICY_BYTES, parsePolicyJson } from './validate';
import {
  BUILTIN_LURE_KEYWORDS,
  BUILTIN_ORGANIZATION_GROUPS,
  DEFAULT_LURE_CATEGORY,
  DEFAULT_LURE_WEIGHT,
  DEFAULT_REPORTING,
  FILE_SHARING_HOSTS,
  FREEMAIL_DOMAINS,
  LURE_CATEGORIES,
  RISKY_EXTENSIONS,
  RISKY_EXTENSION_KINDS,
  SHARED_TENANT_DOMAINS,
  TRACKING_LINK_HOSTS,
  URL_SHORTENERS,
  type BuiltInLureCategory,
} from './defaults';

const PATTERN_NAMES = new Map<string, string>([
  [DOMAIN_PATTERN, 'domain name'],
  [EMAIL_PATTERN, 'email address'],
  [URL_PATTERN, 'https URL'],
  [EXTENSION_PATTERN, 'file extension'],
  [CATEGORY_PATTERN, 'lower-case word'],
  [GUID_PATTERN, 'GUID'],
  [TOKEN_PATTERN, 'token'],
]);

/** Defaults that are not a JSON Schema `default` (they come from the built-in lists or the mailbox). */
const DEFAULTS: Record<string, string> = {
  organizationDomains: "the user's mailbox domain (its registrable domain; never a free-mail domain)",
  protectedPeople: 'none',
  trustedDomains: 'none',
  lureKeywords: `${BUILTIN_LURE_KEYWORDS.length} built-in phrases (see below)`,
  knownOrganizations: `${BUILTIN_ORGANIZATION_GROUPS.reduce((sum, group) => sum + group.organizations.length, 0)} built-in organisations (see below)`,
  freemailDomains: `${FREEMAIL_DOMAINS.length} built-in domains (see below)`,
  fileSharingHosts: `${FILE_SHARING_HOSTS.length} built-in hosts (see below)`,
  urlShorteners: `${URL_SHORTENERS.length} built-in hosts (see below)`,
  riskyExtensions: `${RISKY_EXTENSIONS.length} built-in extensions (see below)`,
  trackingLinkHosts: `${TRACKING_LINK_HOSTS.length} built-in hosts (see below)`,
  reporting: 'see the fields below',
  senderHistory: 'false',
  'protectedPeople[].aliases': 'none',
  'protectedPeople[].emails': 'none',
  'protectedPeople[].domains': 'none',
  'lureKeywords[].weight': String(DEFAULT_LURE_WEIGHT),
  'lureKeywords[].category': `"${DEFAULT_LURE_CATEGORY}"`,
  'reporting.channels': 'every configured channel, in the order endpoint, mailbox, compose',
  'reporting.afterReport': `"${DEFAULT_REPORTING.afterReport}"`,
  'reporting.reportedFolderName': `"${DEFAULT_REPORTING.reportedFolderName}"`,
};

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(value: string): string {
  return '`' + value + '`';
}

function properties(schema: TSchema): [string, TSchema][] {
  return schema.type === 'object' && schema.properties ? Object.entries(schema.properties as Record<string, TSchema>) : [];
}

function requiredNames(schema: TSchema): Set<string> {
  return new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
}

function plural(name: string): string {
  if (name === 'text' || name.startsWith('one of ')) return name;
  return name.endsWith('s') ? `${name}es` : `${name}s`;
}

/** One line when short, indented when not. */
function exampleJson(value: unknown): string {
  const compact = JSON.stringify(value);
  return compact.length <= 90 ? compact : JSON.stringify(value, null, 2);
}

function typeName(schema: TSchema): string {
  if (Array.isArray(schema.anyOf)) return 'one of ' + (schema.anyOf as TSchema[]).map((variant) => code(JSON.stringify(variant.const))).join(', ');
  switch (schema.type) {
    case 'string':
      return (schema.pattern && PATTERN_NAMES.get(schema.pattern as string)) ?? 'text';
    case 'integer':
      return 'whole number';
    case 'number':
      return 'number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'object';
    case 'array': {
      const item = typeName(schema.items as TSchema);
      return `list of ${plural(item)}`;
    }
    default:
      return String(schema.type ?? 'value');
  }
}

function limits(schema: TSchema): string[] {
  const found: string[] = [];
  if (schema.type === 'array') {
    if (typeof schema.minItems === 'number') found.push(`at least ${schema.minItems} ${schema.minItems === 1 ? 'entry' : 'entries'}`);
    if (typeof schema.maxItems === 'number') found.push(`at most ${schema.maxItems} entries`);
    if (schema.uniqueItems) found.push('no repeats');
    found.push(...limits(schema.items as TSchema).map((limit) => `each ${limit}`));
  }
  if (schema.type === 'string') {
    if (typeof schema.minLength === 'number' && schema.minLength > 1) found.push(`at least ${schema.minLength} characters`);
    if (typeof schema.maxLength === 'number') found.push(`at most ${schema.maxLength} characters`);
  }
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') found.push(`from ${schema.minimum} to ${schema.maximum}`);
  return found;
}

function formRule(schema: TSchema): string | undefined {
  const target = schema.type === 'array' ? (schema.items as TSchema) : schema;
  if (typeof target.errorMessage !== 'string' || !PATTERN_NAMES.has(target.pattern as string)) return undefined;
  const sentence = target.errorMessage as string;
  return sentence.replace(/^must be /, 'Must be ');
}

function fieldSection(lines: string[], path: string, schema: TSchema, required: boolean, level: number): void {
  const heading = '#'.repeat(level);
  lines.push(`${heading} ${code(path)}`, '');
  lines.push(`- **Type:** ${typeName(schema)}${required ? ' (required)' : ' (optional)'}`);
  const found = limits(schema);
  if (found.length) lines.push(`- **Limits:** ${found.join('; ')}`);
  const form = formRule(schema);
  if (form) lines.push(`- **Form:** ${form}.`);
  const fallback = DEFAULTS[path];
  if (fallback && !required) lines.push(`- **Default:** ${fallback}`);
  lines.push('');
  if (schema.description) lines.push(schema.description as string, '');
  if (schema.descriptionJa) lines.push(`> ${schema.descriptionJa as string}`, '');
  if (Array.isArray(schema.examples) && schema.examples.length > 0) {
    const name = path.split(/[.[\]]+/).filter(Boolean).pop() ?? path;
    lines.push('```json', `"${name}": ${exampleJson(schema.examples[0])}`, '```', '');
  }
  const item = schema.type === 'array' ? (schema.items as TSchema) : schema;
  if (item.type === 'object') {
    const childRequired = requiredNames(item);
    const prefix = schema.type === 'array' ? `${path}[]` : path;
    for (const [name, child] of properties(item)) fieldSection(lines, `${prefix}.${name}`, child, childRequired.has(name), Math.min(level + 1, 6));
  }
}

/** Error messages shown in the docs are produced by the validator itself, so they are always current. */
const ERROR_SAMPLES: { mistake: string; text: string }[] = [
  { mistake: 'A list written as text', text: '{\n  "organizationDomains": "example.or.jp"\n}' },
  { mistake: 'A mistyped field name', text: '{\n  "protectedPeple": []\n}' },
  { mistake: 'A field at the wrong level', text: '{\n  "endpointUrl": "https://lurelens.example.or.jp/api/reports"\n}' },
  {
    mistake: 'A malformed address',
    text: '{\n  "protectedPeople": [\n    { "name": "Kenji Watanabe", "emails": ["k.watanabe@example.or.jp", "k.watanabe"] }\n  ]\n}',
  },
  { mistake: 'A weight out of range', text: '{\n  "lureKeywords": [{ "phrase": "日中首脳会談", "weight": 9 }]\n}' },
  { mistake: 'Plain http to a remote server', text: '{\n  "reporting": { "endpointUrl": "http://lurelens.example.or.jp/api/reports" }\n}' },
  { mistake: 'A channel without its settings', text: '{\n  "reporting": { "channels": ["endpoint", "compose"], "securityMailbox": "security@example.or.jp" }\n}' },
  { mistake: 'A trailing comma', text: '{\n  "trustedDomains": ["example.go.jp",]\n}' },
  { mistake: 'A missing comma', text: '{\n  "organizationDomains": ["example.or.jp"]\n  "trustedDomains": ["example.go.jp"]\n}' },
  { mistake: 'A field written twice', text: '{\n  "trustedDomains": ["example.go.jp"],\n  "trustedDomains": ["example.ac.jp"]\n}' },
];

function list(lines: string[], title: string, summary: string, values: readonly string[]): void {
  lines.push(`### ${title} (${values.length})`, '', summary, '', '<details><summary>Show the list</summary>', '');
  lines.push(values.map(code).join(', '), '', '</details>', '');
}

export interface PolicyDocsOptions {
  /** Contents of policy.example.json, shown as the complete example. */
  example?: string;
}

export function renderPolicyDocs(options: PolicyDocsOptions = {}): string {
  const lines: string[] = [];
  lines.push(
    '<!-- Generated by scripts/policy-docs.ts from src/policy. Do not edit by hand: run `npx tsx scripts/policy-docs.ts`. -->',
    '',
    '# policy.json reference / policy.json リファレンス',
    '',
    'policy.json is what IT edits to fit Lure Lens to the organisation: its own domains, the people attackers are likely to impersonate, partner domains, extra lure phrases and organisations, and where reports go. ' +
      'Every field is optional; an empty policy `{}` is valid and uses the built-in defaults.',
    '',
    '> policy.json は、Lure Lens を組織に合わせるために IT 管理者が編集するファイルです(自組織のドメイン、なりすましの標的になりやすい人物、取引先ドメイン、追加のおとり語句や組織、報告先)。すべて省略可能で、空のポリシー `{}` は組み込みの既定値で動作します。',
    '',
    '## How it is applied / 適用のしかた',
    '',
    '- **Lists add, never replace.** Every list is added to the built-in one; a policy cannot switch a built-in protection off. ' +
      'A lure phrase that repeats a built-in one changes its weight and category (what you leave out keeps the built-in value); ' +
      'an organisation that shares a name with a built-in one adds its names and domains to it.',
    '- **Domains cover their subdomains.** `example.or.jp` also covers `mail.example.or.jp`. Write the domain only: no `https://`, path, `@` or `*`. ' +
      'Case, a trailing dot and Japanese (IDN) domains are fine: they are converted to lower-case ASCII (punycode).',
    '- **Names and phrases are folded.** Matching ignores case, full-width/half-width forms, invisible characters and spacing, so you write each name or phrase once as people normally write it.',
    "- **Without organizationDomains** the domain of the user's own mailbox is used (its registrable domain, e.g. `tokyo.example.or.jp` → `example.or.jp`). " +
      `Free-mail domains are never used this way, and shared tenant domains (${SHARED_TENANT_DOMAINS.map(code).join(', ')}) are used whole, never widened.`,
    '- **Mistakes are errors, not silence.** Unknown fields (typos), values of the wrong type or form, and settings that could never take effect are rejected with the field path and, for files, the line and column. ' +
      `A JSON syntax error is reported with its line and column. A field written twice in the same object is an error (JSON would silently keep the last one). Files over ${MAX_POLICY_BYTES / 1024 / 1024} MiB are refused.`,
    '',
    '> 一覧は組み込みの既定値に**追加**され、置き換えることはありません。ドメインはサブドメインも含みます。大文字小文字・全角半角・スペースの違いは照合時に吸収されます。organizationDomains を省略すると利用者のメールボックスのドメイン(フリーメールを除く)を使います。未知のフィールド(綴りの誤り)や形式の誤りは、フィールドの位置(ファイルでは行と列)とともにエラーになります。',
    '',
  );

  lines.push('## Fields / フィールド', '', '| Field | Type | Default | Description |', '| --- | --- | --- | --- |');
  for (const [name, schema] of properties(PolicySchema)) {
    const summary = ((schema.description as string) ?? '').split(/(?<=\.)\s(?=[A-Z])/)[0] ?? '';
    lines.push(`| [${code(name)}](#${name.toLowerCase()}) | ${cell(typeName(schema))} | ${cell(DEFAULTS[name] ?? '')} | ${cell(summary)} |`);
  }
  lines.push('');
  for (const [name, schema] of properties(PolicySchema)) fieldSection(lines, name, schema, false, 3);

  lines.push('## Rules across fields / フィールド間の規則', '', 'Settings that would otherwise silently do nothing:', '');
  for (const rule of CROSS_FIELD_RULES) lines.push(`- ${rule.summary}`);
  lines.push('');

  lines.push('## Error messages / エラーメッセージの例', '', 'What the validator says for common mistakes (produced by the validator when these docs were generated):', '');
  for (const sample of ERROR_SAMPLES) {
    const result = parsePolicyJson(sample.text);
    const errors = result.ok ? ['(accepted)'] : result.errors;
    lines.push(`**${sample.mistake}**`, '', '```json', sample.text, '```', '', '```text', ...errors, '```', '');
  }

  if (options.example) {
    lines.push('## Complete example / 記入例', '', 'policy.example.json, for a Japanese think tank:', '', '```json', options.example.trimEnd(), '```', '');
  }

  lines.push('## Built-in lists / 組み込みの一覧', '', 'The defaults every policy starts from. Entries cover their subdomains.', '');
  list(lines, 'Free-mail domains', 'Anyone can get an address here, including Japanese carriers and ISPs (matched with their subdomains, e.g. `xa2.so-net.ne.jp`).', FREEMAIL_DOMAINS);
  list(lines, 'File-sharing hosts', 'File sharing and cloud storage, where payloads and phishing pages are commonly hosted.', FILE_SHARING_HOSTS);
  list(lines, 'URL shorteners', 'They hide where a link really goes.', URL_SHORTENERS);
  list(lines, 'Tracking and link-protection hosts', 'Their redirects are how they work, not a mismatch by themselves.', TRACKING_LINK_HOSTS);

  lines.push(`### Risky attachment extensions (${RISKY_EXTENSIONS.length})`, '', '| Extension | Kind | What it is |', '| --- | --- | --- |');
  for (const entry of RISKY_EXTENSIONS) {
    const kind = RISKY_EXTENSION_KINDS[entry.kind];
    lines.push(`| ${code('.' + entry.extension)} | ${cell(`${kind.en} / ${kind.ja}`)} | ${cell(entry.what)} |`);
  }
  lines.push('');

  lines.push(`### Known organisations`, '');
  lines.push(
    'Free-mail and shared tenant domains are never listed as an organisation\'s domain, even where the brand owns them (anyone can get an address at outlook.com, icloud.com or docomo.ne.jp and put the brand in the display name). ' +
      'Names are chosen not to collide with ordinary words or personal names ("Chase Bank", not "Chase"; "みずほ銀行", not "みずほ"); Latin-script names are compared as whole words. ' +
      'A few short brand names are kept because phishing uses exactly them ("Apple", "UPS", "DHL", "JCB"): mail from an unrelated "Apple Pie Bakery" is then checked against Apple\'s domains, and IT can add such a sender to `trustedDomains`.',
    '',
  );
  for (const group of BUILTIN_ORGANIZATION_GROUPS) {
    lines.push(`#### ${group.title.en} / ${group.title.ja} (${group.organizations.length})`, '', '| Names | Domains |', '| --- | --- |');
    for (const organization of group.organizations) lines.push(`| ${cell(organization.names.join('; '))} | ${cell(organization.domains.join(', '))} |`);
    lines.push('');
  }

  lines.push(`### Lure phrases (${BUILTIN_LURE_KEYWORDS.length})`, '', 'Weight 1 is a weak hint, 5 a strong one. Wording alone never makes a message suspicious; it adds weight when the sender, links or attachments are also wrong.', '');
  for (const [category, description] of Object.entries(LURE_CATEGORIES) as [BuiltInLureCategory, { en: string; ja: string }][]) {
    const entries = BUILTIN_LURE_KEYWORDS.filter((keyword) => keyword.category === category);
    lines.push(`#### ${code(category)} (${entries.length})`, '', description.en, '', `> ${description.ja}`, '', '| Phrase | Weight |', '| --- | --- |');
    for (const entry of entries) lines.push(`| ${cell(entry.phrase)} | ${entry.weight} |`);
    lines.push('');
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
