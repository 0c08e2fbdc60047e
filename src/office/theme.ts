// Outlook's theme for the pane, followed live. Outlook (Mailbox 1.14) tells a task pane its theme
// through Office.context.officeTheme and fires OfficeThemeChanged when the user switches between light
// and dark; older clients offer neither, and the pane stays on the theme it started with (light when
// unknown). Outlook does not support officeTheme.isDarkTheme, so dark is read from the body colour.
// Like read-message.ts, this sees Office only through a narrow interface and never throws.

export type ThemeName = 'light' | 'dark';

/** Office.EventType.OfficeThemeChanged's value, so fakes need no Office global. */
export const OFFICE_THEME_CHANGED = 'officeThemeChanged';
/** The requirement set that brings officeTheme and OfficeThemeChanged to Outlook. */
export const THEME_REQUIREMENT = { name: 'Mailbox', version: '1.14' } as const;

export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
}

/** What this module uses of Office. */
export interface ThemeHost {
  /** Office.context.officeTheme, read when needed (it may be missing or throw on some clients). */
  officeTheme(): OfficeThemeColors | undefined;
  isSetSupported(name: string, version: string): boolean;
  mailbox?: {
    addHandlerAsync?(eventType: string, handler: (event?: unknown) => void, callback?: (result: { status: string }) => void): void;
    removeHandlerAsync?(eventType: string, callback?: (result: { status: string }) => void): void;
  };
}

export interface ThemeSource {
  current(): ThemeName;
  /** Calls the listener with each new theme; returns a function that stops it. */
  subscribe(listener: (theme: ThemeName) => void): () => void;
}

/** Outlook's theme colours -> the pane's: dark when the body background is dark. */
export function themeFor(officeTheme: OfficeThemeColors | undefined): ThemeName {
  const match = /^#?([0-9a-f]{6})$/i.exec(officeTheme?.bodyBackgroundColor ?? '');
  if (!match) return 'light';
  const value = parseInt(match[1], 16);
  const luminance = 0.2126 * ((value >> 16) & 255) + 0.7152 * ((value >> 8) & 255) + 0.0722 * (value & 255);
  return luminance < 128 ? 'dark' : 'light';
}

function read(host: ThemeHost): OfficeThemeColors | undefined {
  try {
    return host.officeTheme();
  } catch {
    return undefined;
  }
}

function supported(host: ThemeHost): boolean {
  try {
    return host.isSetSupported(THEME_REQUIREMENT.name, THEME_REQUIREMENT.version);
  } catch {
    return false;
  }
}

export function officeThemeSource(host: ThemeHost): ThemeSource {
  const listeners = new Set<(theme: ThemeName) => void>();
  let registered = false;
  let last = themeFor(read(host));

  const onChanged = (event?: unknown) => {
    const given = (event as { officeTheme?: OfficeThemeColors } | undefined)?.officeTheme;
    const next = themeFor(given ?? read(host));
    if (next === last) return;
    last = next;
    for (const listener of [...listeners]) listener(next);
  };

  return {
    current() {
      // Until Outlook reports changes to us, the theme is whatever Office says now.
      if (!registered) last = themeFor(read(host));
      return last;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!registered && supported(host) && typeof host.mailbox?.addHandlerAsync === 'function') {
        registered = true;
        try {
          host.mailbox.addHandlerAsync(OFFICE_THEME_CHANGED, onChanged, (result) => {
            if (result?.status === 'failed') registered = false;
          });
        } catch {
          registered = false;
        }
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || !registered) return;
        registered = false;
        try {
          host.mailbox?.removeHandlerAsync?.(OFFICE_THEME_CHANGED);
        } catch {
          // The pane is going away; nothing to tidy.
        }
      };
    },
  };
}

/** The ThemeHost of the real (or the preview's) Office global. */
export function officeThemeHost(office: {
  context: { officeTheme?: OfficeThemeColors; requirements?: { isSetSupported(name: string, version?: string): boolean }; mailbox?: ThemeHost['mailbox'] };
}): ThemeHost {
  return {
    officeTheme: () => office.context.officeTheme,
    isSetSupported: (name, version) => office.context.requirements?.isSetSupported(name, version) ?? false,
    mailbox: office.context.mailbox,
  };
}
