import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstReport, login, waitForTask } from '../api/client';
import { VIEWPORTS, useBrowserSession } from './browser';
import { diagramElement, openTaskDiagram } from './pages';

type Box = { x: number; y: number; width: number; height: number };
/** The diagram's frame on screen (bpmn-js's canvas) and the drawing's extent (its viewport group) in the same coordinates. */
async function diagramBoxes(page: Page): Promise<{ frame: Box; drawing: Box }> {
  const frame = await page.locator('[data-testid=diagram] .djs-container > svg').first().boundingBox();
  const drawing = await page.locator('[data-testid=diagram] svg g.viewport').first().boundingBox();
  expect(frame && drawing).toBeTruthy();
  return { frame: frame!, drawing: drawing! };
}
/** Every edge of the frame shows drawing: no empty corner or strip (1 px for rounding). */
const covers = (drawing: Box, frame: Box) =>
  drawing.x <= frame.x + 1 && drawing.y <= frame.y + 1 && drawing.x + drawing.width >= frame.x + frame.width - 1 && drawing.y + drawing.height >= frame.y + frame.height - 1;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;

/**
 * issue 20 defect 8: at 390 px the date-time picker of 获知时间 fits the screen (此刻, «‹, the Monday column), and the
 * diagrams show the drawing around the current step, not an empty corner.
 */
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

  it('the task page\'s and the dossier\'s diagrams fill a 390 px frame around the current step, and show the whole on request', { timeout: 120_000 }, async () => {
    // given: a 首报 waiting at 核实
    const reporterApi = await login(web.server.url, 'lx_reporter');
    const number: string = (await reporterApi.post('/api/reports', firstReport({ severity: 'IV', title: '手机流程图测试' }))).body.incidentNumber;
    const task = await waitForTask(await login(web.server.url, 'lx_verifier'), number, 'verify');

    // when: the verifier opens the task's 流程图 on a phone
    const verifier = await pageOf('lx_verifier');
    await verifier.setViewportSize(VIEWPORTS.phone);
    await verifier.goto(`${web.server.url}/tasks/${task.key}`);
    await openTaskDiagram(verifier);
    const active = diagramElement(verifier, 'verify', 'kb-active');
    await active.waitFor();

    // then: drawing up to every edge of the frame, the current step in it at a zoom whose labels can be read
    let { frame, drawing } = await diagramBoxes(verifier);
    expect(frame.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    expect(covers(drawing, frame), JSON.stringify({ frame, drawing })).toBe(true);
    const step = (await active.boundingBox())!;
    expect(inside(step, frame), JSON.stringify({ frame, step })).toBe(true);
    expect(step.width).toBeGreaterThanOrEqual(60); // a 100-unit task at 0.65 or more

    // when: 查看全图
    await verifier.getByTestId('diagram-fit-all').click();

    // then: the whole drawing lies in the frame
    await expect.poll(async () => inside((await diagramBoxes(verifier)).drawing, frame)).toBe(true);

    // when: the reporter withdraws it (no current step left: the view starts at the start event, where the empty
    // corner showed) and opens its dossier on a phone
    const reportId: string = (await reporterApi.get(`/api/incidents/${number}`)).body.reports[0].id;
    expect((await reporterApi.post(`/api/reports/${reportId}/withdraw`, { reason: '手机流程图测试' })).status).toBe(200);
    const reporter = await pageOf('lx_reporter');
    await reporter.setViewportSize(VIEWPORTS.phone);
    await reporter.goto(`${web.server.url}/incidents/${number}`);
    await reporter.getByTestId('workflow-state').filter({ hasText: '已取消' }).waitFor();
    const start = reporter.locator('[data-testid=diagram] .djs-element[data-element-id="start"]');
    await start.waitFor();

    // then: the dossier's diagram too reaches every edge of its frame, the start event in view
    ({ frame, drawing } = await diagramBoxes(reporter));
    expect(covers(drawing, frame), JSON.stringify({ frame, drawing })).toBe(true);
    const startBox = (await start.locator('.djs-visual').boundingBox())!;
    expect(inside(startBox, frame), JSON.stringify({ frame, startBox })).toBe(true);
  });
});
