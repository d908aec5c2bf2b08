import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';

/** An address no page answers (its own chunk: antd's Result carries its illustrations, which the first load does not need). */
export function NotFoundPage() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('error.notFound')} extra={<Link to="/inbox"><Button type="primary">{t('error.toInbox')}</Button></Link>} />;
}
