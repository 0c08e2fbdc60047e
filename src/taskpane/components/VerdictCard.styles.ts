// The verdict card: status tokens by level (clean → success, suspicious → warning, dangerous → danger),
// like Fluent's MessageBar intents. Sized so level, sentence and Report fit a 320×600 pane.
import { tokens } from '@fluentui/react-components';
import type { VerdictLevel } from '../../engine/model';
import { styleSheet } from './stylesheet';

export const verdictCardClasses = {
  root: 'll-card',
  level: { clean: 'll-card-clean', suspicious: 'll-card-suspicious', dangerous: 'll-card-dangerous' } satisfies Record<VerdictLevel, string>,
  subject: 'll-card-subject',
  head: 'll-card-head',
  icon: 'll-card-icon',
  title: 'll-card-title',
  sentence: 'll-card-sentence',
} as const;

export const verdictCardStyles = styleSheet(
  'verdict-card',
  `
.ll-card { margin: 0 0 16px; padding: 10px 12px 12px; border: ${tokens.strokeWidthThin} solid; border-left-width: 6px; border-radius: ${tokens.borderRadiusLarge}; }
.ll-card-clean { background-color: ${tokens.colorStatusSuccessBackground1}; border-color: ${tokens.colorStatusSuccessBorder1}; }
.ll-card-suspicious { background-color: ${tokens.colorStatusWarningBackground1}; border-color: ${tokens.colorStatusWarningBorder1}; }
.ll-card-dangerous { background-color: ${tokens.colorStatusDangerBackground1}; border-color: ${tokens.colorStatusDangerBorder1}; }
.ll-card-clean .ll-card-icon { color: ${tokens.colorStatusSuccessForeground1}; }
.ll-card-suspicious .ll-card-icon { color: ${tokens.colorStatusWarningForeground1}; }
.ll-card-dangerous .ll-card-icon { color: ${tokens.colorStatusDangerForeground1}; }
.ll-card-subject { margin: 0 0 6px; font-size: ${tokens.fontSizeBase200}; line-height: ${tokens.lineHeightBase200}; color: ${tokens.colorNeutralForeground2}; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ll-card-head { display: flex; gap: 8px; align-items: center; }
.ll-card-icon { flex: none; width: 24px; height: 24px; }
.ll-card-title { margin: 0; font-size: ${tokens.fontSizeBase500}; line-height: ${tokens.lineHeightBase500}; font-weight: ${tokens.fontWeightSemibold}; }
.ll-card-sentence { margin: 6px 0 12px; font-size: ${tokens.fontSizeBase300}; line-height: ${tokens.lineHeightBase300}; }
`,
);
