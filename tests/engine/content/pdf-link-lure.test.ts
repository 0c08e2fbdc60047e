import { pdfLinkLure } from '../../../src/engine/rules/pdf-link-lure';
import { pdfWithLinks } from '../../fixtures/content/builders';
import { contentPolicy } from './policy';
import { attachment, from, mail, reasons, runRule } from './message';

const policy = contentPolicy();
const pdf = (urls: string[], name = 'Wallet.Transfer.0.3120.BTC.pdf') => attachment(name, { contentType: 'application/pdf', content: pdfWithLinks(urls) });
const coverNote = 'Your account already has 18,365$. Withdraw it within 24 hours, details in the attached file.';
const letter = 'Dear Professor Sato, '.concat('thank you for the discussion last week about the workshop programme and the speakers we invited. '.repeat(8));
const check = (urls: string[], extra: Parameters<typeof mail>[0] = {}) =>
  runRule(pdfLinkLure, mail({ ...from('rasezvah@gmail.com', 'Kristle'), text: coverNote, attachments: [pdf(urls)], ...extra }), policy);

describe('pdf-link-lure', () => {
  test('a cover note and a PDF whose button leads to an unrelated site', () => {
    const hit = check(['https://payoutdesk.transfer-example.com/?tewqKLMnbzpa']);
    expect(hit?.severity ?? pdfLinkLure.severity).toBe('medium');
    expect(hit?.evidence[0]).toMatchObject({ kind: 'link', text: '(link in Wallet.Transfer.0.3120.BTC.pdf)', attachment: 'Wallet.Transfer.0.3120.BTC.pdf', host: 'payoutdesk.transfer-example.com' });
    expect(reasons(hit)).toEqual(['the attached PDF "Wallet.Transfer.0.3120.BTC.pdf" links to transfer-example.com, which has nothing to do with the sender']);
  });

  test('a shortener or a free storage page behind the button counts the same way', () => {
    expect(check(['https://bit.ly/3v0Vpm2'])).toBeDefined();
    expect(check(['https://anexopdf.z15.web.core.windows.net/?ojzq40k', 'https://anexopdf.z15.web.core.windows.net/?ojzq40k'])).toBeDefined();
  });

  test.each([
    ['a document linking to many sites (references)', ['https://doi.example.org/10.1/x', 'https://journal-a.example.com/', 'https://journal-b.example.net/', 'https://lab.example.ac.uk/']],
    ['an invoice linking to the sender\'s own shop', ['https://shop.outside-example.com/orders/1234']],
    ['a CV linking to a known organisation', ['https://www.paypal.com/']],
    ['links to our own and trusted domains', ['https://www.example-institute.jp/', 'https://www.partner-university.ac.jp/']],
  ])('stays quiet for %s', (_case, urls) => {
    expect(runRule(pdfLinkLure, mail({ ...from('billing@outside-example.com'), text: coverNote, attachments: [pdf(urls)] }), policy)).toBeUndefined();
  });

  test('stays quiet for a real letter with a PDF attached', () => {
    expect(check(['https://workshop-2026.example.com/programme'], { text: letter })).toBeUndefined();
  });

  test('stays quiet for colleagues and trusted partners', () => {
    expect(check(['https://workshop-2026.example.com/programme'], from('colleague@example-institute.jp'))).toBeUndefined();
    expect(check(['https://workshop-2026.example.com/programme'], from('prof@mail.partner-university.ac.jp'))).toBeUndefined();
  });

  test('stays quiet without a PDF or without its content', () => {
    expect(check([], { attachments: [attachment('notes.txt', { contentType: 'text/plain', content: new TextEncoder().encode('https://x.example.com/') })] })).toBeUndefined();
    expect(check([], { attachments: [attachment('Transfer.pdf', { contentType: 'application/pdf' })] })).toBeUndefined();
  });
});
