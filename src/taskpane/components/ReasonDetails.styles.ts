// A reason's evidence: the claimed and the real address one above the other with the differing
// characters marked, quotes of the message as written, and plain labelled facts.
import { styleSheet, token } from './stylesheet';

export type MarkTone = 'neutral' | 'alert';

export const reasonDetailsClasses = {
  compare: 'll-compare',
  compareLabel: 'll-compare-label',
  compareValue: 'll-compare-value',
  compareNote: 'll-compare-note',
  mark: { neutral: 'll-mark-neutral', alert: 'll-mark-alert' } satisfies Record<MarkTone, string>,
  facts: 'll-facts',
  quote: 'll-quote',
  quoteLabel: 'll-quote-label',
  also: 'll-also',
  explanation: 'll-explanation',
  characters: 'll-characters',
} as const;

export const reasonDetailsStyles = styleSheet(
  'reason-details',
  `
.ll-compare { margin: 0 0 8px; padding: 8px; border-radius: ${token('borderRadiusMedium')}; background-color: ${token('colorNeutralBackground3')}; }
.ll-compare-label { display: block; font-size: ${token('fontSizeBase200')}; color: ${token('colorNeutralForeground2')}; }
.ll-compare-value { display: block; margin: 0 0 6px; font-family: ${token('fontFamilyMonospace')}; font-size: ${token('fontSizeBase300')}; word-break: break-all; }
.ll-compare-note { margin: 0; font-size: ${token('fontSizeBase200')}; color: ${token('colorNeutralForeground2')}; }
.ll-mark-alert mark { background-color: ${token('colorStatusDangerBackground3')}; color: ${token('colorNeutralForegroundOnBrand')}; border-radius: 2px; padding: 0 1px; }
.ll-mark-neutral mark { background-color: transparent; color: inherit; font-weight: ${token('fontWeightSemibold')}; text-decoration: underline; text-decoration-thickness: 2px; }
.ll-facts { margin: 0 0 8px; }
.ll-facts dt { font-size: ${token('fontSizeBase200')}; color: ${token('colorNeutralForeground2')}; }
.ll-facts dd { margin: 0 0 4px; overflow-wrap: anywhere; }
.ll-quote { margin: 0 0 8px; padding: 6px 8px; border-left: 3px solid ${token('colorNeutralStroke1')}; background-color: ${token('colorNeutralBackground2')}; white-space: pre-wrap; overflow-wrap: anywhere; }
.ll-quote-label { display: block; font-size: ${token('fontSizeBase200')}; color: ${token('colorNeutralForeground2')}; }
.ll-also { margin: 0 0 8px; padding-left: 18px; }
.ll-explanation { margin: 0 0 4px; color: ${token('colorNeutralForeground2')}; }
.ll-characters { margin: 0; padding-left: 18px; }
`,
);
