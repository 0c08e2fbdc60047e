// Outlook's theme -> the pane's Fluent theme.

/** Outlook's theme colours -> the pane's; dark when the body background is dark. */
export function themeFor(officeTheme: { bodyBackgroundColor?: string } | undefined): 'light' | 'dark' {
  const match = /^#?([0-9a-f]{6})$/i.exec(officeTheme?.bodyBackgroundColor ?? '');
  if (!match) return 'light';
  const value = parseInt(match[1], 16);
  const luminance = 0.2126 * ((value >> 16) & 255) + 0.7152 * ((value >> 8) & 255) + 0.0722 * (value & 255);
  return luminance < 128 ? 'dark' : 'light';
}
