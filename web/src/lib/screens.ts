import { theme } from 'antd';
import { useEffect, useMemo, useState } from 'react';

export type Breakpoint = 'xs' | 'sm' | 'md' | 'lg' | 'xl' | 'xxl' | 'xxxl';
export type Screens = Partial<Record<Breakpoint, boolean>>;
type ScreenToken = Pick<ReturnType<typeof theme.useToken>['token'], 'screenXSMax' | 'screenSM' | 'screenMD' | 'screenLG' | 'screenXL' | 'screenXXL' | 'screenXXXL'>;

/** antd's media queries for its breakpoints (those of Grid.useBreakpoint). */
export function breakpointQueries(token: ScreenToken): Record<Breakpoint, string> {
  return {
    xs: `(max-width: ${token.screenXSMax}px)`,
    sm: `(min-width: ${token.screenSM}px)`,
    md: `(min-width: ${token.screenMD}px)`,
    lg: `(min-width: ${token.screenLG}px)`,
    xl: `(min-width: ${token.screenXL}px)`,
    xxl: `(min-width: ${token.screenXXL}px)`,
    xxxl: `(min-width: ${token.screenXXXL}px)`,
  };
}

/** Which breakpoints `matches` says hold. */
export function screensMatching(queries: Record<Breakpoint, string>, matches: (query: string) => boolean): Screens {
  return Object.fromEntries(Object.entries(queries).map(([breakpoint, query]) => [breakpoint, matches(query)]));
}

const matchesNow = (query: string) => window.matchMedia(query).matches;

/**
 * The breakpoints the window matches, as antd's Grid.useBreakpoint reports them, but right from the first render.
 * antd's starts with none matched until its layout effect has subscribed: the first render drew the phone layout (the
 * frame's user menu, the inbox's cards), the second the desktop one, and the first load's CPU paid for both, their
 * styles included (docs/adr/0069).
 */
export function useScreens(): Screens {
  const { token } = theme.useToken();
  const { screenXSMax, screenSM, screenMD, screenLG, screenXL, screenXXL, screenXXXL } = token;
  const queries = useMemo(
    () => breakpointQueries({ screenXSMax, screenSM, screenMD, screenLG, screenXL, screenXXL, screenXXXL }),
    [screenXSMax, screenSM, screenMD, screenLG, screenXL, screenXXL, screenXXXL],
  );
  const [screens, setScreens] = useState(() => screensMatching(queries, matchesNow));
  useEffect(() => {
    const lists = Object.values(queries).map((query) => window.matchMedia(query));
    // (a change between the first render and this effect is taken here; otherwise the same object stays: no render)
    const update = () => setScreens((before) => {
      const now = screensMatching(queries, matchesNow);
      return Object.entries(now).every(([breakpoint, holds]) => before[breakpoint as Breakpoint] === holds) ? before : now;
    });
    update();
    lists.forEach((list) => list.addEventListener('change', update));
    return () => lists.forEach((list) => list.removeEventListener('change', update));
  }, [queries]);
  return screens;
}
