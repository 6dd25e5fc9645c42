import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { fieldLabel } from '../../domain/i18n/fields.ts';
import { ApiError, api } from '../api/client.ts';
import { useLang } from '../i18n/lang.tsx';
import { RecoveryCodes } from './SecondFactorPage.tsx';

type Security = { totpEnrolled: boolean; recoveryCodesLeft: number };
type PwValues = { currentPassword?: string; newPassword?: string };

/** "My security" (ADR 0113): two-step sign-in status, new recovery codes, password change. */
export function SecurityPage() {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const sec = useQuery({ queryKey: ['security'], queryFn: () => api<Security>('GET', '/api/auth/security') });
  const [codes, setCodes] = useState<string[] | null>(null);
  const [form] = Form.useForm<PwValues>();
  const [busy, setBusy] = useState(false);

  const regenerate = async () => {
    const r = await api<{ recoveryCodes: string[] }>('POST', '/api/auth/recovery-codes');
    setCodes(r.recoveryCodes);
    await qc.invalidateQueries({ queryKey: ['security'] });
  };

  const changePassword = async (v: PwValues) => {
    setBusy(true);
    try {
      await api('POST', '/api/auth/password', {
        currentPassword: v.currentPassword ?? '',
        newPassword: v.newPassword ?? '',
      });
      form.resetFields();
      message.success(t('passwordChanged'));
    } catch (e) {
      if (e instanceof ApiError) {
        if (e.fields.length)
          form.setFields(e.fields.map((f) => ({ name: f.field as keyof PwValues, errors: [f.message] })));
        else message.error(e.message);
      } else throw e;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Title level={2}>{t('mySecurity')}</Typography.Title>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('enrolTitle')}>
          {sec.data && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Alert
                type={sec.data.totpEnrolled ? 'success' : 'info'}
                showIcon
                title={sec.data.totpEnrolled ? t('totpOn') : t('totpOff')}
              />
              {sec.data.totpEnrolled && (
                <>
                  <Typography.Text>
                    {t('recoveryCodesLeft')}:{' '}
                    <strong data-testid="codes-left">{sec.data.recoveryCodesLeft}</strong>
                  </Typography.Text>
                  <Button onClick={() => void regenerate()}>{t('regenerateCodes')}</Button>
                </>
              )}
              {codes && <RecoveryCodes codes={codes} />}
              <Typography.Text type="secondary">{t('lostFactorHelp')}</Typography.Text>
            </Space>
          )}
        </Card>
        <Card title={t('changePassword')}>
          <Form form={form} layout="vertical" onFinish={changePassword} requiredMark={false} noValidate>
            <Form.Item name="currentPassword" label={fieldLabel('currentPassword', lang)}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item name="newPassword" label={fieldLabel('newPassword', lang)}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('changePassword')}
            </Button>
          </Form>
        </Card>
      </Space>
    </div>
  );
}
