import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { Alert, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { type ApiError, api } from '../../api/client.ts';
import { busyRunner } from './busy-runner.ts';

type SignRequest = {
  summaryTh: string;
  canonical: string;
  payloadHash: string;
  hasCredential: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: WebAuthn options JSON passed straight to the browser API
  options: any;
};
type Verification = {
  valid: boolean;
  unchanged: boolean;
  statusTh: string;
  changedItems: { item: string; th: string }[];
};

const DECISIONS = [
  { value: 'owner-attest', label: 'เจ้าของประวัติรับรองข้อมูล' },
  { value: 'officer-verify', label: 'ผู้จัดทำทะเบียนประวัติตรวจสอบ' },
  { value: 'certify', label: 'ผู้รับรองทะเบียนประวัติรับรอง' },
];

/**
 * Personal e-signature of a record (ADR 0107): shows exactly what will be signed, asks for the
 * passkey (WebAuthn), stores the evidence, and verifies it. A stale login asks for the password
 * again first (5-minute step-up).
 */
export function SigningPage() {
  const { personId = '' } = useParams();
  const [params] = useSearchParams();
  const [decision, setDecision] = useState(params.get('decision') ?? 'owner-attest');
  const [req, setReq] = useState<SignRequest | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [password, setPassword] = useState('');
  const [signatureId, setSignatureId] = useState<string | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    try {
      setReq(await api<SignRequest>('GET', `/api/v1/people/${personId}/sign-request?decision=${decision}`));
    } catch (e) {
      setReq(null);
      setError(e as ApiError);
    }
  }, [personId, decision]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = busyRunner(setBusy, setError);

  const register = () =>
    run(async () => {
      const optionsJSON = await api<never>('POST', '/api/v1/signing/credentials/options', {});
      const response = await startRegistration({ optionsJSON });
      await api('POST', '/api/v1/signing/credentials', { response, label: 'passkey' });
      await load();
    });

  const sign = () =>
    run(async () => {
      if (!req) return;
      const response = await startAuthentication({ optionsJSON: req.options });
      const r = await api<{ id: string }>('POST', '/api/v1/signatures', { payload: req.canonical, response });
      setSignatureId(r.id);
    });

  const verify = () =>
    run(async () => {
      if (signatureId)
        setVerification(await api<Verification>('GET', `/api/v1/signatures/${signatureId}/verify`));
    });

  const reauth = () =>
    run(async () => {
      await api('POST', '/api/auth/reauth', { password });
      setPassword('');
      await load();
    });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 900 }}>
      <Typography.Title level={3}>ลงลายมือชื่ออิเล็กทรอนิกส์</Typography.Title>
      <Radio.Group
        value={decision}
        onChange={(e) => setDecision(e.target.value)}
        options={DECISIONS}
        optionType="button"
      />
      {error && <Alert type="error" showIcon message={error.message} data-testid="sign-error" />}
      {error?.code === 'reauthRequired' && (
        <Space>
          <Input.Password
            aria-label="รหัสผ่าน (ยืนยันตัวตน)"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button onClick={reauth} loading={busy}>
            ยืนยันตัวตน
          </Button>
        </Space>
      )}
      {req && (
        <Card title="สิ่งที่จะลงนาม">
          <Typography.Paragraph data-testid="sign-summary">{req.summaryTh}</Typography.Paragraph>
          <Typography.Text type="secondary">ข้อมูลที่ลงนาม (JSON ตาม RFC 8785) และค่า SHA-256</Typography.Text>
          <pre data-testid="sign-payload" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {req.canonical}
          </pre>
          <Typography.Text code>{req.payloadHash}</Typography.Text>
        </Card>
      )}
      <Space>
        {req && !req.hasCredential && (
          <Button onClick={register} loading={busy}>
            ลงทะเบียนกุญแจลงนาม (passkey)
          </Button>
        )}
        <Button type="primary" onClick={sign} disabled={!req?.hasCredential} loading={busy}>
          ลงนาม
        </Button>
        {signatureId && (
          <Button onClick={verify} loading={busy}>
            ตรวจสอบลายมือชื่อ
          </Button>
        )}
      </Space>
      {signatureId && <Alert type="success" showIcon message="ลงนามเรียบร้อยแล้ว" data-testid="signed" />}
      {verification && (
        <Alert
          type={verification.unchanged ? 'success' : 'warning'}
          showIcon
          data-testid="verify-status"
          message={verification.statusTh}
          description={verification.changedItems.map((c) => c.th).join(', ') || undefined}
        />
      )}
    </Space>
  );
}
