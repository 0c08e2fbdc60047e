// The verdict card: status tokens by level (clean → success, suspicious → warning, dangerous → danger),
// like Fluent's MessageBar intents. Sized so level, sentence and Report fit a 320×600 pane.
import type { VerdictLevel } from '../../engine/model';
import { styleSheet, token } from './stylesheet';

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
.ll-card { margin: 0 0 16px; padding: 10px 12px 12px; border: ${token('strokeWidthThin')} solid; border-left-width: 6px; border-radius: ${token('borderRadiusLarge')}; }
.ll-card-clean { background-color: ${token('colorStatusSuccessBackground1')}; border-color: ${token('colorStatusSuccessBorder1')}; }
.ll-card-suspicious { background-color: ${token('colorStatusWarningBackground1')}; border-color: ${token('colorStatusWarningBorder1')}; }
.ll-card-dangerous { background-color: ${token('colorStatusDangerBackground1')}; border-color: ${token('colorStatusDangerBorder1')}; }
.ll-card-clean .ll-card-icon { color: ${token('colorStatusSuccessForeground1')}; }
.ll-card-suspicious .ll-card-icon { color: ${token('colorStatusWarningForeground1')}; }
.ll-card-dangerous .ll-card-icon { color: ${token('colorStatusDangerForeground1')}; }
.ll-card-subject { margin: 0 0 6px; font-size: ${token('fontSizeBase200')}; line-height: ${token('lineHeightBase200')}; color: ${token('colorNeutralForeground2')}; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ll-card-head { display: flex; gap: 8px; align-items: center; }
.ll-card-icon { flex: none; width: 24px; height: 24px; }
.ll-card-title { margin: 0; font-size: ${token('fontSizeBase500')}; line-height: ${token('lineHeightBase500')}; font-weight: ${token('fontWeightSemibold')}; }
.ll-card-sentence { margin: 6px 0 12px; font-size: ${token('fontSizeBase300')}; line-height: ${token('lineHeightBase300')}; }
`,
);
