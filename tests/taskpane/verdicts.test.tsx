/** @jest-environment jsdom */
import './polyfills';
import { render, screen, within } from '@testing-library/react';
import type { Verdict } from '../../src/engine/model';
import { App } from '../../src/taskpane/App';
import { COMBINATION } from '../../src/engine/analyze';
import { defaultPolicy, FakeReporter, fixedVerdict, loaded, message, staticSource } from './helpers';

const t = (en: string, ja: string) => ({ en, ja });

const DANGEROUS: Verdict = {
  verdict: 'dangerous',
  score: 95,
  notChecked: [],
  findings: [
    {
      rule: 'lookalike-domain',
      severity: 'high',
      category: 'sender',
      title: t('Look-alike sender domain', '似せた送信元ドメイン'),
      explanation: t('The domain imitates a known one.', '既知のドメインを模倣しています。'),
      technique: 'T1656',
      evidence: [
        {
          kind: 'lookalike',
          field: 'from.address',
          domain: 'mіcrosoft.com',
          resembles: 'microsoft.com',
          technique: 'homoglyph',
          differences: [{ char: 'і', codePoint: 'U+0456', description: 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I', index: 1 }],
        },
      ],
    },
    {
      rule: 'link-text-mismatch',
      severity: 'medium',
      category: 'links',
      title: t('Link goes somewhere else', 'リンク先が表示と異なる'),
      explanation: t('The text shows one site, the link opens another.', '表示と実際のリンク先が異なります。'),
      evidence: [{ kind: 'link', text: 'https://www.mofa.go.jp', href: 'https://evil.example/x', host: 'evil.example', shownHost: 'www.mofa.go.jp', reason: { en: 'shown host differs', ja: '表示と実際のホストが異なります。' } }],
    },
    {
      rule: 'lure-wording',
      severity: 'low',
      category: 'wording',
      title: t('Lure wording', '誘い文句'),
      explanation: t('Typical lure topic.', '典型的な誘いの話題です。'),
      evidence: [{ kind: 'phrase', field: 'body', phrase: 'sanctions', category: 'geopolitics', context: 'new sanctions briefing attached' }],
    },
    {
      rule: 'authentication-failure',
      severity: 'high',
      category: 'authentication',
      title: t('Sender authentication failed', '送信元認証の失敗'),
      explanation: t('DMARC failed.', 'DMARC が失敗しました。'),
      evidence: [
        { kind: 'authentication', method: 'dmarc', result: 'fail', domain: 'microsoft.com' },
        { kind: 'header', name: 'Reply-To', value: 'x@evil.example', meaning: { en: 'Replies go elsewhere', ja: '返信は別の宛先に送られます。' } },
      ],
    },
    {
      rule: 'risky-attachment',
      severity: 'high',
      category: 'attachments',
      title: t('Risky attachment', '危険な添付ファイル'),
      explanation: t('Program disguised as a document.', '文書に見せかけたプログラムです。'),
      evidence: [
        { kind: 'attachment', name: 'invoice.pdf.exe', contentType: 'application/octet-stream', reason: { en: 'double extension', ja: '二重拡張子です。' } },
        { kind: 'note', text: { en: 'Seen in recent campaigns', ja: '最近の攻撃で見られています。' } },
        { kind: 'address-mismatch', field: 'from.name', shown: 'ceo@example.co.jp', actual: 'desk@example.net' },
        { kind: 'impersonation', field: 'from.name', value: 'Taro Yamada', claimed: 'Taro Yamada', expected: ['taro@example.co.jp'], actual: 'desk@example.net', similarity: 0.93 },
        { kind: 'characters', field: 'subject', value: 'abc\u200Bdef', characters: [{ char: '\u200B', codePoint: 'U+200B', description: 'ZERO WIDTH SPACE', index: 3 }] },
      ],
    },
  ],
};

const SUSPICIOUS: Verdict = { verdict: 'suspicious', score: 35, notChecked: [], findings: [DANGEROUS.findings[1]] };
const CLEAN: Verdict = { verdict: 'clean', score: 0, notChecked: [], findings: [] };

function renderPane(verdict: Verdict, language: 'en' | 'ja' = 'en') {
  return render(
    <App
      source={staticSource(loaded(message()))}
      loadPolicy={defaultPolicy}
      createReporter={() => new FakeReporter(new Error('unused'))}
      language={language}
      theme="light"
      analyzeMessage={fixedVerdict(verdict)}
    />,
  );
}

describe('verdict banner and findings', () => {
  it.each([
    ['clean', CLEAN, 'No warning signs found', '危険な兆候は見つかりませんでした'],
    ['suspicious', SUSPICIOUS, 'Suspicious message', '不審なメッセージ'],
    ['dangerous', DANGEROUS, 'Dangerous message', '危険なメッセージ'],
  ] as const)('%s: banner with score, icon and text in English and Japanese', async (level, verdict, english, japanese) => {
    const { unmount } = renderPane(verdict, 'en');
    const banner = (await screen.findByText(english)).closest('[role="status"]') as HTMLElement;
    expect(banner.getAttribute('aria-live')).toBe('polite');
    expect(banner.getAttribute('data-verdict')).toBe(level);
    expect(within(banner).getByText(`Risk score ${verdict.score} of 100`)).toBeTruthy();
    expect(banner.querySelector('[aria-hidden="true"]')?.textContent).not.toBe('');
    unmount();
    renderPane(verdict, 'ja');
    expect(await screen.findByText(japanese)).toBeTruthy();
    expect(screen.getByText(`リスクスコア ${verdict.score} / 100`)).toBeTruthy();
  });

  it('groups findings by category under headings and renders every evidence kind', async () => {
    const { container } = renderPane(DANGEROUS);
    await screen.findByText('Dangerous message');
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(expect.arrayContaining(['Sender', 'Authentication', 'Wording', 'Links', 'Attachments']));
    const sender = container.querySelector('[data-category="sender"]') as HTMLElement;
    expect(within(sender).getByText('Look-alike sender domain', { exact: false })).toBeTruthy();
    // Look-alike: the differing letter is highlighted in both domains and named by code point.
    const marks = Array.from(sender.querySelectorAll('mark')).map((m) => m.textContent);
    expect(marks).toEqual(['і', 'i']);
    expect(sender.textContent).toContain('і (U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I)');
    // Link: visible text against the real host.
    const links = container.querySelector('[data-kind="link"]') as HTMLElement;
    expect(links.textContent).toContain('www.mofa.go.jp');
    expect(links.textContent).toContain('evil.example');
    // Phrase highlighted in its context.
    expect(container.querySelector('[data-kind="phrase"] mark')?.textContent).toBe('sanctions');
    expect(container.querySelector('[data-kind="authentication"]')?.textContent).toContain('DMARC');
    expect(container.querySelector('[data-kind="header"]')?.textContent).toContain('Reply-To');
    expect(container.querySelector('[data-kind="attachment"]')?.textContent).toContain('invoice.pdf.exe');
    expect(container.querySelector('[data-kind="note"]')?.textContent).toContain('Seen in recent campaigns');
    expect(container.querySelector('[data-kind="address-mismatch"]')?.textContent).toContain('ceo@example.co.jp');
    expect(container.querySelector('[data-kind="impersonation"]')?.textContent).toContain('Similarity 93%');
    expect(container.querySelector('[data-kind="characters"]')?.textContent).toContain('abc⟨U+200B⟩def');
  });

  it('shows findings in Japanese', async () => {
    renderPane(DANGEROUS, 'ja');
    expect(await screen.findByText('危険なメッセージ')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '添付ファイル' })).toBeTruthy();
    expect(screen.getByText('既知のドメインを模倣しています。')).toBeTruthy();
    expect(screen.getByText('この判定の理由')).toBeTruthy();
  });

  it('explains the score: points per severity, thresholds, wording alone', async () => {
    renderPane(SUSPICIOUS);
    const summary = await screen.findByText('Why this verdict?');
    const details = summary.closest('details') as HTMLElement;
    const { high, medium, low } = COMBINATION.points;
    expect(details.textContent).toContain(`high ${high}, medium ${medium}, low ${low}`);
    expect(details.textContent).toContain('From 30 points a message is suspicious; from 70 it is dangerous.');
    expect(details.textContent).toContain('Wording alone never makes a message suspicious');
  });

  it('has a main landmark with a label and labelled regions', async () => {
    renderPane(DANGEROUS);
    await screen.findByText('Dangerous message');
    expect(screen.getByRole('main', { name: 'Lure Lens message check' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'What Lure Lens found' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Report to security team' })).toBeTruthy();
  });
});
