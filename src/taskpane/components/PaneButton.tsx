// A button of the pane: a native <button> in Fluent UI's look (PaneButton.styles.ts). The first screen
// does without Fluent's Button: its precompiled styles for every appearance, size and shape, with the
// focus machinery behind them, cost about 6 KB gzip of the pane's first load, for the three
// appearances and sizes the pane uses. The lazily loaded form keeps Fluent's Checkbox, Field and Textarea.
import type { ButtonHTMLAttributes } from 'react';
import { paneButtonClasses as classes, paneButtonStyles, type ButtonAppearance, type ButtonSize } from './PaneButton.styles';
import { useStyleSheets } from './stylesheet';

export interface PaneButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: ButtonAppearance;
  size?: ButtonSize;
  'data-testid'?: string;
}

export function PaneButton({ appearance = 'secondary', size = 'medium', className, type = 'button', ...rest }: PaneButtonProps) {
  useStyleSheets(paneButtonStyles);
  const classNames = [classes.root, classes.appearance[appearance], classes.size[size], className].filter(Boolean).join(' ');
  return <button {...rest} type={type} className={classNames} />;
}
