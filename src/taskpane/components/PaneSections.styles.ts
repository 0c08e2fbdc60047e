// The sections below the reasons (not checked, how Lure Lens decides, My reports): quieter type, one
// caution box for what could not be checked.
import { tokens } from '@fluentui/react-components';
import { styleSheet } from './stylesheet';

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
.ll-section-heading { margin: 0 0 6px; font-size: ${tokens.fontSizeBase400}; line-height: ${tokens.lineHeightBase400}; font-weight: ${tokens.fontWeightSemibold}; }
.ll-section > details > summary { cursor: pointer; font-size: ${tokens.fontSizeBase400}; font-weight: ${tokens.fontWeightSemibold}; }
.ll-caution { padding: 8px; margin: 0 0 8px; border-radius: ${tokens.borderRadiusMedium}; background-color: ${tokens.colorStatusWarningBackground1}; border: ${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}; }
.ll-muted { color: ${tokens.colorNeutralForeground2}; }
.ll-section-list { margin: 0 0 8px; padding-left: 18px; }
.ll-section-list li { margin-bottom: 6px; }
`,
);
