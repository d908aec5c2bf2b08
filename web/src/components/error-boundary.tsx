import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

interface Props {
  children: ReactNode;
  /** What failed, for the notice: a whole page or one part of it (the diagram). */
  scope: 'page' | 'part';
}

/**
 * Keeps a rendering error (most often a script chunk that is gone after a redeploy) inside the part that
 * failed: the rest of the app stays usable and the notice offers a reload, instead of a blank window.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error('[kuaibao] rendering failed', error);
  }

  override render() {
    return this.state.error ? <FailureNotice scope={this.props.scope} /> : this.props.children;
  }
}

function FailureNotice({ scope }: { scope: Props['scope'] }) {
  const { t } = useI18n();
  return (
    <Result
      status="warning"
      title={t(scope === 'page' ? 'error.page' : 'error.part')}
      subTitle={t('error.reloadHint')}
      extra={<Button type="primary" onClick={() => window.location.reload()} data-testid="reload">{t('error.reload')}</Button>}
      data-testid="render-failure"
    />
  );
}
