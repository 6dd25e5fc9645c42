import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatThaiDate } from '../../../domain/thai-date.ts';
import { api } from '../../api/client.ts';
import { canSearch, useUser } from '../../app/auth.tsx';
import { useLang } from '../../i18n/lang.tsx';

type QueueEntry = {
  id: string;
  kindTh: string;
  statusTh: string;
  personId: string;
  personName: string;
  stepDueDate: string | null;
  overdue: boolean;
  actions: string[];
};
type Queue = { today: string; waiting: QueueEntry[]; overdue: QueueEntry[]; returned: QueueEntry[] };

const columns = [
  { title: 'เรื่อง', dataIndex: 'kindTh', key: 'kindTh' },
  {
    title: 'บุคคล',
    key: 'person',
    render: (_: unknown, e: QueueEntry) => <Link to={`/people/${e.personId}`}>{e.personName || '—'}</Link>,
  },
  { title: 'ขั้นตอน', dataIndex: 'statusTh', key: 'statusTh' },
  {
    title: 'ดำเนินการ',
    key: 'open',
    // The server put the case in this queue for this user; the case page shows only allowed actions.
    render: (_: unknown, e: QueueEntry) => <Link to={`/cases/${e.id}`}>เปิดเรื่อง</Link>,
  },
  {
    title: 'กำหนดเสร็จ',
    key: 'due',
    render: (_: unknown, e: QueueEntry) =>
      e.stepDueDate ? (
        <Space>
          {formatThaiDate(e.stepDueDate)}
          {e.overdue && <Tag color="red">เกินกำหนด</Tag>}
        </Space>
      ) : (
        '—'
      ),
  },
];

/** Work queues (GET /api/v1/workflows/queue): waiting for me, overdue, returned to me. */
export function QueuePage() {
  const user = useUser();
  const { t } = useLang();
  const q = useQuery({
    queryKey: ['workflow-queue'],
    queryFn: () => api<Queue>('GET', '/api/v1/workflows/queue'),
  });
  // Moves awaiting this office's confirmation (ข้อ 5.2.1, ADR 0111): decided on the moves page.
  const moves = useQuery({
    queryKey: ['moves-holding'],
    enabled: canSearch(user),
    queryFn: () => api<{ holding: { canDecide: boolean }[] }>('GET', '/api/v1/transfers/moves'),
  });
  const pendingMoves = moves.data?.holding.filter((m) => m.canDecide).length ?? 0;
  if (q.error) return <Alert type="error" showIcon message={(q.error as Error).message} />;
  const section = (title: string, testId: string, rows: QueueEntry[] | undefined) => (
    <Card title={`${title} (${rows?.length ?? 0})`} data-testid={testId}>
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        columns={columns}
        dataSource={rows ?? []}
        pagination={false}
      />
    </Card>
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>งานของฉัน</Typography.Title>
      <Space wrap size="large" data-testid="work-links">
        {user.personId && <Link to="/requests/new">ยื่นคำขอแก้ไขข้อมูลของฉัน</Link>}
        {canSearch(user) && <Link to="/onboarding">เปิดเรื่องผู้บรรจุใหม่</Link>}
        {canSearch(user) && <Link to="/transfers">บันทึกคำสั่งย้าย</Link>}
        {pendingMoves > 0 && (
          <Link to="/transfers" data-testid="moves-pending-link">
            {t('moveHoldingLink', { n: pendingMoves })}
          </Link>
        )}
      </Space>
      {section('เกินกำหนด', 'queue-overdue', q.data?.overdue)}
      {section('รอฉันดำเนินการ', 'queue-waiting', q.data?.waiting)}
      {section('ส่งคืนถึงฉัน', 'queue-returned', q.data?.returned)}
    </Space>
  );
}
