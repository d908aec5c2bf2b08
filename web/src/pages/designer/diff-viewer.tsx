import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef } from 'react';
import type { ElementDiff } from './designer-api';

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(level: string): void;
  scrollToElement(element: unknown): void;
}
interface Overlays {
  add(id: string, type: string, overlay: { position: object; html: HTMLElement }): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

/** One side of the compare view: the diagram with each change marked (colour and a badge in words). */
export function DiffViewer({ xml, changes, side, labels, focus, testId }: {
  xml: string;
  changes: ElementDiff[];
  side: 'before' | 'after';
  labels: Record<ElementDiff['change'], string>;
  /** An element to bring into view (a row of the table was chosen). */
  focus: string | null;
  testId: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);

  useEffect(() => {
    const instance = new NavigatedViewer({ container: container.current! });
    viewer.current = instance;
    void instance.importXML(xml).then(() => {
      const canvas = instance.get('canvas') as Canvas;
      const overlays = instance.get('overlays') as Overlays;
      const registry = instance.get('elementRegistry') as ElementRegistry;
      // Removed elements exist only before, added ones only after; changed and moved ones on both sides.
      const shown = changes.filter((c) => (side === 'before' ? c.change !== 'added' : c.change !== 'removed'));
      for (const change of shown) {
        if (!registry.get(change.id)) continue;
        canvas.addMarker(change.id, `kb-diff-${change.change}`);
        const html = document.createElement('span');
        html.className = `kb-diff-badge ${change.change}`;
        html.textContent = labels[change.change];
        html.dataset.elementId = change.id;
        overlays.add(change.id, 'kb-diff', { position: { top: -12, left: 0 }, html });
      }
      canvas.zoom('fit-viewport');
      container.current?.setAttribute('data-ready', 'true');
    });
    return () => {
      instance.destroy();
      viewer.current = null;
    };
  }, [xml, changes, side, labels]);

  useEffect(() => {
    const element = focus && viewer.current ? (viewer.current.get('elementRegistry') as ElementRegistry).get(focus) : null;
    if (element) (viewer.current!.get('canvas') as Canvas).scrollToElement(element);
  }, [focus]);

  return <div className="kb-diff-diagram" ref={container} data-testid={testId} />;
}
