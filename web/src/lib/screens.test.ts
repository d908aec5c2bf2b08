import { describe, expect, it } from 'vitest';
import { breakpointQueries, screensMatching } from './screens';

const ANTD_DEFAULT = { screenXSMax: 575, screenSM: 576, screenMD: 768, screenLG: 992, screenXL: 1200, screenXXL: 1600, screenXXXL: 1920 };

/** A window `width` pixels wide, for the min-width / max-width queries antd's breakpoints use. */
const windowOf = (width: number) => (query: string) => {
  const [, bound, px] = /\((min|max)-width: (\d+)px\)/.exec(query)!;
  return bound === 'min' ? width >= Number(px) : width <= Number(px);
};

describe('the breakpoints from the first render (useScreens)', () => {
  it('a 1366 px window is md, lg and xl, not xs nor xxl: the desktop frame and the inbox\'s table from the start', () => {
    const screens = screensMatching(breakpointQueries(ANTD_DEFAULT), windowOf(1366));
    expect(screens).toEqual({ xs: false, sm: true, md: true, lg: true, xl: true, xxl: false, xxxl: false });
  });

  it('a 390 px phone is xs only: the user menu and the inbox\'s cards', () => {
    const screens = screensMatching(breakpointQueries(ANTD_DEFAULT), windowOf(390));
    expect(screens).toEqual({ xs: true, sm: false, md: false, lg: false, xl: false, xxl: false, xxxl: false });
  });

  it('asks antd\'s own media queries', () => {
    expect(breakpointQueries(ANTD_DEFAULT)).toMatchObject({ xs: '(max-width: 575px)', md: '(min-width: 768px)', xxxl: '(min-width: 1920px)' });
  });
});
