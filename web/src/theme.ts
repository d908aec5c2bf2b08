import type { ThemeConfig } from 'antd';

/**
 * The app's Ant Design theme. One object for the app (app.tsx) and for the styles extracted at build time
 * (web/antd-style/antd-static-style.tsx): a style is taken from the extracted file only where its hash matches.
 */
export const theme: ThemeConfig = {
  token: { colorPrimary: '#1d4ed8', borderRadius: 4, fontFamily: "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif" },
};
