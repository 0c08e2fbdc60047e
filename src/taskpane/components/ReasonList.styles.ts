// Reasons under the verdict card: one line each, a disclosure triangle, a left rule in the verdict's
// status colour (neutral under a clean verdict: nothing there is a warning).
import { styleSheet, token } from './stylesheet';

export type ReasonTone = 'neutral' | 'warning' | 'danger';

export const reasonListClasses = {
  root: 'll-reasons',
  intro: 'll-reasons-intro',
  list: 'll-reasons-list',
  item: 'll-reason',
  tone: { neutral: 'll-reason-neutral', warning: 'll-reason-warning', danger: 'll-reason-danger' } satisfies Record<ReasonTone, string>,
  summary: 'll-reason-summary',
  body: 'll-reason-body',
  more: 'll-reasons-more',
} as const;

export const reasonListStyles = styleSheet(
  'reason-list',
  `
.ll-reasons-intro { margin: 0 0 8px; color: ${token('colorNeutralForeground2')}; }
.ll-reasons-list { list-style: none; margin: 0; padding: 0; }
.ll-reason { margin: 0 0 8px; padding: 2px 0 2px 10px; border-left: 3px solid ${token('colorNeutralStroke1')}; }
.ll-reason-warning { border-left-color: ${token('colorStatusWarningBorderActive')}; }
.ll-reason-danger { border-left-color: ${token('colorStatusDangerBorderActive')}; }
.ll-reason-summary { cursor: pointer; padding: 2px 0; font-size: ${token('fontSizeBase300')}; line-height: ${token('lineHeightBase300')}; }
.ll-reason-summary:hover { color: ${token('colorNeutralForeground2Hover')}; }
.ll-reason-body { padding: 6px 0 4px; }
.ll-reasons-more > summary { cursor: pointer; color: ${token('colorBrandForegroundLink')}; margin: 4px 0 8px; }
`,
);
