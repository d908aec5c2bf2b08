import { Alert } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import type { ElementDuration } from '@kuaibao/domain';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { formatDuration } from '../../lib/duration';
import type { HeatLevels } from './heat-levels';

interface Canvas { zoom(level: 'fit-viewport', center: 'auto'): void; addMarker(id: string, marker: string): void; resized(): void }
interface Overlays { add(id: string, type: string, overlay: { position: { bottom?: number; left?: number }; html: HTMLElement }): string; remove(filter: { type: string }): void }
interface ElementRegistry { get(id: string): unknown }

/**
 * A deployed version's diagram (its own XML, not the shipped file) with each measured element filled by its heat
 * level (`kb-heat-<level>` markers) and a badge under it with its p50 and p95. Import warnings are shown.
 */
export function HeatDiagram({ xml, elements, levels }: { xml: string; elements: readonly ElementDuration[]; levels: HeatLevels }) {
  const i18n = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [warnings, setWarnings] = useState(0);
  const latest = useRef(i18n);
  latest.current = i18n;

  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current });
    let live = true;
    viewer.importXML(xml).then(
      (result) => {
        if (!live) return;
        setWarnings(result.warnings.length);
        const canvas = viewer.get('canvas') as Canvas;
        const overlays = viewer.get('overlays') as Overlays;
        const registry = viewer.get('elementRegistry') as ElementRegistry;
        for (const e of elements) {
          const level = levels.levelOf.get(e.elementId);
          if (level === undefined || !registry.get(e.elementId)) continue;
          canvas.addMarker(e.elementId, `kb-heat-${level}`);
          const html = document.createElement('span');
          html.className = 'kb-heat-badge';
          html.dataset.element = e.elementId;
          const words = latest.current;
          html.textContent = words.t('heat.badge', { p50: formatDuration(e.p50Ms, words), p95: formatDuration(e.p95Ms, words) });
          overlays.add(e.elementId, 'kb-heat', { position: { bottom: 14, left: 0 }, html });
        }
        canvas.resized();
        canvas.zoom('fit-viewport', 'auto');
      },
      (e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
      viewer.destroy();
    };
  }, [xml, elements, levels, i18n.locale]);

  if (problem) return <Alert type="error" showIcon title={problem} />;
  return (
    <>
      {warnings > 0 && <Alert type="warning" showIcon title={i18n.t('diagram.warnings', { n: warnings })} style={{ marginBottom: 8 }} />}
      <div className="kb-diagram kb-heat-diagram" ref={container} data-testid="heat-diagram"
        data-heat={[...levels.levelOf].map(([id, level]) => `${id}:${level}`).join(' ')} />
    </>
  );
}
