// The pane's theme from a ThemeSource (Outlook's, or the preview's switch), re-rendering on change.
import { useEffect, useState } from 'react';
import type { ThemeName, ThemeSource } from '../office/theme';

export function useTheme(source: ThemeSource): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() => source.current());
  useEffect(() => {
    setTheme(source.current());
    return source.subscribe(setTheme);
  }, [source]);
  return theme;
}
