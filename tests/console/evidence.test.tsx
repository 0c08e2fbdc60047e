/** @jest-environment jsdom */
// Evidence as the service stored it: reports analysed before the engine localized its sentences carry
// plain strings, newer ones { en, ja }. The console shows either, localized ones in its own language.
import { render } from '@testing-library/react';
import { EvidenceList, type StoredEvidence } from '../../src/console/Evidence';
import { en, ja } from '../../src/console/strings';

const OLD: StoredEvidence[] = [
  { kind: 'link', text: 'Open', href: 'https://evil.example/x', host: 'evil.example', reason: 'URL shortener hides the destination' },
  { kind: 'attachment', name: 'a.zip', contentType: 'application/zip', reason: 'zip archive with a password given in the message' },
  { kind: 'header', name: 'To', value: '(none)', meaning: 'No recipient is visible: the message was sent by Bcc / 宛先が表示されていません（Bccで送信されています）' },
  { kind: 'note', text: 'Sender: Uses the name of someone you know (protected-person-impersonation)' },
];

const NEW: StoredEvidence[] = [
  { kind: 'link', text: 'Open', href: 'https://evil.example/x', host: 'evil.example', reason: { en: 'URL shortener hides the destination', ja: '短縮URLのため、実際のリンク先が分かりません。' } },
  { kind: 'attachment', name: 'a.zip', contentType: 'application/zip', reason: { en: 'zip archive with a password given in the message', ja: 'パスワードが本文に書かれたZIP形式の圧縮ファイルです。' } },
  { kind: 'header', name: 'To', value: '(none)', meaning: { en: 'No recipient is visible: the message was sent by Bcc', ja: '宛先が表示されていません（Bccで送信されています）。' } },
  { kind: 'note', text: { en: 'Sent from a free webmail account (gmail.com)', ja: '無料のWebメール（gmail.com）から送信されています。' } },
];

function shown(evidence: StoredEvidence[], language: 'en' | 'ja'): Record<string, string> {
  const { container, unmount } = render(<EvidenceList evidence={evidence} t={language === 'ja' ? ja : en} language={language} />);
  const byKind = Object.fromEntries(Array.from(container.querySelectorAll('dl')).map((dl) => [dl.getAttribute('data-kind') ?? '', dl.textContent ?? '']));
  unmount();
  return byKind;
}

describe('console evidence text', () => {
  test('old reports: plain strings are shown as stored, in either language', () => {
    for (const language of ['en', 'ja'] as const) {
      const byKind = shown(OLD, language);
      expect(byKind.link).toContain('URL shortener hides the destination');
      expect(byKind.attachment).toContain('zip archive with a password given in the message');
      expect(byKind.header).toContain('No recipient is visible: the message was sent by Bcc / 宛先が表示されていません');
      expect(byKind.note).toContain('Sender: Uses the name of someone you know');
    }
  });

  test('new reports: localized sentences follow the console language', () => {
    const japanese = shown(NEW, 'ja');
    expect(japanese.link).toContain('短縮URLのため、実際のリンク先が分かりません。');
    expect(japanese.attachment).toContain('パスワードが本文に書かれたZIP形式の圧縮ファイルです。');
    expect(japanese.header).toContain('宛先が表示されていません（Bccで送信されています）。');
    expect(japanese.note).toContain('無料のWebメール（gmail.com）から送信されています。');
    expect(Object.values(japanese).join('\n')).not.toMatch(/URL shortener|password given|No recipient|free webmail|\[object Object\]/);

    const english = shown(NEW, 'en');
    expect(english.link).toContain('URL shortener hides the destination');
    expect(english.attachment).toContain('zip archive with a password given in the message');
    expect(english.header).toContain('No recipient is visible: the message was sent by Bcc');
    expect(english.note).toContain('Sent from a free webmail account (gmail.com)');
    expect(Object.values(english).join('\n')).not.toMatch(/[ぁ-んァ-ン]/);
  });

  test('a localized value with only English falls back to it', () => {
    const byKind = shown([{ kind: 'note', text: { en: 'Only English', ja: '' } }], 'ja');
    expect(byKind.note).toContain('Only English');
  });
});
