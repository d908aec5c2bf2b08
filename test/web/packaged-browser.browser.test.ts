import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseChromium } from './chromium';

/**
 * A machine with only Node.js (no Debian chromium, no CJK font): the browser and font shipped in npm packages
 * must run and draw Chinese with a real CJK font. Forced here with KUAIBAO_BROWSER=packaged, so the fallback is
 * tested on machines that do have Debian's chromium too.
 */
describe('the browser tests on a fresh machine', () => {
  it('the packaged Chromium starts headless and draws Chinese with the packaged Noto Sans Hans (SC)', { timeout: 60_000 }, async () => {
    // given: the packaged browser, chosen as if /usr/bin/chromium were absent
    const choice = await chooseChromium({ KUAIBAO_BROWSER: 'packaged' });
    expect(choice.source).toBe('packaged');
    const browser = await chromium.launch({ executablePath: choice.executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'], env: { ...process.env, ...choice.env } });
    try {
      // when: a page with Chinese text in Ant Design's font stack is drawn
      const page = await browser.newPage();
      await page.setContent(`<p id="zh" style="font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif">突发事件信息报送 临翔区应急管理局</p>`);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#zh' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });

      // then: every glyph came from the packaged CJK font (none from a machine font, none missing)
      expect(fonts.map((f) => f.familyName)).toEqual(['Noto Sans S Chinese Regular']);
      expect(fonts[0]!.glyphCount).toBe('突发事件信息报送 临翔区应急管理局'.length);
    } finally {
      await browser.close();
    }
  });
});
