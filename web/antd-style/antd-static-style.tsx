import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { renderToString } from 'react-dom/server';
import type { Plugin } from 'vite';
import { theme } from '../src/theme';
import { FirstScreenSpecimens } from './first-screen-specimens';

/** `import 'virtual:antd-first-screen.css'`: the first screen's Ant Design styles, generated at build time. */
export const FIRST_SCREEN_STYLE = 'virtual:antd-first-screen.css';
const RESOLVED = `\0${FIRST_SCREEN_STYLE}`;

/**
 * The styles Ant Design's CSS-in-JS would generate in the browser for the first screen's components, as CSS text.
 * It ends with antd's record of what it holds (`.data-ant-cssinjs-cache-path{content:"…"}`): in the browser, a
 * component whose style is recorded there takes it from the file and generates nothing (@ant-design/cssinjs,
 * useStyleRegister). Only the styles are extracted: the CSS variables of the theme and of each component are still
 * written by the browser (a few small rules).
 */
export function extractFirstScreenStyle(): string {
  const cache = createCache();
  renderToString(
    <StyleProvider cache={cache}>
      <ConfigProvider locale={zhCN} theme={theme}>
        <FirstScreenSpecimens />
      </ConfigProvider>
    </StyleProvider>,
  );
  const css = extractStyle(cache, { plain: true, types: 'style' });
  // the browser's build is a production one: its class names are css-<hash>, not css-dev-only-do-not-override-<hash>
  if (css.includes('css-dev-only-do-not-override')) throw new Error('antd styles were extracted in development mode: NODE_ENV must be production');
  return css;
}

/**
 * The Vite plugin behind `virtual:antd-first-screen.css`. The frame (app-layout.tsx) imports it: Vite writes it as the
 * frame chunk's stylesheet (hashed, compressed, immutable), which the server links in the head of a returning user's
 * pages (api/src/web/route-preloads.ts); the login page does not load it. In `vite` (dev) it is empty and the browser
 * generates every style.
 */
export function antdFirstScreenStyle(): Plugin {
  let build = false;
  return {
    name: 'kuaibao-antd-first-screen-style',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId(id) {
      return id === FIRST_SCREEN_STYLE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      return build ? extractFirstScreenStyle() : '';
    },
  };
}
