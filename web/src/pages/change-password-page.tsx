import { makeChangePasswordSchema } from '@kuaibao/domain';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/http';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { applyIssues, problemMessage } from '../lib/form-errors';
import { ApiError } from '../api/http';

/** 修改密码: required after an admin's reset (nothing else opens until it is done); the API's own rules check it first. */
export function ChangePasswordPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { me, logout, refresh } = useSession();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { currentPassword: string; newPassword: string; confirm: string }) => {
    if (values.newPassword !== values.confirm) return applyIssues(form, [{ path: 'confirm', message: t('password.mismatch') }]);
    const body = { currentPassword: values.currentPassword, newPassword: values.newPassword };
    const checked = makeChangePasswordSchema(locale).safeParse(body);
    if (!checked.success) return applyIssues(form, checked.error.issues);
    setBusy(true);
    try {
      await api<void>('/api/auth/change-password', { method: 'POST', body });
      void message.success(t('password.done'));
      await refresh();
    } catch (error) {
      if (!(error instanceof ApiError && applyIssues(form, error.problem.errors ?? []) > 0)) void message.error(problemMessage(error as Error, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="kb-login">
      <Card className="kb-login-card" data-testid="change-password">
        <Typography.Title level={4}>{t('password.title')}</Typography.Title>
        {me?.mustChangePassword && <Alert type="warning" showIcon title={t('password.required')} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.current') }]}><Input.Password autoComplete="current-password" id="current-password" /></Form.Item>
          <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true, message: t('password.new') }]}><Input.Password autoComplete="new-password" id="new-password" /></Form.Item>
          <Form.Item name="confirm" label={t('password.confirm')} rules={[{ required: true, message: t('password.confirm') }]}><Input.Password autoComplete="new-password" id="confirm-password" /></Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('password.submit')}</Button>
          <Button type="link" block onClick={() => void logout()}>{t('header.logout')}</Button>
        </Form>
      </Card>
    </div>
  );
}
