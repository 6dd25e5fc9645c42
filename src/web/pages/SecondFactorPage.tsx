import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { fieldLabel } from '../../domain/i18n/fields.ts';
import { ApiError, api } from '../api/client.ts';
import type { SessionInfo } from '../api/types.ts';
import { useAuth } from '../app/auth.tsx';
import { useLang } from '../i18n/lang.tsx';

/** Ten recovery codes, shown once (after enrolment or regeneration). */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useLang();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('recoveryCodesTitle')}
      description={
        <>
          <Typography.Paragraph>{t('recoveryCodesHelp')}</Typography.Paragraph>
          <ol
            data-testid="recovery-codes"
            style={{ fontFamily: 'monospace', columns: '2 11em', margin: 0, paddingInlineStart: 28 }}
          >
            {/* A code is written down whole: never broken across lines. */}
            {codes.map((c) => (
              <li key={c} style={{ whiteSpace: 'nowrap' }}>
                {c}
              </li>
            ))}
          </ol>
        </>
      }
    />
  );
}

/**
 * The second sign-in step (ADR 0113): the 6-digit code (or a recovery code) — or, for a staff
 * account without an authenticator, its enrolment: QR code, first code, recovery codes once.
 */
export function SecondFactorPage({ pending }: { pending: 'totp' | 'enrol' }) {
  const { finish, logout } = useAuth();
  const { t, lang } = useLang();
  const [form] = Form.useForm<{ code?: string; recoveryCode?: string }>();
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [enrol, setEnrol] = useState<{ secret: string; qrDataUrl: string } | null>(null);
  const [done, setDone] = useState<{ session: SessionInfo; codes: string[] } | null>(null);

  useEffect(() => {
    if (pending !== 'enrol') return;
    api<{ secret: string; qrDataUrl: string }>('POST', '/api/auth/totp/enrol')
      .then(setEnrol)
      .catch((e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [pending]);

  const onFinish = async (v: { code?: string; recoveryCode?: string }) => {
    setError(null);
    setBusy(true);
    try {
      if (pending === 'enrol') {
        const r = await api<SessionInfo & { recoveryCodes: string[] }>('POST', '/api/auth/totp/confirm', {
          code: (v.code ?? '').trim(),
        });
        setDone({ session: r, codes: r.recoveryCodes });
      } else {
        const body = useRecovery ? { recoveryCode: v.recoveryCode ?? '' } : { code: (v.code ?? '').trim() };
        finish(await api<SessionInfo>('POST', '/api/auth/second-factor', body));
      }
    } catch (e) {
      if (e instanceof ApiError) {
        if (e.fields.length)
          form.setFields(e.fields.map((f) => ({ name: f.field as 'code', errors: [f.message] })));
        else setError(e.message);
      } else setError(String(e));
    } finally {
      setBusy(false);
    }
  };

  const field = useRecovery ? 'recoveryCode' : 'code';
  return (
    <main
      id="main"
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: '#eef1f5',
      }}
    >
      <Card style={{ width: 460, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          <SafetyOutlined aria-hidden /> {pending === 'enrol' ? t('enrolTitle') : t('secondFactorTitle')}
        </Typography.Title>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        {done ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <RecoveryCodes codes={done.codes} />
            <Button type="primary" block onClick={() => finish(done.session)}>
              {t('recoveryCodesSaved')}
            </Button>
          </Space>
        ) : (
          <>
            {pending === 'enrol' ? (
              <>
                <Typography.Paragraph>{t('enrolHelp')}</Typography.Paragraph>
                {enrol ? (
                  <div style={{ textAlign: 'center', marginBottom: 12 }}>
                    <img src={enrol.qrDataUrl} alt="QR" width={220} height={220} data-testid="totp-qr" />
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                      {t('enrolSecretText')}
                    </Typography.Paragraph>
                    <Typography.Text code copyable data-testid="totp-secret">
                      {enrol.secret}
                    </Typography.Text>
                  </div>
                ) : (
                  !error && <Spin />
                )}
              </>
            ) : (
              <Typography.Paragraph>{t('secondFactorHelp')}</Typography.Paragraph>
            )}
            <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} noValidate>
              <Form.Item name={field} label={fieldLabel(field, lang)}>
                {useRecovery ? (
                  <Input autoComplete="off" maxLength={40} />
                ) : (
                  <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
                )}
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('secondFactorConfirm')}
              </Button>
            </Form>
            {pending === 'totp' && (
              <Button type="link" block onClick={() => setUseRecovery(!useRecovery)}>
                {useRecovery ? t('useTotpCode') : t('useRecoveryCode')}
              </Button>
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('lostFactorHelp')}
            </Typography.Paragraph>
            <Button type="text" block onClick={() => void logout()}>
              {t('logout')}
            </Button>
          </>
        )}
      </Card>
    </main>
  );
}
