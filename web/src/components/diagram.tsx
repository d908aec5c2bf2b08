import { Skeleton } from 'antd';
import { lazy, Suspense, type ComponentProps } from 'react';
import { ErrorBoundary } from './error-boundary';

/** bpmn-js is the largest part of the app: loaded only when a page shows a diagram. */
const ProcessDiagram = lazy(() => import('./process-diagram').then((m) => ({ default: m.ProcessDiagram })));

export function Diagram(props: ComponentProps<typeof ProcessDiagram>) {
  return (
    <ErrorBoundary scope="part">
      <Suspense fallback={<Skeleton active />}>
        <ProcessDiagram {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}
