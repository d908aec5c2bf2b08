import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/http';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { me, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/inbox';
  if (me) return <Navigate to={next} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      await navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.title : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="kb-login">
      <Card className="kb-login-card">
        <div className="kb-login-brand">
          <span className="kb-logo">报</span>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>{t('app.name')} · {t('app.subtitle')}</Typography.Title>
          </div>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus id="username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
        </Form>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 16 }}>
          <Typography.Text type="secondary">{t('login.hint')}</Typography.Text>
          <Button type="link" size="small" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>{t('header.language')}</Button>
        </div>
      </Card>
    </div>
  );
}
