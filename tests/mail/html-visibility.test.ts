// The reader's text is what is drawn: hidden elements are kept apart, as CSS decides visibility.
import fc from 'fast-check';
import { htmlToText, readHtml } from '../../src/mail/html';

describe('readHtml: what the reader sees and what is hidden', () => {
  it.each([
    ['display:none', '<div style="display:none">secret words</div>'],
    ['visibility:hidden', '<span style="visibility: hidden">secret words</span>'],
    ['a zero font size', '<p style="font-size:0px">secret words</p>'],
    ['opacity 0', '<div style="opacity:0">secret words</div>'],
    ['Outlook’s mso-hide', '<table style="mso-hide:all"><tr><td>secret words</td></tr></table>'],
    ['the hidden attribute', '<section hidden>secret words</section>'],
    ['white text on the white page', '<font color="#ffffff">secret words</font>'],
    ['text coloured like its own background', '<td style="background-color:#123456;color:#123456">secret words</td>'],
    ['a zero-height box that clips', '<div style="max-height:0;overflow:hidden">secret words</div>'],
    ['a transparent colour', '<span style="color:rgba(0,0,0,0)">secret words</span>'],
  ])('keeps text hidden by %s out of the reader’s text', (_case, hidden) => {
    const reading = readHtml(`<p>Please pay the invoice.</p>${hidden}<p>Thanks</p>`);
    expect(reading.text).toBe('Please pay the invoice.\n\nThanks');
    expect(reading.hidden).toBe('secret words');
    expect(reading.hiddenRuns).toBe(1);
  });

  it.each([
    ['a child that sets the font size back (layout generators do this on every cell)', '<td style="font-size:0px"><div style="font-size:16px">Withdrawal request</div></td>'],
    ['white text on a dark background of an enclosing cell', '<td bgcolor="#003366"><span style="color:#fff">Withdrawal request</span></td>'],
    ['white text on a background image', '<td style="background:url(x.png) no-repeat"><font color="white">Withdrawal request</font></td>'],
    ['a child that sets visibility back', '<div style="visibility:hidden"><span style="visibility:visible">Withdrawal request</span></div>'],
  ])('shows %s', (_case, html) => {
    expect(readHtml(html)).toMatchObject({ text: 'Withdrawal request', hidden: '', hiddenRuns: 0 });
  });

  it('never shows what display:none removed, whatever the descendants say', () => {
    expect(readHtml('<div style="display:none"><p style="display:block;font-size:14px">gone</p></div>visible').text).toBe('visible');
  });

  it('counts images, but not 1×1 tracking pixels or hidden ones', () => {
    const html = '<img src="a.png"><img src="t.gif" width="1" height="1"><div style="display:none"><img src="b.png"></div><img src="c.png" style="display:none">';
    expect(readHtml(html).images).toBe(1);
  });

  it('counts image buttons as images, but not other form fields', () => {
    const html = '<a href="https://x.example/c"><input type="image" src="https://img.example/banner.png"></a><input type=IMAGE src="b.png"><input type="text" name="q"><input type="submit">';
    expect(readHtml(html).images).toBe(2);
  });

  it('closes unclosed hidden elements at the end tag of their parent', () => {
    expect(readHtml('<div><span style="display:none">salt</div><p>shown</p>')).toMatchObject({ text: 'shown', hidden: 'salt' });
  });

  it('keeps htmlToText’s contract for visible text', () => {
    expect(htmlToText('<div>Pay<b>Pal</b> account</div><p>line one<br>line two</p>')).toBe('PayPal account\n\nline one\nline two');
  });

  it('never throws on arbitrary markup, however deep the nesting', () => {
    const piece = fc.constantFrom('<div style="display:none">', '</div>', '<span style="font-size:0">', '</span>', '<font color=white>', 'text ', '<td bgcolor=#000>', '</td>', '<img src=x>', '<p hidden>', '<style>', '</style>');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        const reading = readHtml(pieces.join(''));
        expect(typeof reading.text).toBe('string');
        expect(reading.hidden.length).toBeLessThanOrEqual(20_000);
      }),
      { numRuns: 300 },
    );
    expect(readHtml('<div style="font-size:0"><span style="color:#fff">'.repeat(50_000) + 'x' + '</span></div>'.repeat(50_000)).hidden).toContain('x');
    expect(readHtml('<b>'.repeat(100_000) + '</i>'.repeat(100_000)).text.trim()).toBe('');
  });
});
