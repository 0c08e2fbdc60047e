// The pane's buttons, drawn the way Fluent UI's Button draws its primary, secondary and subtle
// appearances in small, medium and large (same tokens, paddings and type ramp), keyed by appearance and
// size. Hover, press, keyboard focus, disabled and Windows high-contrast states are covered here too.
import { styleSheet, token } from './stylesheet';

export type ButtonAppearance = 'primary' | 'secondary' | 'subtle';
export type ButtonSize = 'small' | 'medium' | 'large';

export const paneButtonClasses = {
  root: 'll-button',
  appearance: { primary: 'll-button-primary', secondary: 'll-button-secondary', subtle: 'll-button-subtle' } satisfies Record<ButtonAppearance, string>,
  size: { small: 'll-button-small', medium: 'll-button-medium', large: 'll-button-large' } satisfies Record<ButtonSize, string>,
} as const;

export const paneButtonStyles = styleSheet(
  'button',
  `
.ll-button { display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box; vertical-align: middle; margin: 0; max-width: 100%; overflow: hidden;
  font-family: ${token('fontFamilyBase')}; font-weight: ${token('fontWeightSemibold')}; border: ${token('strokeWidthThin')} solid; border-radius: ${token('borderRadiusMedium')}; cursor: pointer;
  transition-property: background, border, color; transition-duration: ${token('durationFaster')}; transition-timing-function: ${token('curveEasyEase')}; }
.ll-button-small { min-width: 64px; padding: 3px ${token('spacingHorizontalS')}; font-size: ${token('fontSizeBase200')}; line-height: ${token('lineHeightBase200')}; font-weight: ${token('fontWeightRegular')}; }
.ll-button-medium { min-width: 96px; padding: 5px ${token('spacingHorizontalM')}; font-size: ${token('fontSizeBase300')}; line-height: ${token('lineHeightBase300')}; }
.ll-button-large { min-width: 96px; padding: 8px ${token('spacingHorizontalL')}; font-size: ${token('fontSizeBase400')}; line-height: ${token('lineHeightBase400')}; }
.ll-button-secondary { background-color: ${token('colorNeutralBackground1')}; color: ${token('colorNeutralForeground1')}; border-color: ${token('colorNeutralStroke1')}; }
.ll-button-secondary:hover { background-color: ${token('colorNeutralBackground1Hover')}; color: ${token('colorNeutralForeground1Hover')}; border-color: ${token('colorNeutralStroke1Hover')}; }
.ll-button-secondary:hover:active { background-color: ${token('colorNeutralBackground1Pressed')}; color: ${token('colorNeutralForeground1Pressed')}; border-color: ${token('colorNeutralStroke1Pressed')}; }
.ll-button-primary { background-color: ${token('colorBrandBackground')}; color: ${token('colorNeutralForegroundOnBrand')}; border-color: transparent; }
.ll-button-primary:hover { background-color: ${token('colorBrandBackgroundHover')}; }
.ll-button-primary:hover:active { background-color: ${token('colorBrandBackgroundPressed')}; }
.ll-button-subtle { background-color: ${token('colorSubtleBackground')}; color: ${token('colorNeutralForeground2')}; border-color: transparent; }
.ll-button-subtle:hover { background-color: ${token('colorSubtleBackgroundHover')}; color: ${token('colorNeutralForeground2Hover')}; }
.ll-button-subtle:hover:active { background-color: ${token('colorSubtleBackgroundPressed')}; color: ${token('colorNeutralForeground2Pressed')}; }
.ll-button:focus-visible { outline: ${token('strokeWidthThick')} solid ${token('colorStrokeFocus2')}; outline-offset: 1px; }
.ll-button:disabled, .ll-button:disabled:hover { background-color: ${token('colorNeutralBackgroundDisabled')}; color: ${token('colorNeutralForegroundDisabled')}; border-color: ${token('colorNeutralStrokeDisabled')}; cursor: not-allowed; }
.ll-button-subtle:disabled, .ll-button-subtle:disabled:hover { background-color: transparent; border-color: transparent; }
@media (forced-colors: active) {
  .ll-button { border-color: ButtonText; }
  .ll-button-primary { background-color: Highlight; color: HighlightText; forced-color-adjust: none; }
  .ll-button:disabled, .ll-button:disabled:hover { color: GrayText; border-color: GrayText; }
  .ll-button:focus-visible { outline-color: Highlight; }
}
`,
);
