// npm run bench -- [CORPUS_DIR]
// Prints messages/second for parse+analyze over a corpus (the shared evaluation corpus when present,
// otherwise generated ordinary messages), median and worst per-message time, and the time for
// adversarial inputs at two sizes so linear growth can be read off. Each figure is printed beside a
// baseline measured in the same run: the parse alone (what any tool must pay) and the half-size input.
import { promises as fs, existsSync } from 'node:fs';
import path from 'node:path';
import { parseEml } from '../src/mail/eml';
import { analyze } from '../src/engine/analyze';
import { resolvePolicy } from '../src/policy';
import { zipSync } from 'fflate';

const policy = resolvePolicy({
  organizationDomains: ['example.or.jp'],
  protectedPeople: [{ name: 'Kenji Watanabe', aliases: ['渡辺 健二'], emails: ['k.watanabe@example.or.jp'] }],
  trustedDomains: ['mofa.go.jp'],
});

function now(): number {
  return performance.now();
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function ordinaryMessage(i: number): string {
  return [
    `From: "Colleague ${i}" <user${i}@example.or.jp>`,
    'To: team@example.or.jp',
    `Subject: Meeting notes ${i} / 会議メモ`,
    `Message-ID: <m${i}@example.or.jp>`,
    'Date: Tue, 24 Nov 2026 09:00:00 +0900',
    'Authentication-Results: mx.example.or.jp; spf=pass smtp.mailfrom=example.or.jp; dkim=pass header.d=example.or.jp; dmarc=pass header.from=example.or.jp',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hello, here are the notes from meeting ${i}. See https://intranet.example.or.jp/notes/${i} .\n本日の会議の議事録を共有します。`.repeat(3),
    '--b',
    'Content-Type: text/html; charset=utf-8',
    '',
    `<p>Hello, here are the <a href="https://intranet.example.or.jp/notes/${i}">notes</a>.</p><p>本日の会議の議事録を共有します。</p>`.repeat(3),
    '--b--',
    '',
  ].join('\r\n');
}

async function loadCorpus(dir: string | undefined): Promise<{ label: string; messages: Uint8Array[] }> {
  if (dir && existsSync(dir)) {
    const files: string[] = [];
    for (const sub of ['phish', 'ham']) {
      const full = path.join(dir, sub);
      if (existsSync(full)) for (const name of (await fs.readdir(full)).sort()) files.push(path.join(full, name));
    }
    if (files.length) return { label: `corpus ${dir} (${files.length} messages)`, messages: await Promise.all(files.map((f) => fs.readFile(f))) };
  }
  const encoder = new TextEncoder();
  return { label: 'generated ordinary messages (no corpus found)', messages: Array.from({ length: 300 }, (_, i) => encoder.encode(ordinaryMessage(i))) };
}

function header(subject: string, contentType = 'text/plain; charset=utf-8'): string {
  return `From: "Kenji Watanabe" <kenji.watanabe1@gmail.com>\r\nTo: a@example.or.jp\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\nContent-Type: ${contentType}\r\n\r\n`;
}

// Adversarial inputs, each built at a given scale (1 = the size the issue names).
const adversarial: Record<string, (scale: number) => string> = {
  // 36 bytes of UTF-8 per repetition.
  '5 MB body': (s) => header('big') + 'lorem ipsum dolor sit amet 台湾海峡 '.repeat(Math.floor((5_000_000 * s) / 36)),
  '20,000 links': (s) =>
    header('links', 'text/html; charset=utf-8') +
    Array.from({ length: Math.floor(20_000 * s) }, (_, i) => `<a href="http://198.51.100.${i % 250}/p${i}">https://mofa.go.jp/${i}</a>`).join('\n'),
  '100,000 lure-like words': (s) =>
    header('Taiwan Strait 日米同盟') +
    Array.from({ length: Math.floor(100_000 * s) }, (_, i) => ['taiwan', 'strait', '台湾', 'senkaku', 'alliance', 'indo-pacific', 'ｔａｉｗａｎ', 't a i w a n'][i % 8]).join(' '),
  // The sender rules read the display name and subject many ways (skeletons, name orders, distances).
  '75 KB display name and subject': (s) => {
    const long = 'Kenji Watanabe 渡辺 健二 '.repeat(Math.floor(3000 * s));
    return `From: "${long}" <x@${'a-'.repeat(Math.floor(100 * s))}example.com>\r\nTo: a@example.or.jp\r\nSubject: ${long}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhello\r\n`;
  },
  'deeply nested MIME': (s) => {
    const depth = Math.floor(2000 * s);
    let body = 'Content-Type: text/plain\r\n\r\nhello\r\n';
    for (let i = 0; i < depth; i++) body = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${body}--n${i}--\r\n`;
    return `From: a@b.example\r\nSubject: nested\r\nMIME-Version: 1.0\r\n${body}`;
  },
  // Deeper than the MIME library follows: our own walker reads the rest.
  '20,000 nested MIME levels': (s) => {
    const depth = Math.floor(20_000 * s);
    let body = 'Content-Type: text/plain\r\n\r\nbottom\r\n';
    for (let i = 0; i < depth; i++) body = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${body}--n${i}--\r\n`;
    return `From: a@b.example\r\nSubject: nested\r\nMIME-Version: 1.0\r\n${body}`;
  },
  '200,000 empty MIME parts': (s) => header('parts', 'multipart/mixed; boundary=b') + '--b\r\n\r\n'.repeat(Math.floor(200_000 * s)),
  '50,000 nested hidden HTML elements': (s) => {
    const n = Math.floor(50_000 * s);
    return header('hidden', 'text/html; charset=utf-8') + '<div style="font-size:0"><span style="color:#fff">'.repeat(n) + 'x' + '</span></div>'.repeat(n);
  },
  '100,000 password words': (s) => header('パスワード') + 'パスワード password '.repeat(Math.floor(100_000 * s)),
  // An archive entry that inflates to 16 MB: the archive reader stops at its limit.
  'zip bomb attachment': (s) => {
    const zip = zipSync({ 'big.bin': new Uint8Array(Math.floor(16 * 1024 * 1024 * s)) }, { level: 6 });
    const base64 = Buffer.from(zip).toString('base64').replace(/.{76}/g, '$&\r\n');
    return `${header('archive', 'multipart/mixed; boundary=z')}--z\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--z\r\nContent-Type: application/zip; name="report.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64}\r\n--z--\r\n`;
  },
};

async function timeOnce(raw: string | Uint8Array): Promise<{ parse: number; total: number }> {
  const t0 = now();
  const message = await parseEml(raw);
  const t1 = now();
  analyze(message, policy);
  const t2 = now();
  return { parse: t1 - t0, total: t2 - t0 };
}

async function main(): Promise<void> {
  const corpus = await loadCorpus(process.argv[2] ?? path.join(__dirname, '..', '..', 'shared', 'corpus'));
  // Warm up the JIT and the per-policy caches so the first message is not charged for them.
  for (const m of corpus.messages.slice(0, 20)) await timeOnce(m);

  const totals: number[] = [];
  const analyses: number[] = [];
  const parses: number[] = [];
  const started = now();
  for (const raw of corpus.messages) {
    const { parse, total } = await timeOnce(raw);
    totals.push(total);
    parses.push(parse);
    analyses.push(total - parse);
  }
  const elapsed = (now() - started) / 1000;
  console.log(`Typical messages: ${corpus.label}`);
  console.log(`  throughput           ${(corpus.messages.length / elapsed).toFixed(0)} messages/s (parse + analyze)`);
  console.log(`  per message          median ${quantile(totals, 0.5).toFixed(2)} ms, p99 ${quantile(totals, 0.99).toFixed(2)} ms, worst ${Math.max(...totals).toFixed(2)} ms`);
  console.log(`  analyze only         median ${quantile(analyses, 0.5).toFixed(3)} ms, worst ${Math.max(...analyses).toFixed(2)} ms   (goal: < 2 ms typical)`);
  console.log(`  baseline: parse only median ${quantile(parses, 0.5).toFixed(2)} ms, worst ${Math.max(...parses).toFixed(2)} ms`);

  console.log('\nAdversarial inputs (goal: analysis < 200 ms each; time grows linearly, so full/half stays near 2 or below):');
  console.log(`  ${'input'.padEnd(32)} ${'total half'.padStart(11)} ${'total full'.padStart(11)} ${'ratio'.padStart(6)} ${'parse'.padStart(10)} ${'analyze'.padStart(10)}`);
  let worstAnalysis = 0;
  let worstTotal = 0;
  for (const [name, build] of Object.entries(adversarial)) {
    const half = await timeOnce(build(0.5));
    const full = await timeOnce(build(1));
    const analysis = full.total - full.parse;
    worstAnalysis = Math.max(worstAnalysis, analysis);
    worstTotal = Math.max(worstTotal, full.total);
    const ms = (v: number, w: number) => (v.toFixed(1) + ' ms').padStart(w);
    console.log(`  ${name.padEnd(32)} ${ms(half.total, 11)} ${ms(full.total, 11)} ${(full.total / Math.max(half.total, 0.001)).toFixed(2).padStart(6)} ${ms(full.parse, 10)} ${ms(analysis, 10)}`);
  }
  console.log(`\nWorst adversarial analysis: ${worstAnalysis.toFixed(1)} ms ${worstAnalysis < 200 ? '(within the 200 ms goal)' : '(OVER the 200 ms goal)'}; worst parse + analysis: ${worstTotal.toFixed(1)} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
