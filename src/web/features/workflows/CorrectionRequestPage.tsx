import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type ApiError, api } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import type { CaseView } from './CasePage.tsx';
import { DateField } from './DateField.tsx';

type Field = 'birthDate' | 'appointmentDate' | 'bloodGroup' | 'subjectGroup';

/** The field and who decides (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 4.2): shown so the owner knows where it goes. */
const FIELDS: { value: Field; label: string; route: string; date: boolean }[] = [
  {
    value: 'birthDate',
    label: 'วัน เดือน ปีเกิด',
    route: 'ส่วนราชการต้นสังกัดเสนอ ก.ค.ศ. พิจารณา แล้วสำนักงาน ก.ค.ศ. บันทึกแก้ไข (ข้อ 4.2.1)',
    date: true,
  },
  {
    value: 'appointmentDate',
    label: 'วัน เดือน ปี ที่บรรจุ',
    route: 'ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาอนุมัติโดยอนุมัติ อ.ก.ค.ศ. (ข้อ 4.2.2)',
    date: true,
  },
  {
    value: 'bloodGroup',
    label: 'หมู่โลหิต',
    route: 'ผู้จัดทำทะเบียนประวัติตรวจสอบ ผู้มีอำนาจสั่งแก้ไข (ข้อ 4.2.3)',
    date: false,
  },
  {
    value: 'subjectGroup',
    label: 'กลุ่มสาระ/วิชาเอก',
    route: 'ผู้จัดทำทะเบียนประวัติตรวจสอบ ผู้มีอำนาจสั่งแก้ไข (ข้อ 4.2.3)',
    date: false,
  },
];

/** The owner files a request to correct her record (ข้อ 4.1); it is routed by what it changes. */
export function CorrectionRequestPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [field, setField] = useState<Field>('birthDate');
  const [value, setValue] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const def = FIELDS.find((f) => f.value === field)!;

  if (!user.personId) return <Alert type="info" showIcon message="บัญชีนี้ไม่มีทะเบียนประวัติของตนเอง" />;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const c = await api<CaseView>('POST', `/api/v1/people/${user.personId}/correction-requests`, {
        changes: [{ item: 'personal', field, to: value }],
        note: note || null,
      });
      navigate(`/cases/${c.id}`);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 800 }}>
      <Typography.Title level={3}>คำขอแก้ไขข้อมูลทะเบียนประวัติ</Typography.Title>
      {error && (
        <Alert
          type="error"
          showIcon
          message={error.message}
          description={error.fields.map((f) => f.message).join(', ') || undefined}
        />
      )}
      <Card>
        <Form layout="vertical">
          <Form.Item label="ข้อมูลที่ขอแก้ไข">
            <Select
              aria-label="ข้อมูลที่ขอแก้ไข"
              value={field}
              onChange={(v) => {
                setField(v);
                setValue(null);
              }}
              options={FIELDS.map((f) => ({ value: f.value, label: f.label }))}
              style={{ maxWidth: 420 }}
            />
          </Form.Item>
          <Alert type="info" message={`ผู้พิจารณา: ${def.route}`} style={{ marginBottom: 16 }} />
          <Form.Item label="ข้อมูลที่ถูกต้อง">
            {def.date ? (
              <DateField key={field} label="ข้อมูลที่ถูกต้อง" onChange={setValue} />
            ) : (
              <Input
                aria-label="ข้อมูลที่ถูกต้อง"
                value={value ?? ''}
                onChange={(e) => setValue(e.target.value || null)}
                style={{ maxWidth: 420 }}
              />
            )}
          </Form.Item>
          <Form.Item label="เหตุผลและเอกสารหลักฐาน">
            <Input.TextArea
              aria-label="เหตุผลและเอกสารหลักฐาน"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={3}
            />
          </Form.Item>
          <Button type="primary" onClick={submit} loading={busy} disabled={!value}>
            ยื่นคำขอ
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
