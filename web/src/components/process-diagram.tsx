import { Alert, Button, Skeleton } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { useEffect, useRef, useState } from 'react';
import { useDiagram, type DiagramDeployment } from '../api/queries';
import type { Workflow } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { fit, fitWhole, type Canvas } from './diagram-fit';

interface Progress {
  completed: string[];
  active: string[];
  /** Steps stopped at a failure (流程监控's instance page). */
  failed?: string[];
}

/**
 * The BPMN diagram of a process (bpmn-js NavigatedViewer: pan and zoom), with the steps done marked
 * green and the current step(s) orange, each with a badge. Import warnings are shown, not swallowed.
 */
export function ProcessDiagram({ processId, workflow, failed = [], deployment }: {
  processId: string;
  workflow: Pick<Workflow, 'completedElementIds' | 'activeElements'> | null | undefined;
  failed?: string[];
  /** the jurisdiction's version the instance runs (docs/adr/0061); without it, the shipped file */
  deployment?: DiagramDeployment | null;
}) {
  const { t } = useI18n();
  const diagram = useDiagram(processId, deployment);
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const [warnings, setWarnings] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const progress: Progress = {
    completed: workflow?.completedElementIds ?? [],
    // A boundary timer waiting on a step is an armed deadline (the clocks card shows it), not a current step.
    active: (workflow?.activeElements ?? []).filter((e) => e.elementType !== 'bpmn:BoundaryEvent').map((e) => e.elementId),
    failed,
  };
  const progressKey = JSON.stringify(progress);
  const latest = useRef({ progress, t });
  latest.current = { progress, t };

  useEffect(() => {
    if (!container.current || !diagram.data) return;
    const instance = new NavigatedViewer({ container: container.current });
    viewer.current = instance;
    let imported = false;
    let frame = 0;
    // The card settles its width after the first paint (scrollbars, fonts): fit again whenever it changes.
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!imported) return;
        (instance.get('canvas') as Canvas).resized();
        fit(instance, latest.current.progress.active);
      });
    });
    observer.observe(container.current);
    instance.importXML(diagram.data).then(
      (result) => {
        imported = true;
        setWarnings(result.warnings.length);
        mark(instance, latest.current.progress, latest.current.t);
        fit(instance, latest.current.progress.active);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      instance.destroy();
      viewer.current = null;
    };
  }, [diagram.data]);

  // Progress changes (live updates) re-mark the diagram without importing it again.
  useEffect(() => {
    if (viewer.current) mark(viewer.current, latest.current.progress, latest.current.t);
  }, [progressKey, t]);

  if (diagram.isLoading) return <Skeleton active />;
  if (diagram.error || error) return <Alert type="error" showIcon title={error ?? diagram.error?.message} />;
  return (
    <div>
      {warnings > 0 && <Alert type="warning" showIcon title={t('diagram.warnings', { n: warnings })} style={{ marginBottom: 8 }} />}
      <div className="kb-diagram" ref={container} data-testid="diagram" data-completed={progress.completed.join(' ')} data-active={progress.active.join(' ')} />
      <div className="kb-legend">
        <span><i className="completed" />{t('diagram.completed')}</span>
        <span><i className="active" />{t('diagram.active')}</span>
        <Button size="small" type="link" className="kb-legend-action" onClick={() => viewer.current && fitWhole(viewer.current)} data-testid="diagram-fit-all">{t('diagram.fitAll')}</Button>
      </div>
    </div>
  );
}

interface Overlays {
  add(id: string, type: string, overlay: { position: { top?: number; right?: number }; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface ElementRegistry {
  get(id: string): unknown;
  getAll(): { id: string }[];
}

function mark(viewer: NavigatedViewer, progress: Progress, t: ReturnType<typeof useI18n>['t']) {
  const canvas = viewer.get('canvas') as Canvas;
  const overlays = viewer.get('overlays') as Overlays;
  const registry = viewer.get('elementRegistry') as ElementRegistry;
  for (const element of registry.getAll()) {
    canvas.removeMarker(element.id, 'kb-completed');
    canvas.removeMarker(element.id, 'kb-active');
    canvas.removeMarker(element.id, 'kb-failed');
  }
  overlays.remove({ type: 'kb-progress' });
  const badge = (id: string, kind: 'completed' | 'active' | 'failed') => {
    if (!registry.get(id)) return;
    canvas.addMarker(id, `kb-${kind}`);
    const html = document.createElement('span');
    html.className = `kb-diagram-badge ${kind}`;
    html.textContent = kind === 'completed' ? '✓' : kind === 'failed' ? '✕' : t('diagram.active');
    overlays.add(id, 'kb-progress', { position: { top: -10, right: 12 }, html });
  };
  for (const id of progress.completed) if (!progress.active.includes(id)) badge(id, 'completed');
  for (const id of progress.active) if (!progress.failed?.includes(id)) badge(id, 'active');
  for (const id of progress.failed ?? []) badge(id, 'failed');
}
