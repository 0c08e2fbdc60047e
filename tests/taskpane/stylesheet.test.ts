// The pane's style modules name Fluent tokens without importing Fluent's `tokens` object; the CSS
// variable they write must be the one Fluent's own token gives.
import { tokens, webLightTheme, type Theme } from '@fluentui/react-components';
import { token } from '../../src/taskpane/components/stylesheet';

it('writes each token as the CSS variable Fluent’s tokens object gives', () => {
  for (const name of Object.keys(webLightTheme) as (keyof Theme)[]) expect([name, token(name)]).toEqual([name, tokens[name]]);
});
