// The pane's theme root: Fluent UI's theme tokens as CSS variables (every style module's token() reads
// them), keyed by theme, and the text and colours FluentProvider's root gives its content (body1 type,
// neutral foreground on the neutral background, left-aligned).
import type { Theme } from '@fluentui/react-components';
import type { ThemeName } from '../../office/theme';
import { styleSheet, token, type StyleSheet } from './stylesheet';

export const paneThemeClasses = {
  root: 'll-theme',
  theme: { light: 'll-theme-light', dark: 'll-theme-dark' } satisfies Record<ThemeName, string>,
} as const;

export const paneThemeStyles = styleSheet(
  'theme',
  `
.ll-theme { color: ${token('colorNeutralForeground1')}; background-color: ${token('colorNeutralBackground1')}; text-align: left; font-family: ${token('fontFamilyBase')}; font-size: ${token('fontSizeBase300')}; font-weight: ${token('fontWeightRegular')}; line-height: ${token('lineHeightBase300')}; }
`,
);

/**
 * A theme's tokens as CSS variables on its class, as FluentProvider writes them (--colorNeutralBackground1:
 * #ffffff); `part` tells apart the sheets of one theme (the first screen's tokens, then the form's).
 */
export function themeTokenStyles(name: ThemeName, theme: Partial<Theme>, part: 'pane' | 'all'): StyleSheet {
  const variables = Object.entries(theme)
    .map(([variable, value]) => `--${variable}: ${value};`)
    .join(' ');
  return styleSheet(`theme-${name}-${part}`, `.${paneThemeClasses.theme[name]} { ${variables} }`);
}
