// The sections below the reasons (not checked, how Lure Lens decides, My reports): quieter type, one
// caution box for what could not be checked.
import { styleSheet, token } from './stylesheet';

export const paneSectionClasses = {
  section: 'll-section',
  heading: 'll-section-heading',
  caution: 'll-caution',
  muted: 'll-muted',
  list: 'll-section-list',
} as const;

export const paneSectionStyles = styleSheet(
  'pane-sections',
  `
.ll-section { margin: 0 0 16px; }
.ll-section-heading { margin: 0 0 6px; font-size: ${token('fontSizeBase400')}; line-height: ${token('lineHeightBase400')}; font-weight: ${token('fontWeightSemibold')}; }
.ll-section > details > summary { cursor: pointer; font-size: ${token('fontSizeBase400')}; font-weight: ${token('fontWeightSemibold')}; }
.ll-caution { padding: 8px; margin: 0 0 8px; border-radius: ${token('borderRadiusMedium')}; background-color: ${token('colorStatusWarningBackground1')}; border: ${token('strokeWidthThin')} solid ${token('colorStatusWarningBorder1')}; }
.ll-muted { color: ${token('colorNeutralForeground2')}; }
.ll-section-list { margin: 0 0 8px; padding-left: 18px; }
.ll-section-list li { margin-bottom: 6px; }
`,
);
