import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { Alert, Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatThaiDate } from '../../../domain/thai-date.ts';
import {
  ACTION_LABELS,
  type Transition,
  WORKFLOWS,
  type WorkflowKind,
} from '../../../domain/workflow/index.ts';
import { type ApiError, api } from '../../api/client.ts';
import { useLang } from '../../i18n/lang.tsx';
import { busyRunner } from '../signing/busy-runner.ts';

/** GET /api/v1/workflows/cases/:id — the case, its steps and the actions the server allows this user. */
export type CaseView = {
  id: string;
  kind: string;
  kindTh: string;
  clause: string;
  status: string;
  statusTh: string;
  personId: string;
  personName: string;
  data: Record<string, unknown>;
  stepDueDate: string | null;
  overdue: boolean;
  version: number;
  closedAt: string | null;
  steps: {
    seq: number;
    actionTh: string;
    actorName: string;
    at: string;
    reason: string | null;
    reference: string | null;
    signatureId: string | null;
    late: boolean;
  }[];
  allowed: string[];
};

type SignRequest = {
  summaryTh: string;
  canonical: string;
  hasCredential: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: WebAuthn options JSON passed straight to the browser API
  options: any;
};

function transitionOf(c: CaseView, action: string): Transition | undefined {
  const def = WORKFLOWS[c.kind as WorkflowKind];
  return def?.transitions.find((t) => t.from === c.status && t.action === action) as Transition | undefined;
}

const stepColumns = [
  { title: 'ลำดับ', dataIndex: 'seq', key: 'seq', width: 60 },
  {
    title: 'การดำเนินการ',
    key: 'actionTh',
    // The opening step has no label in ACTION_LABELS; name it here.
    render: (_: unknown, s: CaseView['steps'][number]) => (s.actionTh === 'open' ? 'เปิดเรื่อง' : s.actionTh),
  },
  { title: 'ผู้ดำเนินการ', dataIndex: 'actorName', key: 'actorName' },
  {
    title: 'วันที่',
    key: 'at',
    // The step's instant as a date in Bangkok (UTC+7, no DST), the date users know it by.
    render: (_: unknown, s: CaseView['steps'][number]) =>
      formatThaiDate(new Date(Date.parse(s.at) + 7 * 3600_000).toISOString().slice(0, 10)),
  },
  {
    title: 'เหตุผล/อ้างอิง',
    key: 'reason',
    render: (_: unknown, s: CaseView['steps'][number]) =>
      [s.reason, s.reference].filter(Boolean).join(' · ') || '—',
  },
  {
    title: 'ลายมือชื่อ',
    key: 'sig',
    render: (_: unknown, s: CaseView['steps'][number]) =>
      s.signatureId ? <Tag color="green">ลงนามแล้ว</Tag> : s.late ? <Tag color="red">ล่าช้า</Tag> : '—',
  },
];

/**
 * One workflow case (ข้อ 3, ข้อ 4): what is asked, the steps so far, and only the actions the
 * server says this user may take now. A step that needs a personal signature (ADR 0107) shows
 * exactly what is signed, asks for the passkey, then takes the step with the signature.
 */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useLang();
  const [c, setC] = useState<CaseView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const [password, setPassword] = useState('');
  const [signing, setSigning] = useState<{ action: string; req: SignRequest } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setC(await api<CaseView>('GET', `/api/v1/workflows/cases/${caseId}`));
    } catch (e) {
      setError(e as ApiError);
    }
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = busyRunner(setBusy, setError);

  const act = (action: string, signatureId: string | null = null) =>
    run(async () => {
      if (!c) return;
      const next = await api<CaseView>('POST', `/api/v1/workflows/cases/${c.id}/actions`, {
        action,
        version: c.version,
        reason: reason || null,
        reference: reference || null,
        signatureId,
      });
      setC(next);
      setSigning(null);
      setReason('');
      setReference('');
    });

  const prepareSignature = (action: string, decision: string) =>
    run(async () => {
      if (!c) return;
      const req = await api<SignRequest>(
        'GET',
        `/api/v1/people/${c.personId}/sign-request?decision=${decision}`,
      );
      setSigning({ action, req });
    });

  const registerPasskey = () =>
    run(async () => {
      const optionsJSON = await api<never>('POST', '/api/v1/signing/credentials/options', {});
      const response = await startRegistration({ optionsJSON });
      await api('POST', '/api/v1/signing/credentials', { response, label: 'passkey' });
      if (signing && c) {
        const decision = transitionOf(c, signing.action)?.signature ?? '';
        const req = await api<SignRequest>(
          'GET',
          `/api/v1/people/${c.personId}/sign-request?decision=${decision}`,
        );
        setSigning({ action: signing.action, req });
      }
    });

  const signAndAct = async () => {
    if (!signing) return;
    let signatureId: string | null = null;
    await run(async () => {
      const response = await startAuthentication({ optionsJSON: signing.req.options });
      const r = await api<{ id: string }>('POST', '/api/v1/signatures', {
        payload: signing.req.canonical,
        response,
      });
      signatureId = r.id;
    });
    if (signatureId) await act(signing.action, signatureId);
  };

  const reauth = () =>
    run(async () => {
      await api('POST', '/api/auth/reauth', { password });
      setPassword('');
    });

  if (!c)
    return error ? (
      <Alert type="error" showIcon message={error.message} />
    ) : (
      <Typography.Text>กำลังโหลด…</Typography.Text>
    );

  const changes = (c.data.changes as { item: string; field?: string; to?: unknown }[] | undefined) ?? [];
  const transitions = c.allowed.map((a) => ({ action: a, t: transitionOf(c, a) }));
  const needsReason = transitions.some((x) => x.t?.reasonRequired);
  const needsReference = transitions.some((x) => x.t?.referenceRequired);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1000 }}>
      <Typography.Title level={3}>{c.kindTh}</Typography.Title>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label="ตามระเบียบ">{c.clause}</Descriptions.Item>
        <Descriptions.Item label="เจ้าของประวัติ">
          <Link to={`/people/${c.personId}`}>{c.personName || '—'}</Link>
        </Descriptions.Item>
        <Descriptions.Item label="สถานะ">
          <span data-testid="case-status">{c.statusTh}</span>
        </Descriptions.Item>
        {c.stepDueDate && !c.closedAt && (
          <Descriptions.Item label="กำหนดเสร็จ">
            {formatThaiDate(c.stepDueDate)} {c.overdue && <Tag color="red">เกินกำหนด</Tag>}
          </Descriptions.Item>
        )}
        {typeof c.data.hiddenChanges === 'number' && (
          <Descriptions.Item label={t('hiddenChanges')}>
            <span data-testid="hidden-changes">{c.data.hiddenChanges}</span>
          </Descriptions.Item>
        )}
        {changes.map((ch) => (
          <Descriptions.Item key={`${ch.item}-${ch.field ?? ''}`} label="ข้อมูลที่ขอแก้ไข">
            {ch.field === 'birthDate' && typeof ch.to === 'string'
              ? `วัน เดือน ปีเกิด → ${formatThaiDate(ch.to, { style: 'long' })}`
              : `${ch.item}${ch.field ? ` ${ch.field}` : ''} → ${JSON.stringify(ch.to ?? '')}`}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Card title="ขั้นตอนที่ผ่านมา">
        <Table rowKey="seq" size="small" columns={stepColumns} dataSource={c.steps} pagination={false} />
      </Card>
      {error && <Alert type="error" showIcon message={error.message} data-testid="case-error" />}
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
      {transitions.length > 0 && (
        <Card title="ดำเนินการ" data-testid="case-actions">
          <Space direction="vertical" style={{ width: '100%' }}>
            {needsReason && (
              <Input.TextArea
                aria-label="เหตุผล"
                placeholder="เหตุผล (จำเป็นเมื่อส่งคืนหรือไม่อนุมัติ)"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
            {needsReference && (
              <Input
                aria-label="เลขที่มติหรือหนังสืออนุมัติ"
                placeholder="เช่น มติ ก.ค.ศ. ครั้งที่ 5/2569"
                value={reference}
                onChange={(e) => setReference(e.target.value)}
              />
            )}
            <Space wrap>
              {transitions.map(({ action, t }) => (
                <Button
                  key={action}
                  type={t?.reasonRequired ? 'default' : 'primary'}
                  danger={action === 'reject'}
                  loading={busy}
                  onClick={() => (t?.signature ? prepareSignature(action, t.signature) : act(action))}
                >
                  {ACTION_LABELS[action] ?? action}
                </Button>
              ))}
            </Space>
          </Space>
        </Card>
      )}
      {signing && (
        <Card title="สิ่งที่จะลงนาม" data-testid="case-sign">
          <Typography.Paragraph data-testid="sign-summary">{signing.req.summaryTh}</Typography.Paragraph>
          <Space>
            {!signing.req.hasCredential && (
              <Button onClick={registerPasskey} loading={busy}>
                ลงทะเบียนกุญแจลงนาม (passkey)
              </Button>
            )}
            <Button type="primary" disabled={!signing.req.hasCredential} loading={busy} onClick={signAndAct}>
              ลงนามด้วยกุญแจลงนาม
            </Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
