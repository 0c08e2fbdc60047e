// Every preview sample gets the verdict its description promises, both when the .eml is analysed
// whole (CLI, service) and when the pane reads it through the fake Outlook mailbox (details only,
// no attachment bytes), under the demo policy.
import { readdirSync } from 'node:fs';
import { analyze, type Verdict } from '../../src/engine';
import { parseEml } from '../../src/mail/eml';
import { readMessage } from '../../src/office/read-message';
import { resolvePolicy } from '../../src/policy';
import { createPreviewItem } from '../../src/preview/fake-mailbox';
import { PREVIEW_USER_ADDRESS, SAMPLES } from '../../src/samples';
import { demoPolicy, demoPolicyFile, SAMPLES_DIR, sampleBytes } from './support';

interface Expectation {
  verdict: Verdict['verdict'];
  /** Rules that must fire on the whole .eml. */
  rules: string[];
  /** Rules that must fire when read through Outlook (default: the same). */
  paneRules?: string[];
  /** Rules that must not fire. */
  absent?: string[];
}

const EXPECTED: Record<string, Expectation> = {
  'mirrorface-lure.eml': {
    verdict: 'dangerous',
    rules: ['protected-person-impersonation', 'lure-wording', 'protected-archive', 'risky-attachment', 'mirrorface-pattern'],
    // Outlook gives the pane no attachment bytes: the shortcuts inside the ZIP are not seen, the
    // archive-plus-password still is.
    paneRules: ['protected-person-impersonation', 'lure-wording', 'protected-archive', 'mirrorface-pattern'],
  },
  'share-link-lure.eml': {
    verdict: 'dangerous',
    rules: ['protected-person-impersonation', 'lookalike-domain', 'lure-wording', 'file-sharing-link', 'enable-content-coaching', 'mirrorface-pattern'],
  },
  'display-name-freemail.eml': {
    verdict: 'dangerous',
    rules: ['protected-person-impersonation', 'display-name-address-mismatch', 'reply-to-divergence'],
  },
  'macro-enable-content.eml': {
    verdict: 'dangerous',
    rules: ['enable-content-coaching', 'risky-attachment', 'authentication-failure'],
  },
  'credential-phish.eml': {
    verdict: 'dangerous',
    rules: ['link-text-mismatch', 'credential-lure', 'organization-claim-mismatch'],
  },
  'speaker-invitation.eml': {
    verdict: 'suspicious',
    rules: ['reply-to-divergence', 'lure-wording'],
    absent: ['protected-person-impersonation', 'authentication-failure'],
  },
  'colleague-onedrive.eml': {
    verdict: 'clean',
    rules: [],
    absent: ['file-sharing-link', 'authentication-failure', 'protected-person-impersonation'],
  },
  'newsletter-en.eml': {
    verdict: 'clean',
    rules: ['lure-wording'],
    absent: ['link-text-mismatch', 'authentication-failure', 'organization-claim-mismatch', 'lookalike-domain'],
  },
  'internal-memo-ja.eml': {
    verdict: 'clean',
    rules: ['lure-wording'],
    absent: ['internal-sender-spoof', 'protected-person-impersonation', 'authentication-failure'],
  },
};

const rulesOf = (verdict: Verdict) => verdict.findings.map((finding) => finding.rule);

describe('sample list', () => {
  it('lists every .eml in src/samples exactly once, with titles and descriptions in both languages', () => {
    const files = readdirSync(SAMPLES_DIR).filter((name) => name.endsWith('.eml')).sort();
    expect(SAMPLES.map((sample) => sample.file).sort()).toEqual(files);
    expect(Object.keys(EXPECTED).sort()).toEqual(files);
    for (const sample of SAMPLES) {
      for (const text of [sample.title.en, sample.title.ja, sample.description.en, sample.description.ja]) expect(text.trim().length).toBeGreaterThan(5);
    }
    expect(new Set(SAMPLES.map((sample) => sample.title.en)).size).toBe(SAMPLES.length);
  });

  it('uses CRLF line ends and 7-bit bytes only, as mail on the wire', () => {
    for (const sample of SAMPLES) {
      const bytes = sampleBytes(sample.file);
      expect(bytes.every((byte) => byte < 0x80)).toBe(true);
      const text = Buffer.from(bytes).toString('latin1');
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(text.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    }
  });

  it('signs the preview in as an address of the demo organisation', () => {
    expect(demoPolicyFile().organizationDomains).toContain(PREVIEW_USER_ADDRESS.split('@')[1]);
  });
});

describe.each(Object.entries(EXPECTED))('%s', (file, expected) => {
  it(`is ${expected.verdict} with its key findings when the whole .eml is analysed`, async () => {
    const message = await parseEml(sampleBytes(file));
    // The brief's form: the policy file resolved as is.
    const verdict = analyze(message, resolvePolicy(demoPolicyFile()));
    expect(verdict.verdict).toBe(expected.verdict);
    expect(rulesOf(verdict)).toEqual(expect.arrayContaining(expected.rules));
    for (const rule of expected.absent ?? []) expect(rulesOf(verdict)).not.toContain(rule);
    // And as the pane resolves it for the signed-in user.
    expect(analyze(message, demoPolicy()).verdict).toBe(expected.verdict);
  });

  it(`is ${expected.verdict} when the pane reads it through the fake mailbox`, async () => {
    const item = await createPreviewItem(sampleBytes(file), file);
    const { message, capabilities } = await readMessage(item, { isSetSupported: () => true });
    expect(capabilities.headers).toBe('read');
    expect(capabilities.body).toBe('read');
    const verdict = analyze(message, demoPolicy());
    expect(verdict.verdict).toBe(expected.verdict);
    expect(rulesOf(verdict)).toEqual(expect.arrayContaining(expected.paneRules ?? expected.rules));
    for (const rule of expected.absent ?? []) expect(rulesOf(verdict)).not.toContain(rule);
  });
});

describe('what the samples show', () => {
  it('the MirrorFace-style lure names the protected person and carries the password in the body', async () => {
    const message = await parseEml(sampleBytes('mirrorface-lure.eml'));
    expect(message.from).toEqual({ name: '渡辺 健二', address: 'kenji.watanabe.eiia@gmail.com' });
    expect(message.subject).toMatch(/台湾海峡/);
    expect(message.subject).toMatch(/日米同盟/);
    expect(message.attachments.map((attachment) => attachment.name)).toEqual(['研究会資料.zip']);
    const verdict = analyze(message, demoPolicy());
    const impersonation = verdict.findings.find((finding) => finding.rule === 'protected-person-impersonation');
    expect(JSON.stringify(impersonation?.evidence)).toContain('Kenji Watanabe');
    const archive = verdict.findings.find((finding) => finding.rule === 'protected-archive');
    // The engine reads a normalised (case-folded) body.
    const password = archive?.evidence.find((evidence) => evidence.kind === 'phrase');
    expect(password && 'phrase' in password ? password.phrase.toLowerCase() : '').toBe('kw2026#1203');
  });

  it('the credential phish shows outlook.office365.com but links elsewhere', async () => {
    const message = await parseEml(sampleBytes('credential-phish.eml'));
    expect(message.html).toBeDefined();
    const mismatch = analyze(message, demoPolicy()).findings.find((finding) => finding.rule === 'link-text-mismatch');
    expect(mismatch?.evidence).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'link', text: 'https://outlook.office365.com/mail/storage', host: 'm365-mailbox-storage.top' })]),
    );
  });

  it('the Japanese memo decodes to Japanese text from the organisation', async () => {
    const message = await parseEml(sampleBytes('internal-memo-ja.eml'));
    expect(message.from?.address).toBe('y.sato@example.or.jp');
    expect(message.subject).toBe('【共有】年次報告書の草稿（第3章）と来週の部内会議について');
    expect(message.text).toContain('佐藤 裕子（Yuko Sato）');
  });
});
