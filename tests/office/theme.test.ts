// The pane follows Outlook's theme live where Outlook reports changes (Mailbox 1.14's
// OfficeThemeChanged), stays on its first theme where it does not, and never throws.
import { PreviewMailbox, PREVIEW_OFFICE_THEMES } from '../../src/preview/fake-mailbox';
import { installPreviewOffice, removePreviewOffice } from '../../src/preview/office-global';
import { OFFICE_THEME_CHANGED, officeThemeHost, officeThemeSource, themeFor, type ThemeHost } from '../../src/office/theme';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function fakeHost(options: { supported?: boolean; theme?: { bodyBackgroundColor?: string }; throws?: boolean } = {}) {
  const handlers: ((event?: unknown) => void)[] = [];
  let theme = options.theme;
  const host: ThemeHost & { fire(next: { bodyBackgroundColor: string }): void; handlers: typeof handlers; removed: number } = {
    handlers,
    removed: 0,
    officeTheme: () => {
      if (options.throws) throw new Error('officeTheme is not supported');
      return theme;
    },
    isSetSupported: (name, version) => options.supported !== false && name === 'Mailbox' && version === '1.14',
    mailbox: {
      addHandlerAsync: (eventType, handler, callback) => {
        expect(eventType).toBe(OFFICE_THEME_CHANGED);
        handlers.push(handler);
        callback?.({ status: 'succeeded' });
      },
      removeHandlerAsync: () => {
        host.removed++;
        handlers.length = 0;
      },
    },
    fire(next) {
      theme = next;
      for (const handler of handlers) handler({ type: OFFICE_THEME_CHANGED, officeTheme: next });
    },
  };
  return host;
}

describe('themeFor', () => {
  it.each([
    ['#1f1f1f', 'dark'],
    ['#292929', 'dark'],
    ['#FFFFFF', 'light'],
    ['#f3f2f1', 'light'],
    ['not a colour', 'light'],
  ])('reads %s as %s', (colour, theme) => {
    expect(themeFor({ bodyBackgroundColor: colour })).toBe(theme);
  });

  it('is light when Office gives no theme', () => {
    expect(themeFor(undefined)).toBe('light');
  });
});

describe('officeThemeSource', () => {
  it('starts from Office’s theme and follows OfficeThemeChanged both ways', () => {
    const host = fakeHost({ theme: { bodyBackgroundColor: '#FFFFFF' } });
    const source = officeThemeSource(host);
    const seen: string[] = [];
    const stop = source.subscribe((theme) => seen.push(theme));
    expect(source.current()).toBe('light');
    host.fire({ bodyBackgroundColor: '#292929' });
    host.fire({ bodyBackgroundColor: '#1f1f1f' });
    host.fire({ bodyBackgroundColor: '#FFFFFF' });
    expect(seen).toEqual(['dark', 'light']);
    stop();
    expect(host.removed).toBe(1);
  });

  it('registers one handler however many listeners, and removes it after the last one leaves', () => {
    const host = fakeHost();
    const source = officeThemeSource(host);
    const first = source.subscribe(() => undefined);
    const second = source.subscribe(() => undefined);
    expect(host.handlers).toHaveLength(1);
    first();
    expect(host.removed).toBe(0);
    second();
    expect(host.removed).toBe(1);
  });

  it('does not ask for the event where Mailbox 1.14 is missing, and keeps the theme it has', () => {
    const host = fakeHost({ supported: false, theme: { bodyBackgroundColor: '#1f1f1f' } });
    const source = officeThemeSource(host);
    source.subscribe(() => undefined);
    expect(host.handlers).toHaveLength(0);
    expect(source.current()).toBe('dark');
  });

  it('is light, and quiet, when reading the theme throws', () => {
    const source = officeThemeSource(fakeHost({ throws: true }));
    expect(source.current()).toBe('light');
    expect(() => source.subscribe(() => undefined)()).not.toThrow();
  });
});

describe('through the preview’s Office', () => {
  afterEach(() => removePreviewOffice());

  it('switches with the preview mailbox, asynchronously, as Outlook fires the event', async () => {
    const mailbox = new PreviewMailbox({ userAddress: 'me@example.or.jp' });
    const office = installPreviewOffice(mailbox, 'en-US');
    const source = officeThemeSource(officeThemeHost(office));
    const seen: string[] = [];
    source.subscribe((theme) => seen.push(theme));
    mailbox.setOfficeTheme(PREVIEW_OFFICE_THEMES.dark);
    expect(seen).toEqual([]);
    await tick();
    expect(seen).toEqual(['dark']);
    expect(office.context.officeTheme).toBe(PREVIEW_OFFICE_THEMES.dark);
  });
});
