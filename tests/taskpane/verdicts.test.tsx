/** @jest-environment jsdom */
// What an employee sees: the verdict card first (level, one sentence, Report), at most three reasons
// as plain sentences with the evidence one click away, no analyst detail, and nothing that warns under
// a clean verdict.
import './polyfills';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { COMBINATION } from '../../src/engine/analyze';
import type { Verdict } from '../../src/engine/model';
import { stringsFor } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import { defaultPolicy, FakeReporter, fixedVerdict, loaded, message, openAllReasons, staticSource } from './helpers';

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

const ANALYST_DETAIL = [/T1\d{3}/, /ATT&CK/, /Similarity/i, /from\.(address|name)/, /attachment\.name/, /headers\./, /\blookalike-domain\b/, /\b(High|Medium|Low)\b/, /Risk score/];

function renderPane(verdict: Verdict, language: 'en' | 'ja' = 'en', msg = message()) {
  return render(
    <App
      source={staticSource(loaded(msg))}
      loadPolicy={defaultPolicy}
      createReporter={() => new FakeReporter(new Error('unused'))}
      language={language}
      theme="light"
      analyzeMessage={fixedVerdict(verdict)}
    />,
  );
}

describe('the verdict card', () => {
  it.each([
    ['clean', CLEAN, 'No warning signs found', '危険な兆候は見つかりませんでした', 'Report anyway', 'それでも報告する'],
    ['suspicious', SUSPICIOUS, 'Suspicious message', '不審なメッセージ', 'Report', '報告する'],
    ['dangerous', DANGEROUS, 'Dangerous message', '危険なメッセージ', 'Report', '報告する'],
  ] as const)('%s: level, one sentence and the action come first, in English and Japanese', async (level, verdict, english, japanese, action, actionJa) => {
    for (const [language, title, button] of [['en', english, action], ['ja', japanese, actionJa]] as const) {
      const { container, unmount } = renderPane(verdict, language);
      const heading = await screen.findByRole('heading', { level: 1, name: title });
      const card = heading.closest('[data-verdict]') as HTMLElement;
      expect(card.getAttribute('data-verdict')).toBe(level);
      // The card is the first thing in the pane, and its action is in it.
      const main = container.querySelector('main') as HTMLElement;
      expect([...main.children].find((child) => !child.matches('[data-testid="announcer"]'))).toBe(card);
      expect(within(card).getByRole('button', { name: button })).toBeTruthy();
      expect(card.textContent).toContain(stringsFor(language).verdictSentence[level]);
      unmount();
    }
  });

  it('announces each new verdict once, in a polite live region outside the card', async () => {
    const source = staticSource(loaded(message()));
    render(<App source={source} loadPolicy={defaultPolicy} createReporter={() => new FakeReporter(new Error('unused'))} language="en" theme="light" analyzeMessage={fixedVerdict(DANGEROUS)} />);
    await screen.findByText('Dangerous message');
    const announcer = screen.getByTestId('announcer');
    expect(announcer.getAttribute('role')).toBe('status');
    expect(announcer.textContent).toBe('Dangerous message. Do not open its links or attachments, and do not reply: report it.');
    expect(screen.getByTestId('verdict-card').getAttribute('aria-live')).toBeNull();
  });

  it('keeps the subject on the card as text, made visible', async () => {
    renderPane(DANGEROUS, 'en', message({ subject: 'Invoice \u202Efdp.exe' }));
    expect((await screen.findByTestId('verdict-card')).textContent).toContain('Invoice ⟨U+202E⟩fdp.exe');
  });
});

describe('reasons', () => {
  it('shows at most three reasons as sentences, the rest one click further', async () => {
    const { container } = renderPane(DANGEROUS);
    const list = await screen.findByRole('region', { name: 'Why' });
    const shown = [...list.querySelectorAll(':scope > ul > li > details > summary')].map((summary) => summary.textContent);
    // The sender (look-alike domain with DMARC), the attachment, the link; the wording is one click further.
    expect(shown).toEqual(['Look-alike sender domain', 'Risky attachment', 'Link goes somewhere else']);
    expect(screen.getByText('1 more sign')).toBeTruthy();
    // Nothing of the evidence is on screen until a reason is opened.
    expect(container.querySelector('[data-kind]')).toBeNull();
    await openAllReasons(container);
    expect(container.querySelectorAll('[data-testid="reason-details"]')).toHaveLength(4);
  });

  it('merges the sender findings about one address into one reason', async () => {
    const { container } = renderPane(DANGEROUS);
    await openAllReasons(container);
    const sender = container.querySelector('[data-reason="sender"]') as HTMLElement;
    expect(sender.getAttribute('data-rule')).toBe('lookalike-domain authentication-failure');
    expect(sender.textContent).toContain('DMARC');
    expect(sender.textContent).toContain('Also about this:');
    expect(sender.textContent).toContain('Sender authentication failed');
  });

  it('compares the look-alike with the real domain, one above the other, the differing letter marked', async () => {
    const { container } = renderPane(DANGEROUS);
    await openAllReasons(container);
    const compare = container.querySelector('[data-reason="sender"] [data-testid="address-compare"]') as HTMLElement;
    expect(compare.querySelector('[data-role="claimed"]')?.textContent).toBe('microsoft.com');
    expect(compare.querySelector('[data-role="actual"]')?.textContent).toBe('mіcrosoft.com');
    expect([...compare.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['i', 'і']);
    expect(compare.textContent).toContain('Marked: the characters that differ.');
    expect(container.textContent).toContain('і cyrillic small letter byelorussian-ukrainian i (U+0456)');
  });

  it('renders the evidence kinds in plain words, with no analyst detail anywhere', async () => {
    const { container } = renderPane(DANGEROUS);
    await openAllReasons(container);
    const text = container.textContent ?? '';
    const link = container.querySelector('[data-kind="link"]') as HTMLElement;
    expect(link.textContent).toContain('www.mofa.go.jp');
    expect(link.textContent).toContain('Really goes to');
    expect(link.textContent).toContain('evil.example');
    expect(container.querySelector('[data-kind="attachment"]')?.textContent).toContain('invoice.pdf.exe');
    expect(container.querySelector('[data-kind="note"]')?.textContent).toContain('Seen in recent campaigns');
    expect(container.querySelector('[data-kind="characters"]')?.textContent).toContain('abc⟨U+200B⟩def');
    expect(container.querySelector('[data-kind="header"]')?.textContent).toContain('Reply-To');
    for (const pattern of ANALYST_DETAIL) expect([pattern, pattern.test(text)]).toEqual([pattern, false]);
  });

  it('says the reasons in Japanese', async () => {
    const { container } = renderPane(DANGEROUS, 'ja');
    expect(await screen.findByRole('region', { name: '理由' })).toBeTruthy();
    await openAllReasons(container);
    expect(container.textContent).toContain('似せた送信元ドメイン');
    expect(container.textContent).toContain('既知のドメインを模倣しています。');
    expect(container.textContent).toContain('異なる文字に印を付けています。');
    expect(screen.getByText('Lure Lens の判定方法')).toBeTruthy();
  });
});

describe('clean means clean', () => {
  const linkFinding = DANGEROUS.findings[1];
  const wording = DANGEROUS.findings[2];
  const CLEAN_WITH_NOTES: Verdict = { verdict: 'clean', score: 25, notChecked: [], findings: [{ ...linkFinding, severity: 'medium', explanation: { en: 'Do not open it.', ja: '開かないでください。' } }, { ...wording, severity: 'medium' }] };

  it('shows what it noticed as neutral information: no warning colour, no severity, no advice to avoid it', async () => {
    const { container } = renderPane(CLEAN_WITH_NOTES);
    const region = await screen.findByRole('region', { name: 'What Lure Lens noticed' });
    expect(region.textContent).toContain('None of this is a warning sign on its own.');
    // The link is said as a fact, not under the rule's title ("Link goes somewhere else").
    expect(region.textContent).toContain('It links to evil.example.');
    expect(region.textContent).not.toContain('Link goes somewhere else');
    expect(container.querySelector('.ll-reason-warning, .ll-reason-danger, .ll-card-suspicious, .ll-card-dangerous')).toBeNull();
    expect(container.querySelectorAll('.ll-reason-neutral')).toHaveLength(2);
    await openAllReasons(container);
    const text = container.textContent ?? '';
    expect(text).not.toContain('Do not open it');
    expect(text).not.toContain('shown host differs');
    expect(container.querySelector('.ll-mark-alert')).toBeNull();
    for (const pattern of ANALYST_DETAIL) expect([pattern, pattern.test(text)]).toEqual([pattern, false]);
  });

  it('words lure topics as topics the message mentions', async () => {
    renderPane(CLEAN_WITH_NOTES);
    expect(await screen.findByText('It mentions international affairs and security, as newsletters and colleagues often do.')).toBeTruthy();
  });

  it('shows no reasons section at all when nothing was noticed', async () => {
    renderPane(CLEAN);
    await screen.findByText('No warning signs found');
    expect(screen.queryByTestId('reasons')).toBeNull();
  });
});

describe('quotes the message as written', () => {
  it('highlights the phrase in the original subject, case and width kept', async () => {
    const subject = 'ＵＲＧＥＮＴ: New SANCTIONS briefing';
    const normalized = 'urgent: new sanctions briefing';
    const start = normalized.indexOf('sanctions');
    const verdict: Verdict = {
      ...SUSPICIOUS,
      findings: [{ ...DANGEROUS.findings[2], evidence: [{ kind: 'phrase', field: 'subject', phrase: 'sanctions', category: 'geopolitics', context: normalized, at: { start, end: start + 9 } }] }],
    };
    const { container } = renderPane(verdict, 'en', message({ subject }));
    await openAllReasons(container);
    const quote = container.querySelector('[data-testid="quote"]') as HTMLElement;
    expect(quote.textContent).toContain('ＵＲＧＥＮＴ: New SANCTIONS briefing');
    expect(quote.querySelector('mark')?.textContent).toBe('SANCTIONS');
    expect(quote.textContent).toContain('Subject');
  });

  it('falls back to the engine’s context, saying so, when the phrase cannot be placed', async () => {
    const verdict: Verdict = { ...SUSPICIOUS, findings: [DANGEROUS.findings[2]] };
    const { container } = renderPane(verdict, 'en', message({ text: 'nothing matching here' }));
    await openAllReasons(container);
    const quote = container.querySelector('[data-testid="quote"]') as HTMLElement;
    expect(quote.textContent).toContain('As Lure Lens read it (lower case):');
    expect(quote.querySelector('mark')?.textContent).toBe('sanctions');
  });
});

describe('how Lure Lens decides', () => {
  it('explains the score, points per sign, thresholds and wording alone, behind one click', async () => {
    renderPane(SUSPICIOUS);
    const summary = await screen.findByText('How Lure Lens decides');
    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain('This message scored 35 of 100.');
    const { high, medium, low } = COMBINATION.points;
    expect(details.textContent).toContain(`strong ${high}, clear ${medium}, weak ${low}`);
    expect(details.textContent).toContain('From 30 points a message is suspicious; from 70 it is dangerous.');
    expect(details.textContent).toContain('Wording alone never makes a message suspicious');
  });

  it('has a main landmark with a label and labelled regions', async () => {
    renderPane(DANGEROUS);
    await screen.findByText('Dangerous message');
    expect(screen.getByRole('main', { name: 'Lure Lens message check' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Dangerous message' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Why' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('region', { name: 'My reports' })).toBeTruthy());
    fireEvent.click(screen.getByText('1 more sign'));
    expect(screen.getByText('Lure wording')).toBeTruthy();
  });
});
