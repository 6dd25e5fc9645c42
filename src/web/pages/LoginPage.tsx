import {
  IdcardOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  TranslationOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { fieldLabel, fieldMessage } from '../../domain/i18n/fields.ts';
import { nationalId as nationalIdSchema } from '../../domain/record/primitives.ts';
import { ApiError } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { useLang } from '../i18n/lang.tsx';

type Values = { nationalId?: string; password?: string };

/** Sign-in with the national ID (dashes and Thai digits accepted) and password. */
export function LoginPage() {
  const { login } = useAuth();
  const { t, lang, setLang } = useLang();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Back from Digital ID without a record yet (ข้อ 3.1): say what to do.
  const noRecord = new URLSearchParams(window.location.search).get('digitalId') === 'no-record';

  /** The same zod primitive as the API, so the message is the one the server would send. */
  const checkNationalId = (raw: string | undefined): string | null => {
    const r = nationalIdSchema.safeParse(raw ?? '');
    if (r.success) return null;
    const key = (raw ?? '').trim() === '' ? 'err.required' : (r.error.issues[0]?.message ?? 'err.invalid');
    return fieldMessage('nationalId', key, lang);
  };

  const onFinish = async (v: Values) => {
    setError(null);
    const idProblem = checkNationalId(v.nationalId);
    const pwProblem = v.password ? null : fieldMessage('password', 'err.required', lang);
    form.setFields([
      { name: 'nationalId', errors: idProblem ? [idProblem] : [] },
      { name: 'password', errors: pwProblem ? [pwProblem] : [] },
    ]);
    if (idProblem || pwProblem) return;
    setBusy(true);
    try {
      await login(nationalIdSchema.parse(v.nationalId), v.password!);
    } catch (e) {
      if (e instanceof ApiError) {
        const byField = new Map<string, string[]>();
        for (const f of e.fields) byField.set(f.field, [...(byField.get(f.field) ?? []), f.message]);
        form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Values, errors })));
        if (byField.size === 0) setError(e.message);
      } else setError(String(e));
    } finally {
      setBusy(false);
    }
  };

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
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <div style={{ textAlign: 'right' }}>
          <Button
            size="small"
            type="text"
            icon={<TranslationOutlined aria-hidden />}
            onClick={() => setLang(lang === 'th' ? 'en' : 'th')}
            aria-label={t('switchLangLabel')}
          >
            {t('switchLang')}
          </Button>
        </div>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('appShort')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('loginTitle')}</Typography.Paragraph>
        {noRecord && (
          <Alert
            type="warning"
            showIcon
            title={t('digitalIdNoRecordTitle')}
            description={t('digitalIdNoRecordText')}
            style={{ marginBottom: 16 }}
            role="alert"
            data-testid="digital-id-no-record"
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            role="alert"
            data-testid="login-error"
          />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} noValidate>
          <Form.Item name="nationalId" label={fieldLabel('nationalId', lang)}>
            <Input
              prefix={<IdcardOutlined aria-hidden />}
              placeholder={t('nationalIdPlaceholder')}
              autoComplete="username"
              inputMode="numeric"
              maxLength={20}
              onBlur={() => {
                const v = form.getFieldValue('nationalId') as string | undefined;
                if (!v) return;
                const p = checkNationalId(v);
                form.setFields([{ name: 'nationalId', errors: p ? [p] : [] }]);
              }}
            />
          </Form.Item>
          <Form.Item name="password" label={fieldLabel('password', lang)}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login')}
          </Button>
        </Form>
        {/* ข้อ 3.2: a new hire proves identity with Digital ID (ThaiD) over OpenID Connect. */}
        <Button
          href="/api/auth/oidc/start"
          block
          style={{ marginTop: 12 }}
          icon={<SafetyCertificateOutlined aria-hidden />}
        >
          เข้าสู่ระบบด้วย Digital ID
        </Button>
      </Card>
    </main>
  );
}
