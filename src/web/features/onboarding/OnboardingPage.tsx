import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type ApiError, api } from '../../api/client.ts';
import { OfficeSelect } from '../../search/OfficeSelect.tsx';
import type { CaseView } from '../workflows/CasePage.tsx';
import { DateField } from '../workflows/DateField.tsx';

type Values = {
  nationalId: string;
  office?: { value: string; label: string };
  positionTitle: string;
  orderNumber: string;
  orderDate: string | null;
  appointmentDate: string | null;
  reportDate: string | null;
};

/**
 * The records officer opens a new hire's onboarding case from the appointment order (ระเบียบ
 * ก.ค.ศ. คู่มือ ข้อ 3.1). Only the national ID is typed: name and birth date come later from
 * Digital ID when the teacher signs in (ข้อ 3.2).
 */
export function OnboardingPage() {
  const navigate = useNavigate();
  const [v, setV] = useState<Values>({
    nationalId: '',
    positionTitle: 'ครูผู้ช่วย',
    orderNumber: '',
    orderDate: null,
    appointmentDate: null,
    reportDate: null,
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (p: Partial<Values>) => setV((x) => ({ ...x, ...p }));

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const c = await api<CaseView>('POST', '/api/v1/onboarding', {
        nationalId: v.nationalId,
        officeId: v.office?.value ?? '',
        positionTitle: v.positionTitle,
        orderNumber: v.orderNumber,
        orderDate: v.orderDate,
        appointmentDate: v.appointmentDate,
        reportDate: v.reportDate,
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
      <Typography.Title level={3}>เปิดเรื่องจัดทำทะเบียนประวัติผู้บรรจุใหม่</Typography.Title>
      <Typography.Paragraph type="secondary">
        บันทึกจากคำสั่งบรรจุและแต่งตั้ง (ข้อ 3.1) ชื่อและวันเกิดจะได้จากการยืนยันตัวตนด้วย Digital ID ของผู้บรรจุใหม่ ไม่ต้องพิมพ์ซ้ำ
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          message={error.message}
          description={error.fields.map((f) => f.message).join(', ') || undefined}
          data-testid="onboarding-error"
        />
      )}
      <Card>
        <Form layout="vertical">
          <Form.Item label="เลขประจำตัวประชาชนของผู้บรรจุใหม่">
            <Input
              aria-label="เลขประจำตัวประชาชนของผู้บรรจุใหม่"
              inputMode="numeric"
              maxLength={20}
              value={v.nationalId}
              onChange={(e) => set({ nationalId: e.target.value.replace(/[\s-]/g, '') })}
              style={{ maxWidth: 420 }}
            />
          </Form.Item>
          <Form.Item label="สถานศึกษา/หน่วยงานที่บรรจุ">
            <OfficeSelect value={v.office} onChange={(office) => set({ office })} />
          </Form.Item>
          <Form.Item label="ตำแหน่ง">
            <Input
              aria-label="ตำแหน่ง"
              value={v.positionTitle}
              onChange={(e) => set({ positionTitle: e.target.value })}
              style={{ maxWidth: 420 }}
            />
          </Form.Item>
          <Form.Item label="คำสั่งบรรจุที่">
            <Input
              aria-label="คำสั่งบรรจุที่"
              value={v.orderNumber}
              onChange={(e) => set({ orderNumber: e.target.value })}
              style={{ maxWidth: 420 }}
            />
          </Form.Item>
          <Form.Item label="ลงวันที่ (คำสั่ง)">
            <DateField label="ลงวันที่ (คำสั่ง)" onChange={(orderDate) => set({ orderDate })} />
          </Form.Item>
          <Form.Item label="วันที่บรรจุ">
            <DateField label="วันที่บรรจุ" onChange={(appointmentDate) => set({ appointmentDate })} />
          </Form.Item>
          <Form.Item label="วันที่รายงานตัว">
            <DateField label="วันที่รายงานตัว" onChange={(reportDate) => set({ reportDate })} />
          </Form.Item>
          <Button type="primary" onClick={submit} loading={busy}>
            เปิดเรื่อง
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
