import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { useLang } from '../../i18n/lang.tsx';

type Job = {
  id: string;
  status: string;
  source: string;
  totalPeople: number | null;
  importedPeople: number;
  rejectedPeople: number;
  errors: number;
  message: string | null;
};

/**
 * นำเข้าทะเบียนประวัติจากแฟ้ม XLSX ตามแบบฟอร์ม (docs/import-format.md): อัปโหลด → แถบความคืบหน้า →
 * ดาวน์โหลดรายการข้อผิดพลาด; และส่งออกทะเบียนในขอบเขตของตนเป็น XLSX.
 */
export function ImportPage() {
  const user = useUser();
  const { t } = useLang();
  const { importPeople, exportItems } = user.allowed;
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!jobId) return;
    let stop = false;
    const tick = async () => {
      try {
        const j = await api<Job>('GET', `/api/v1/imports/${jobId}`);
        if (stop) return;
        setJob(j);
        if (j.status === 'running') setTimeout(tick, 1000);
      } catch (e) {
        if (!stop) setError((e as Error).message);
      }
    };
    void tick();
    return () => {
      stop = true;
    };
  }, [jobId]);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setJob(null);
    try {
      const { csrfToken } = await api<{ csrfToken: string }>('GET', '/api/auth/session');
      const form = new FormData();
      form.append('file', file);
      const res = await fetch('/api/v1/imports', {
        method: 'POST',
        body: form,
        headers: { 'x-csrf-token': csrfToken, 'x-khru-source': 'web' },
        credentials: 'same-origin',
      });
      const body = (await res.json()) as {
        id?: string;
        error?: { message: string; fields?: { message: string }[] };
      };
      if (!res.ok || !body.id)
        throw new Error(
          [
            body.error?.message ?? `HTTP ${res.status}`,
            ...(body.error?.fields ?? []).map((f) => f.message),
          ].join(' — '),
        );
      setJobId(body.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const done = (job?.importedPeople ?? 0) + (job?.rejectedPeople ?? 0);
  const percent = job?.totalPeople
    ? Math.round((done / job.totalPeople) * 100)
    : job?.status === 'done'
      ? 100
      : 0;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 800 }}>
      <Typography.Title level={3}>นำเข้าและส่งออกทะเบียนประวัติ</Typography.Title>
      {!importPeople && (
        <Alert type="info" showIcon message={t('importNotAllowed')} data-testid="import-not-allowed" />
      )}
      {importPeople && (
        <Card title="นำเข้าจากแฟ้ม XLSX ตามแบบฟอร์ม">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>
              หนึ่งแผ่นงานต่อกลุ่มข้อมูล (people, names, service, leave …) หัวคอลัมน์ตามแบบฟอร์ม
              บุคคลที่มีข้อมูลผิดแม้แถวเดียวจะไม่ถูกนำเข้า และจะได้รับรายการข้อผิดพลาดรายแถว
            </Typography.Paragraph>
            <Upload
              accept=".xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                void upload(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy} type="primary">
                เลือกแฟ้ม .xlsx
              </Button>
            </Upload>
            {error && <Alert type="error" message={error} showIcon />}
            {job && (
              <>
                <Progress
                  percent={percent}
                  status={
                    job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'
                  }
                  aria-label="ความคืบหน้าการนำเข้า"
                />
                <Typography.Text data-testid="import-summary">
                  {job.source}: นำเข้าแล้ว {job.importedPeople} คน, ไม่ผ่าน {job.rejectedPeople} คน
                  {job.totalPeople ? ` จาก ${job.totalPeople} คน` : ''} {job.message ?? ''}
                </Typography.Text>
                {job.errors > 0 && (
                  <a href={`/api/v1/imports/${job.id}/errors.xlsx`}>
                    <DownloadOutlined /> ดาวน์โหลดรายการข้อผิดพลาด ({job.errors} รายการ)
                  </a>
                )}
              </>
            )}
          </Space>
        </Card>
      )}
      {exportItems.length > 0 && (
        <Card title="ส่งออกทะเบียนประวัติในความรับผิดชอบ">
          <Space direction="vertical">
            <a href="/api/v1/exports/records?format=xlsx" data-testid="export-link">
              <DownloadOutlined /> ดาวน์โหลดเป็น XLSX (นำเข้าใหม่ได้)
            </a>
            <Typography.Text type="secondary">{t('exportItemsOnly')}</Typography.Text>
          </Space>
        </Card>
      )}
    </Space>
  );
}
