// Output formats of `lurelens scan`. jsonl is a contract (the service and evaluators read it);
// text is for people. Message-derived strings are hostile: in text mode every control, escape and
// bidi character is shown as a visible code instead of being sent to the terminal.
import type { Evidence, Finding, Verdict } from '../engine/model';

export interface ScanRecord {
  file: string;
  verdict: Verdict['verdict'];
  score: number;
  findings: { rule: string; severity: Finding['severity']; title: string; evidence: Evidence[] }[];
}

export function toRecord(file: string, verdict: Verdict): ScanRecord {
  return {
    file,
    verdict: verdict.verdict,
    score: verdict.score,
    findings: verdict.findings.map((f) => ({ rule: f.rule, severity: f.severity, title: f.title.en, evidence: f.evidence })),
  };
}

/** One JSON object per line; JSON.stringify escapes control characters, so lines never break. */
export function formatJsonl(record: ScanRecord): string {
  return JSON.stringify(record);
}

// C0/C1 controls (ESC starts terminal escape sequences), DEL, bidi and zero-width characters.
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

export function terminalSafe(value: string, maxLength = 200): string {
  const cleaned = value.replace(/[\r\n\t]+/g, ' ').replace(UNSAFE_FOR_TERMINAL, (ch) => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
  return cleaned.length > maxLength ? cleaned.slice(0, maxLength - 1) + '…' : cleaned;
}

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const ansi = (code: number) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
export const COLOR: Palette = { red: ansi(31), yellow: ansi(33), green: ansi(32), dim: ansi(2), bold: ansi(1) };
export const PLAIN: Palette = { red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s, bold: (s) => s };

/** One evidence line for the text output, in English (jsonl prints the evidence object itself). */
export function describeEvidence(e: Evidence): string {
  switch (e.kind) {
    case 'impersonation':
      return `${e.field} "${e.value}" claims ${e.claimed}, but the address is ${e.actual}` + (e.expected.length ? ` (expected ${e.expected.join(', ')})` : '');
    case 'lookalike':
      return `${e.field} ${e.domain} resembles ${e.resembles} (${e.technique})` + (e.differences.length ? `: ${e.differences.map((d) => `${d.char} ${d.codePoint} ${d.description}`).join('; ')}` : '');
    case 'address-mismatch':
      return `${e.field} shows ${e.shown} but is really ${e.actual}`;
    case 'header':
      return `${e.name}: ${e.value} — ${e.meaning.en}`;
    case 'authentication':
      return `${e.method}=${e.result}` + (e.domain ? ` (${e.domain})` : '') + (e.detail ? ` ${e.detail}` : '') + (e.meaning ? ` — ${e.meaning.en}` : '');
    case 'characters':
      return `${e.field} hides ${e.characters.map((c) => `${c.codePoint} ${c.description}`).join(', ')}`;
    case 'phrase':
      return `${e.field}: "${e.phrase}" [${e.category}] … ${e.context} …`;
    case 'link':
      return `${e.attachment !== undefined ? `link in attachment ${e.attachment}` : `link "${e.text}"`} → ${e.href} (${e.reason.en})`;
    case 'attachment':
      return `attachment ${e.name} (${e.contentType}): ${e.reason.en}`;
    case 'note':
      return e.text.en;
  }
}

/** The message lines a person needs to recognise which mail a verdict is about. */
export interface MessageSummary {
  from?: { name: string; address: string };
  subject: string;
}

export function formatText(record: ScanRecord, palette: Palette, message?: MessageSummary): string {
  const badge =
    record.verdict === 'dangerous'
      ? palette.red(palette.bold('DANGEROUS'))
      : record.verdict === 'suspicious'
        ? palette.yellow(palette.bold('SUSPICIOUS'))
        : palette.green('clean');
  const lines = [`${badge} ${palette.dim(`(${record.score})`)} ${terminalSafe(record.file, 400)}`];
  if (message) {
    const from = message.from ? `${message.from.name ? `"${message.from.name}" ` : ''}<${message.from.address}>` : '(no sender)';
    lines.push(`  ${palette.dim('From:')}    ${terminalSafe(from)}`, `  ${palette.dim('Subject:')} ${terminalSafe(message.subject)}`);
  }
  for (const finding of record.findings) {
    const sev = finding.severity === 'high' ? palette.red('high  ') : finding.severity === 'medium' ? palette.yellow('medium') : palette.dim('low   ');
    lines.push(`  ${sev} ${finding.title} ${palette.dim(`[${finding.rule}]`)}`);
    for (const evidence of finding.evidence.slice(0, 5)) lines.push(`         ${palette.dim('·')} ${terminalSafe(describeEvidence(evidence))}`);
    if (finding.evidence.length > 5) lines.push(`         ${palette.dim(`· … ${finding.evidence.length - 5} more`)}`);
  }
  return lines.join('\n');
}
