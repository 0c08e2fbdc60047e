/** @jest-environment jsdom */
// The engine's evidence sentences (link and attachment reasons, header meanings, notes) follow the
// pane's language: a Japanese pane shows the Japanese sentence and none of the English ones.
import './polyfills';
import { render, screen } from '@testing-library/react';
import { analyze } from '../../src/engine';
import type { Evidence, Finding, LocalizedText, MailMessage, Verdict } from '../../src/engine/model';
import { parseEml } from '../../src/mail/eml';
import { readMessage } from '../../src/office/read-message';
import type { PolicyLoader } from '../../src/office/policy-source';
import { createPreviewItem } from '../../src/preview/fake-mailbox';
import { App } from '../../src/taskpane/App';
import { demoPolicy, sampleBytes } from '../preview/support';
import { FakeReporter, fixedVerdict, loaded, message, openAllReasons, staticSource } from './helpers';

const SAMPLE = 'mirrorface-lure.eml';
const demoPolicyLoader: PolicyLoader = async () => ({ policy: demoPolicy(), source: 'file' });

function renderPane(msg: MailMessage, language: 'en' | 'ja', analyzeMessage: (m: MailMessage) => Verdict = (m) => analyze(m, demoPolicy())) {
  return render(
    <App
      source={staticSource(loaded(msg))}
      loadPolicy={demoPolicyLoader}
      createReporter={() => new FakeReporter(new Error('unused'))}
      language={language}
      theme="light"
      analyzeMessage={analyzeMessage}
    />,
  );
}

/** The engine's own sentences in a verdict's evidence. */
function sentences(verdict: Verdict): LocalizedText[] {
  const found: LocalizedText[] = [];
  const add = (evidence: Evidence) => {
    if (evidence.kind === 'link' || evidence.kind === 'attachment') found.push(evidence.reason);
    else if (evidence.kind === 'header') found.push(evidence.meaning);
    else if (evidence.kind === 'note') found.push(evidence.text);
    else if (evidence.kind === 'authentication' && evidence.meaning) found.push(evidence.meaning);
  };
  for (const finding of verdict.findings) finding.evidence.slice(0, 20).forEach(add);
  return found;
}

/** A verdict of one finding, for evidence the samples do not carry (titles and explanations do not matter here). */
function oneFindingVerdict(level: Verdict['verdict'], score: number, finding: Pick<Finding, 'rule' | 'severity' | 'category' | 'evidence'>): Verdict {
  return { verdict: level, score, notChecked: [], findings: [{ ...finding, title: { en: 'Example', ja: '例' }, explanation: { en: 'Example.', ja: '例です。' } }] };
}

/** The sample as the pane reads it through Outlook (no attachment bytes) and as a whole .eml (CLI, service). */
async function sampleMessages(): Promise<[string, MailMessage][]> {
  const item = await createPreviewItem(sampleBytes(SAMPLE), SAMPLE);
  const { message: throughOutlook } = await readMessage(item, { isSetSupported: () => true });
  return [
    ['read through Outlook', throughOutlook],
    ['the whole .eml', await parseEml(sampleBytes(SAMPLE))],
  ];
}

describe('evidence sentences in the pane language', () => {
  it('the MirrorFace sample in a Japanese pane shows Japanese reasons and notes, no English evidence sentence', async () => {
    for (const [how, msg] of await sampleMessages()) {
      const verdict = analyze(msg, demoPolicy());
      const texts = sentences(verdict);
      // The archive reason and the three MirrorFace parts at least.
      expect(texts.length).toBeGreaterThanOrEqual(4);
      const { container, unmount } = renderPane(msg, 'ja');
      await screen.findByText('危険なメッセージ');
      await openAllReasons(container);
      const shown = container.textContent ?? '';
      for (const text of texts) {
        expect(text.ja).toMatch(/[ぁ-んァ-ン]/);
        expect(text.ja).not.toContain(' / ');
        expect(shown).toContain(text.ja);
        expect(shown).not.toContain(text.en);
      }
      // Without the bytes the archive is judged by the password in the body; with them, as encrypted.
      expect(shown).toContain(how === 'read through Outlook' ? 'パスワードが本文に書かれたZIP形式の圧縮ファイルです。' : '暗号化されたZIP形式の圧縮ファイルです。');
      expect(shown).toMatch(/送信者：「[^」]+」/);
      expect(shown).not.toMatch(/\((protected-person-impersonation|lure-wording|protected-archive)\)/);
      unmount();
    }
  });

  it('the same sample in an English pane shows the English sentences', async () => {
    const [[, msg]] = await sampleMessages();
    const texts = sentences(analyze(msg, demoPolicy()));
    const { container } = renderPane(msg, 'en');
    await screen.findByText('Dangerous message');
    await openAllReasons(container);
    const shown = container.textContent ?? '';
    for (const text of texts) {
      expect(shown).toContain(text.en);
      expect(shown).not.toContain(text.ja);
    }
    expect(shown).toContain('zip archive with a password given in the message');
  });

  it('renders every localized evidence kind in the chosen language', async () => {
    const t = (en: string, ja: string) => ({ en, ja });
    const verdict = oneFindingVerdict('suspicious', 50, {
      rule: 'example', severity: 'medium', category: 'links',
      evidence: [
        { kind: 'link', text: 'Open', href: 'https://evil.example/x', host: 'evil.example', reason: t('English reason', '日本語の理由です。') },
        { kind: 'attachment', name: 'a.zip', contentType: 'application/zip', reason: t('English attachment reason', '添付の理由です。') },
        { kind: 'header', name: 'To', value: '(none)', meaning: t('English meaning', 'ヘッダーの意味です。') },
        { kind: 'note', text: t('English note', '補足です。') },
        { kind: 'authentication', method: 'dkim', result: 'pass', domain: 'tenant.onmicrosoft.com', meaning: t('English authentication meaning', '署名の意味です。') },
      ],
    });
    const { container } = renderPane(message(), 'ja', fixedVerdict(verdict));
    await screen.findByText('不審なメッセージ');
    await openAllReasons(container);
    const byKind = (kind: string) => container.querySelector(`[data-kind="${kind}"]`)?.textContent ?? '';
    expect(byKind('link')).toContain('日本語の理由です。');
    expect(byKind('attachment')).toContain('添付の理由です。');
    expect(byKind('header')).toContain('ヘッダーの意味です。');
    expect(byKind('note')).toBe('補足です。');
    // A "pass" whose meaning the rule gives is not called "confirmed".
    expect(byKind('authentication')).toContain('署名の意味です。');
    expect(container.textContent).not.toMatch(/English (reason|attachment reason|meaning|note|authentication meaning)/);
  });

  it('shows a link written inside an attached PDF by the file it sits in, in the pane language, not as link text', async () => {
    const verdict = oneFindingVerdict('suspicious', 50, {
      rule: 'pdf-link-lure', severity: 'medium', category: 'links',
      evidence: [
        { kind: 'link', text: '(link in Statement.pdf)', attachment: 'Statement.pdf', href: 'https://claim.example.top/x', host: 'claim.example.top', reason: { en: 'English reason', ja: '日本語の理由です。' } },
      ],
    });
    const { container } = renderPane(message(), 'ja', fixedVerdict(verdict));
    await screen.findByText('不審なメッセージ');
    await openAllReasons(container);
    const link = container.querySelector('[data-kind="link"]')?.textContent ?? '';
    expect(link).toContain('リンクがある添付ファイル');
    expect(link).toContain('Statement.pdf');
    expect(link).not.toContain('(link in');
  });

  it('names message parts and built-in topics in the pane language; a topic IT invented shows as written', async () => {
    const phrase = (field: string, category: string): Evidence => ({ kind: 'phrase', field, phrase: '台湾海峡', category, context: '台湾海峡について' });
    const verdict = oneFindingVerdict('suspicious', 40, { rule: 'lure-wording', severity: 'medium', category: 'wording', evidence: [phrase('subject', 'geopolitics'), phrase('body', '社内プロジェクト名'), phrase('x-custom', 'constructor')] });
    const msg = message({ subject: '台湾海峡の件', text: '本文で台湾海峡に触れます。' });
    const { container } = renderPane(msg, 'ja', fixedVerdict(verdict));
    await screen.findByText('不審なメッセージ');
    await openAllReasons(container);
    const topics = container.querySelector('[data-kind="phrase"]')?.textContent ?? '';
    expect(topics).toContain('国際情勢・安全保障');
    expect(topics).not.toContain('geopolitics');
    expect(topics).toContain('社内プロジェクト名');
    // An inherited property name is not a translation.
    expect(topics).toContain('constructor');
    const [subject, body, custom] = [...container.querySelectorAll('[data-testid="quote"]')].map((element) => element.textContent ?? '');
    expect(subject).toContain('件名');
    expect(body).toContain('本文');
    // A part of the message with no name in the dictionary is not named at all (no technical field names).
    expect(custom).not.toContain('x-custom');
    expect(container.textContent).not.toContain('x-custom');
  });

  it('names look-alike techniques in plain words; an unknown technique shows as written', async () => {
    const lookalike = (technique: string): Evidence => ({ kind: 'lookalike', field: 'from', domain: 'example-or.jp', resembles: 'example.or.jp', technique, differences: [] });
    const verdict = oneFindingVerdict('dangerous', 90, { rule: 'lookalike-domain', severity: 'high', category: 'sender', evidence: [lookalike('combosquat'), lookalike('tld-swap'), lookalike('future-trick')] });
    const { container } = renderPane(message(), 'ja', fixedVerdict(verdict));
    await screen.findByText('危険なメッセージ');
    await openAllReasons(container);
    const [combo, tld, unknown] = [...container.querySelectorAll('[data-kind="lookalike"]')].map((element) => element.textContent ?? '');
    expect(combo).toContain('本物の名前に別の語を付け足したもの');
    expect(combo).not.toContain('combosquat');
    expect(tld).toContain('末尾');
    expect(unknown).toContain('future-trick');
  });

  it('says what an authentication result means, in the pane language', async () => {
    const verdict = oneFindingVerdict('suspicious', 40, {
      rule: 'authentication-failure', severity: 'medium', category: 'authentication',
      evidence: [
        { kind: 'authentication', method: 'dmarc', result: 'fail', domain: 'example.com' },
        { kind: 'authentication', method: 'spf', result: 'weird-result' },
      ],
    });
    const { container } = renderPane(message(), 'ja', fixedVerdict(verdict));
    await screen.findByText('不審なメッセージ');
    await openAllReasons(container);
    const [dmarc, spf] = [...container.querySelectorAll('[data-kind="authentication"]')].map((element) => element.textContent ?? '');
    expect(dmarc).toContain('fail');
    expect(dmarc).toContain('送信者を確認できませんでした');
    expect(spf).toContain('weird-result');
    expect(spf).not.toContain('—');
  });
});
