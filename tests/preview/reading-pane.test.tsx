/** @jest-environment jsdom */
// The reading pane shows an HTML-only message as the text of its HTML. Converting a large HTML body
// takes seconds, so it happens once per message (shared with the fake mailbox's body.getAsync), not
// on every render.
import '../taskpane/polyfills';
import { render } from '@testing-library/react';
import { emptyMessage } from '../../src/mail/eml';
import { htmlToText } from '../../src/mail/links';
import type { MailMessage } from '../../src/engine/model';
import { PreviewItem } from '../../src/preview/fake-mailbox';
import { ReadingPane } from '../../src/preview/ReadingPane';
import { previewEn, previewJa } from '../../src/preview/strings';

jest.mock('../../src/mail/links', () => {
  const actual = jest.requireActual('../../src/mail/links');
  return { ...actual, htmlToText: jest.fn(actual.htmlToText) };
});

const converted = htmlToText as jest.MockedFunction<typeof htmlToText>;

function htmlOnly(marker: string): MailMessage {
  return {
    ...emptyMessage(),
    subject: `Notice ${marker}`,
    from: { name: 'IT Desk', address: 'it@evil.example' },
    html: `<html><body><p>Your mailbox ${marker} is full.</p><script>alert(1)</script></body></html>`,
  };
}

beforeEach(() => converted.mockClear());

test('an HTML-only body is converted once, however often the pane re-renders', () => {
  const message = htmlOnly('alpha');
  const view = render(<ReadingPane message={message} t={previewEn} language="en" loading={false} />);
  const body = () => view.getByTestId('reading-body').textContent ?? '';
  expect(body()).toContain('Your mailbox alpha is full.');
  expect(body()).not.toContain('<script>');
  expect(view.container.querySelector('script')).toBeNull();
  // Language switch, loading flag: new renders, same message.
  view.rerender(<ReadingPane message={message} t={previewJa} language="ja" loading />);
  view.rerender(<ReadingPane message={message} t={previewEn} language="en" loading={false} />);
  expect(body()).toContain('Your mailbox alpha is full.');
  expect(converted).toHaveBeenCalledTimes(1);

  // Another message is converted (once) and shown.
  view.rerender(<ReadingPane message={htmlOnly('beta')} t={previewEn} language="en" loading={false} />);
  expect(body()).toContain('Your mailbox beta is full.');
  expect(converted).toHaveBeenCalledTimes(2);
});

test('the fake mailbox item and the reading pane share one conversion of a message', async () => {
  const message = htmlOnly('gamma');
  const item = new PreviewItem(new TextEncoder().encode('Subject: Notice gamma\r\n\r\n'), message, 'gamma.eml');
  const text = await new Promise<string>((resolve) => item.body.getAsync('text', (result: { value: string }) => resolve(result.value)));
  expect(text).toContain('Your mailbox gamma is full.');
  const view = render(<ReadingPane message={item.message} t={previewEn} language="en" loading={false} />);
  expect(view.getByTestId('reading-body').textContent).toBe(text);
  expect(converted).toHaveBeenCalledTimes(1);
});

test('a text part is shown as it is, without converting the HTML part', () => {
  const message = { ...htmlOnly('delta'), text: 'Plain text part delta' };
  const view = render(<ReadingPane message={message} t={previewEn} language="en" loading={false} />);
  expect(view.getByTestId('reading-body').textContent).toBe('Plain text part delta');
  expect(converted).not.toHaveBeenCalled();
});
