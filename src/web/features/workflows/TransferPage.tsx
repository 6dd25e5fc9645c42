import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type ApiError, api } from '../../api/client.ts';
import { OfficeSelect } from '../../search/OfficeSelect.tsx';
import { DateField } from './DateField.tsx';

type Result = { personId: string; orderId: string; revokedAssignments: number };

/**
 * The records officer of the *new* office records a move within the ministry (ระเบียบ ก.ค.ศ.
 * คู่มือ ข้อ 5.2.1): the person is found by national ID, the order goes into item 15, and the
 * record with its history moves to the new office at once.
 */
export function TransferPage() {
  const [nationalId, setNationalId] = useState('');
  const [office, setOffice] = useState<{ value: string; label: string }>();
  const [number, setNumber] = useState('');
  const [orderDate, setOrderDate] = useState<string | null>(null);
  const [positionTitle, setPositionTitle] = useState('ครู');
  const [positionNumber, setPositionNumber] = useState('');
  const [rankLevel, setRankLevel] = useState('คศ.1');
  const [salary, setSalary] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(
        await api<Result>('POST', '/api/v1/transfers/move', {
          nationalId,
          officeId: office?.value ?? '',
          number,
          orderDate,
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
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
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

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 800 }}>
      <Typography.Title level={3}>บันทึกคำสั่งย้าย (สังกัดใหม่บันทึก)</Typography.Title>
      <Typography.Paragraph type="secondary">
        ข้อ 5.2.1 เมื่อมีคำสั่งย้าย ผู้จัดทำทะเบียนประวัติของสังกัดใหม่บันทึกคำสั่ง ทะเบียนประวัติพร้อมประวัติทั้งหมดย้ายมาทันที
        และสิทธิ์ตามตำแหน่งเดิมของผู้ถูกย้ายสิ้นสุด (ข้อ 2.2.3)
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          message={error.message}
          description={error.fields.map((f) => f.message).join(', ') || undefined}
          data-testid="transfer-error"
        />
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid="transfer-done"
          message="บันทึกคำสั่งย้ายแล้ว"
          description={<Link to={`/people/${done.personId}`}>เปิดทะเบียนประวัติ</Link>}
        />
      )}
      <Card>
        <Form layout="vertical">
          {text('เลขประจำตัวประชาชนของผู้ถูกย้าย', nationalId, (s) => setNationalId(s.replace(/[\s-]/g, '')))}
          <Form.Item label="สังกัดใหม่">
            <OfficeSelect value={office} onChange={setOffice} />
          </Form.Item>
          {text('คำสั่งที่', number, setNumber)}
          <Form.Item label="ลงวันที่ (คำสั่ง)">
            <DateField label="ลงวันที่ (คำสั่ง)" onChange={setOrderDate} />
          </Form.Item>
          {text('ตำแหน่ง', positionTitle, setPositionTitle)}
          {text('เลขที่ตำแหน่ง', positionNumber, setPositionNumber)}
          {text('วิทยฐานะ/ระดับ', rankLevel, setRankLevel)}
          {text('อัตราเงินเดือน (บาท)', salary, setSalary)}
          <Button type="primary" onClick={submit} loading={busy}>
            บันทึกคำสั่งย้าย
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
