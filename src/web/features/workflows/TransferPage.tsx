import { Alert, Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatThaiDate } from '../../../domain/thai-date.ts';
import { type ApiError, api } from '../../api/client.ts';
import { useLang } from '../../i18n/lang.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { OfficeSelect } from '../../search/OfficeSelect.tsx';
import { DateField } from './DateField.tsx';

type Requested = { caseId: string; status: string; statusTh: string; personName: string };
type Move = {
  caseId: string;
  status: string;
  statusTh: string;
  personName: string;
  fromOffice: string | null;
  toOffice: string | null;
  requestedBy: string;
  order: { number: string; orderDate: string; issuingAuthority: string };
  disputeReason: string | null;
};
type Moves = { holding: (Move & { personId: string; canDecide: boolean })[]; requested: Move[] };

const STATUS_KEYS: Record<string, StringKey> = {
  awaiting_confirmation: 'moveAwaiting',
  confirmed: 'moveConfirmed',
  disputed: 'moveDisputed',
};

/**
 * Moves within the ministry (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 5.2.1, ADR 0111): the records officer of the
 * *new* office records the order with its citation; the records officer of the holding office
 * confirms it (the record moves then) or disputes it with a reason. Both lists are on this page.
 */
export function TransferPage() {
  const { t, lang } = useLang();
  const [nationalId, setNationalId] = useState('');
  const [office, setOffice] = useState<{ value: string; label: string }>();
  const [number, setNumber] = useState('');
  const [orderDate, setOrderDate] = useState<string | null>(null);
  const [issuingAuthority, setIssuingAuthority] = useState('');
  const [positionTitle, setPositionTitle] = useState('ครู');
  const [positionNumber, setPositionNumber] = useState('');
  const [rankLevel, setRankLevel] = useState('คศ.1');
  const [salary, setSalary] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Requested | null>(null);
  const [busy, setBusy] = useState(false);
  const [moves, setMoves] = useState<Moves>({ holding: [], requested: [] });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [disputing, setDisputing] = useState<string | null>(null);
  const [decided, setDecided] = useState<{ caseId: string; status: string; personId?: string } | null>(null);

  const reload = useCallback(async () => {
    setMoves(await api<Moves>('GET', '/api/v1/transfers/moves'));
  }, []);
  useEffect(() => {
    void reload().catch((e) => setError(e as ApiError));
  }, [reload]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(
        await api<Requested>('POST', '/api/v1/transfers/move', {
          nationalId,
          officeId: office?.value ?? '',
          number,
          orderDate,
          issuingAuthority,
          // Item 15 entry of the move: the new place, as the order states it.
          entry: {
            effectiveDate: orderDate,
            positionTitle,
            agency: office?.label ?? '',
            standing: 'professional',
            positionNumber,
            positionType: 'teaching',
            rankLevel,
            salary,
            positionAllowance: null,
            compensation: null,
            otherSpecialPay: null,
            referenceDocument: `คำสั่ง ${number}`,
            mode: 'current',
            note: null,
          },
        }),
      );
      await reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const decide = async (m: Move & { personId: string }, what: 'confirm' | 'dispute') => {
    setError(null);
    try {
      const r = await api<{ caseId: string; status: string }>(
        'POST',
        `/api/v1/transfers/moves/${m.caseId}/${what}`,
        what === 'dispute' ? { reason: reasons[m.caseId] ?? '' } : {},
      );
      setDecided({ ...r, personId: what === 'dispute' ? m.personId : undefined });
      setDisputing(null);
      await reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const text = (label: string, value: string, set: (s: string) => void) => (
    <Form.Item label={label}>
      <Input
        aria-label={label}
        value={value}
        onChange={(e) => set(e.target.value)}
        style={{ maxWidth: 420 }}
      />
    </Form.Item>
  );
  const citation = (m: Move) =>
    t('moveOrder', {
      authority: m.order.issuingAuthority,
      number: m.order.number,
      date: formatThaiDate(m.order.orderDate, { style: 'long' }),
    });
  const route = (m: Move) => t('moveRoute', { from: m.fromOffice ?? '—', to: m.toOffice ?? '—' });
  // The status as the server words it in Thai; in English, our own wording of the same status.
  const status = (m: Move) =>
    lang === 'th' || !STATUS_KEYS[m.status] ? m.statusTh : t(STATUS_KEYS[m.status]!);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 800 }}>
      <Typography.Title level={3}>{t('moveTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('moveIntro')}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          message={error.message}
          description={error.fields.map((f) => f.message).join(', ') || undefined}
          data-testid="transfer-error"
        />
      )}
      {decided && (
        <Alert
          type="success"
          showIcon
          data-testid="move-decided"
          message={t(decided.status === 'confirmed' ? 'moveConfirmed' : 'moveDisputed')}
          description={
            decided.personId ? <Link to={`/people/${decided.personId}`}>{t('openRecord')}</Link> : undefined
          }
        />
      )}
      <Card title={t('moveHoldingTitle')} data-testid="moves-holding">
        <List
          dataSource={moves.holding}
          locale={{ emptyText: t('moveNone') }}
          renderItem={(m) => (
            <List.Item data-testid={`move-holding-${m.caseId}`}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>{m.personName}</Typography.Text>
                <Typography.Text>{route(m)}</Typography.Text>
                <Typography.Text>{citation(m)}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('moveRequestedBy', { name: m.requestedBy })}
                </Typography.Text>
                <Tag>{status(m)}</Tag>
                {m.disputeReason && (
                  <Typography.Text>{t('moveReason', { reason: m.disputeReason })}</Typography.Text>
                )}
                {m.canDecide && (
                  <Space wrap>
                    <Button type="primary" onClick={() => decide(m, 'confirm')}>
                      {t('moveConfirm')}
                    </Button>
                    <Button onClick={() => setDisputing(m.caseId)}>{t('moveDispute')}</Button>
                  </Space>
                )}
                {disputing === m.caseId && (
                  <Space wrap>
                    <Input
                      aria-label={t('moveDisputeReason')}
                      placeholder={t('moveDisputeReason')}
                      value={reasons[m.caseId] ?? ''}
                      onChange={(e) => setReasons({ ...reasons, [m.caseId]: e.target.value })}
                      style={{ minWidth: 320 }}
                    />
                    <Button danger onClick={() => decide(m, 'dispute')}>
                      {t('moveDisputeSend')}
                    </Button>
                  </Space>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('moveSubmit')}>
        {done && (
          <Alert
            type="info"
            showIcon
            data-testid="transfer-done"
            message={t('moveRequested', { name: done.personName })}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form layout="vertical">
          {text(t('moveNationalId'), nationalId, (s) => setNationalId(s.replace(/[\s-]/g, '')))}
          <Form.Item label={t('moveNewOffice')}>
            <OfficeSelect value={office} onChange={setOffice} />
          </Form.Item>
          {text(t('moveOrderNumber'), number, setNumber)}
          <Form.Item label={t('moveOrderDate')}>
            <DateField label={t('moveOrderDate')} onChange={setOrderDate} />
          </Form.Item>
          {text(t('moveIssuingAuthority'), issuingAuthority, setIssuingAuthority)}
          {text(t('movePosition'), positionTitle, setPositionTitle)}
          {text(t('movePositionNumber'), positionNumber, setPositionNumber)}
          {text(t('moveRankLevel'), rankLevel, setRankLevel)}
          {text(t('moveSalary'), salary, setSalary)}
          <Button type="primary" onClick={submit} loading={busy}>
            {t('moveSubmit')}
          </Button>
        </Form>
      </Card>
      <Card title={t('moveRequestedTitle')} data-testid="moves-requested">
        <List
          dataSource={moves.requested}
          locale={{ emptyText: t('moveNone') }}
          renderItem={(m) => (
            <List.Item data-testid={`move-requested-${m.caseId}`}>
              <Space direction="vertical">
                <Typography.Text strong>{m.personName}</Typography.Text>
                <Typography.Text>{citation(m)}</Typography.Text>
                <Tag>{status(m)}</Tag>
                {m.disputeReason && (
                  <Typography.Text>{t('moveReason', { reason: m.disputeReason })}</Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
