import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

/** Below this the labels cannot be read (phones): show the diagram at this zoom around its current step instead. */
export const MIN_ZOOM = 0.65;

interface Box { x: number; y: number; width: number; height: number }
export interface Canvas {
  resized(): void;
  getSize(): { width: number; height: number };
  zoom(): number;
  zoom(level: 'fit-viewport' | number, center?: 'auto'): void;
  viewbox(): Box & { inner: Box };
  viewbox(box: Box): void;
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
}
interface Element extends Partial<Box> { id: string; type?: string }
interface ElementRegistry {
  get(id: string): Element | undefined;
  getAll(): Element[];
}

/** A position along one axis that keeps the view inside the content, or centres the content when it is the smaller. */
const within = (wanted: number, start: number, contentSize: number, viewSize: number) =>
  contentSize <= viewSize ? start - (viewSize - contentSize) / 2 : Math.min(Math.max(wanted, start), start + contentSize - viewSize);

/** What to centre a phone's view on: the current user task, else any current step but a sub-process, else the start. */
function focusOf(registry: ElementRegistry, active: readonly string[]): Element | undefined {
  const current = active.map((id) => registry.get(id)).filter((e): e is Element => !!e && e.width !== undefined);
  return current.find((e) => e.type === 'bpmn:UserTask')
    ?? current.find((e) => e.type !== 'bpmn:SubProcess')
    ?? registry.getAll().find((e) => e.type === 'bpmn:StartEvent');
}

/**
 * The whole diagram when it can be read so; else (a phone) the readable zoom with the current step in the middle and
 * the view kept inside the drawing. Zooming without a centre anchors at the origin, and at 390 px that showed an empty
 * corner with the start event at its edge (issue 20 defect 8).
 */
export function fit(viewer: NavigatedViewer, active: readonly string[]) {
  const canvas = viewer.get('canvas') as Canvas;
  // Hidden (a tab not shown, a card collapsed) the container has no size, and fitting to it gives a zoom of 0 or
  // NaN, which bpmn-js cannot apply ("SVGMatrix: non-finite"). The resize observer fits again once it is shown.
  const { width, height } = canvas.getSize();
  if (!(width > 0 && height > 0)) return;
  canvas.zoom('fit-viewport', 'auto');
  const fitted = canvas.zoom();
  if (fitted >= MIN_ZOOM) return canvas.zoom(Math.min(1, fitted * 0.96), 'auto'); // a margin for labels at the edges
  const { inner } = canvas.viewbox();
  const view = { width: width / MIN_ZOOM, height: height / MIN_ZOOM };
  const focus = focusOf(viewer.get('elementRegistry') as ElementRegistry, active);
  const centre = focus ? { x: focus.x! + focus.width! / 2, y: focus.y! + focus.height! / 2 } : { x: inner.x + view.width / 2, y: inner.y + inner.height / 2 };
  canvas.viewbox({
    x: within(centre.x - view.width / 2, inner.x, inner.width, view.width),
    y: within(centre.y - view.height / 2, inner.y, inner.height, view.height),
    ...view,
  });
}

/** The whole diagram in view, however small (the 全图 button). */
export function fitWhole(viewer: NavigatedViewer) {
  const canvas = viewer.get('canvas') as Canvas;
  const { width, height } = canvas.getSize();
  if (width > 0 && height > 0) canvas.zoom('fit-viewport', 'auto');
}
