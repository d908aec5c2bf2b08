import { describe, expect, it } from 'vitest';
import { VIEWPORTS, useBrowserSession } from './browser';

/** issue 20 defect 8: at 390 px the date-time picker of 获知时间 fits the screen (此刻, «‹, the Monday column). */
describe('the web app on a phone', () => {
  const web = useBrowserSession();
  const { pageOf } = web;

  it('the date-time picker lies wholly within a 390 px screen', { timeout: 120_000 }, async () => {
    // given
    const reporter = await pageOf('lx_reporter');
    await reporter.setViewportSize(VIEWPORTS.phone);
    await reporter.goto(`${web.server.url}/reports/new`);

    // when
    await reporter.locator('#learnedAt').click();
    const panel = reporter.locator('.ant-picker-dropdown:visible .ant-picker-panel-container');
    await panel.waitFor();

    // then: every part of it is on screen, 此刻 and the first weekday column included
    const box = await panel.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    for (const part of [reporter.locator('.ant-picker-dropdown:visible .ant-picker-now-btn'), reporter.locator('.ant-picker-dropdown:visible .ant-picker-header-super-prev-btn'), reporter.locator('.ant-picker-dropdown:visible thead th').first()]) {
      const partBox = await part.boundingBox();
      expect(partBox).not.toBeNull();
      expect(partBox!.x).toBeGreaterThanOrEqual(0);
      expect(partBox!.x + partBox!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    }
  });
});
