import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { AUDIT_EVENT_GROUPS, auditEventLabel } from '../../../domain/audit-events.ts';
import { fieldLabel, fieldMessage } from '../../../domain/i18n/fields.ts';
import { LEAVE_TYPE_LABELS } from '../../../domain/record/enums.ts';
import { RECORD_ITEM_KEYS, RECORD_ITEM_LABELS, type RecordItemKey } from '../../../domain/record/items.ts';
import { ApiError, api } from '../../api/client.ts';
import { fmtDateTime } from '../../i18n/format.ts';
import { useLang, useStrings } from '../../i18n/lang.tsx';
import { ThaiDateInput } from '../../record/inputs/ThaiDateInput.tsx';
import { historyValue } from '../../record/sections/historyValue.ts';

type AuditEvent = {
  seq: number;
  at: string;
  eventType: string;
  item: string | null;
  actorName: string;
  actorRoles: string[];
  person: { name: string; nationalId: string } | null;
  changes: { field: string; from: string | null; to: string | null }[];
  source: string;
  authMethod: string | null;
  ip: string | null;
};
type AuditPage = { items: AuditEvent[]; nextBefore: number | null };
type Problem = { code: string; seq: number | null; th: string; en: string };
type ChainStatus = {
  ok: boolean;
  chain: { ok: boolean; events: number; lastSeq: number | null; firstBadSeq: number | null };
  checkpoints: number;
  latest: { seq: number; count: number; at: string } | null;
  uncovered: { events: number; fromSeq: number | null; since: string | null };
  problems: Problem[];
};
type Filters = {
  person?: string;
  actor?: string;
  item?: RecordItemKey;
  group?: string;
  from?: string | null;
  to?: string | null;
};

const S = {
  title: { th: 'บันทึกการตรวจสอบการใช้งาน (audit trail)', en: 'Audit trail' },
  help: {
    th: 'ผู้ควบคุมข้อมูลทะเบียนประวัติตรวจสอบการเข้าถึงและการแก้ไขข้อมูลได้ที่นี่ (ระเบียบ ก.ค.ศ. ข้อ 6.1.4) ทุกเหตุการณ์ถูกร้อยต่อกันด้วยค่าแฮชและมีจุดตรวจสอบที่ลงนาม แก้ไขหรือลบย้อนหลังไม่ได้โดยไม่ถูกตรวจพบ',
    en: 'The data controller reviews who read and changed the register here (regulation §6.1.4). Events are hash-chained with signed checkpoints: none can be changed or removed afterwards without detection.',
  },
  chainTitle: { th: 'ความครบถ้วนของบันทึก', en: 'Integrity of the trail' },
  verify: { th: 'ตรวจสอบห่วงโซ่ตอนนี้', en: 'Verify the chain now' },
  verifyHelp: {
    th: 'คำนวณค่าแฮชของทุกเหตุการณ์ใหม่และเทียบกับจุดตรวจสอบที่ลงนามไว้ (อาจใช้เวลาหลายวินาทีเมื่อบันทึกมีจำนวนมาก)',
    en: 'Recomputes every event’s hash and compares it with the signed checkpoints (may take several seconds on a long trail).',
  },
  sign: { th: 'ลงนามจุดตรวจสอบตอนนี้', en: 'Sign a checkpoint now' },
  signed: { th: 'ลงนามจุดตรวจสอบแล้ว', en: 'Checkpoint signed' },
  unchanged: { th: 'ไม่มีเหตุการณ์ใหม่ตั้งแต่จุดตรวจสอบล่าสุด', en: 'No new events since the latest checkpoint' },
  export: { th: 'ส่งออกจุดตรวจสอบให้หน่วยงานภายนอกเก็บ', en: 'Export checkpoints for a third party' },
  ok: { th: 'ครบถ้วน ไม่พบการแก้ไข', en: 'Intact, no tampering found' },
  broken: { th: 'พบปัญหา', en: 'Problems found' },
  events: { th: 'จำนวนเหตุการณ์', en: 'Events' },
  checkpoints: { th: 'จุดตรวจสอบที่ลงนาม', en: 'Signed checkpoints' },
  latest: { th: 'จุดตรวจสอบล่าสุด', en: 'Latest checkpoint' },
  uncovered: {
    th: 'เหตุการณ์หลังจุดตรวจสอบล่าสุด (ยังไม่มีลายมือชื่อคุ้มครอง)',
    en: 'Events after the latest checkpoint (not yet covered by a signature)',
  },
  none: { th: 'ยังไม่มี', en: 'None yet' },
  filters: { th: 'ค้นหาเหตุการณ์', en: 'Find events' },
  any: { th: 'ทั้งหมด', en: 'All' },
  apply: { th: 'ค้นหา', en: 'Search' },
  clear: { th: 'ล้างเงื่อนไข', en: 'Clear' },
  colAt: { th: 'วันเวลา', en: 'When' },
  colWhat: { th: 'เหตุการณ์', en: 'What' },
  colWho: { th: 'ผู้ดำเนินการ', en: 'By' },
  colPerson: { th: 'เจ้าของประวัติ', en: 'Record owner' },
  colChanges: { th: 'ข้อมูลที่เปลี่ยน', en: 'Changes' },
  colFrom: { th: 'ช่องทาง', en: 'Channel' },
  more: { th: 'แสดงเพิ่มเติม', en: 'Show more' },
  empty: { th: 'ไม่พบเหตุการณ์ตามเงื่อนไข', en: 'No events match' },
  nobody: { th: 'ไม่ระบุบุคคล', en: 'No person' },
  moreChanges: { th: 'และอีก', en: 'and' },
  fields: { th: 'ช่อง', en: 'more fields' },
  shown: { th: 'แสดง', en: 'Showing' },
  entries: { th: 'เหตุการณ์', en: 'events' },
  newestFirst: { th: 'ล่าสุดก่อน', en: 'newest first' },
} as const;

const SOURCES: Record<string, { th: string; en: string }> = {
  web: { th: 'เว็บ', en: 'Web' },
  api: { th: 'บริการเว็บ (API)', en: 'Web service (API)' },
  job: { th: 'งานอัตโนมัติ', en: 'Scheduled job' },
  cli: { th: 'คำสั่งผู้ดูแลระบบ', en: 'Administrator command' },
  seed: { th: 'ข้อมูลตั้งต้น', en: 'Initial data' },
};

const digits = (s: string | undefined) => (s ?? '').replace(/\D/g, '') || undefined;

function query(f: Filters, before: number | null): string {
  const p = new URLSearchParams();
  const person = digits(f.person);
  const actor = digits(f.actor);
  if (person) p.set('person', person);
  if (actor) p.set('actor', actor);
  if (f.item) p.set('item', f.item);
  if (f.group) p.set('group', f.group);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (before) p.set('before', String(before));
  p.set('limit', '50');
  return p.toString();
}

/**
 * The data controller's audit screen (issue 16 §1): the chain's verification against its signed
 * checkpoints (ADR 0115), and the events of the people in his scope filtered by person, actor,
 * record item, kind and period (ADR 0118) — in words, never codes or payloads.
 */
export function AuditPage() {
  const { lang } = useLang();
  const s = useStrings(S);
  const { message } = App.useApp();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});

  const chain = useQuery({
    queryKey: ['audit-chain'],
    queryFn: () => api<ChainStatus>('GET', '/api/v1/audit/chain'),
    enabled: false,
  });
  const checkpoint = useMutation({
    mutationFn: () => api<{ created: boolean; seq: number }>('POST', '/api/v1/audit/checkpoints'),
    onSuccess: (r) => {
      message.success(r.created ? s('signed') : s('unchanged'));
      if (chain.data) void chain.refetch(); // a verdict on screen is brought up to date
    },
    onError: (e) => message.error((e as Error).message),
  });
  const list = useInfiniteQuery({
    queryKey: ['audit-events', filters],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => api<AuditPage>('GET', `/api/v1/audit/events?${query(filters, pageParam)}`),
    getNextPageParam: (last) => last.nextBefore,
    retry: false,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  // A refused filter marks its field, in the screen's language, and keeps what was typed.
  const err = list.error instanceof ApiError ? list.error : null;
  const fieldErrors = new Map<string, string>();
  for (const f of err?.fields ?? []) fieldErrors.set(f.field, fieldMessage(f.field, f.messageKey, lang));
  const status = (name: string) =>
    fieldErrors.has(name) ? { validateStatus: 'error' as const, help: fieldErrors.get(name) } : {};

  const columns: ColumnsType<AuditEvent> = [
    { key: 'at', title: s('colAt'), width: 150, render: (_v, e) => fmtDateTime(e.at, lang) },
    {
      key: 'what',
      title: s('colWhat'),
      width: 230,
      render: (_v, e) => (
        <>
          <div>{auditEventLabel(e.eventType, lang)}</div>
          {e.item && (
            <div className="ks16-subline">{RECORD_ITEM_LABELS[e.item as RecordItemKey]?.[lang] ?? ''}</div>
          )}
        </>
      ),
    },
    { key: 'who', title: s('colWho'), width: 170, render: (_v, e) => e.actorName },
    {
      key: 'person',
      title: s('colPerson'),
      width: 190,
      render: (_v, e) =>
        e.person ? (
          <>
            <div>{e.person.name}</div>
            <div className="ks16-subline">{e.person.nationalId}</div>
          </>
        ) : (
          <Typography.Text type="secondary">{s('nobody')}</Typography.Text>
        ),
    },
    {
      key: 'changes',
      title: s('colChanges'),
      render: (_v, e) => {
        if (!e.changes.length) return '—';
        const shown = e.changes.slice(0, 4);
        return (
          <ul style={{ margin: 0, paddingInlineStart: 16 }}>
            {shown.map((c) => (
              <li key={c.field}>
                {fieldLabel(c.field, lang, LEAVE_TYPE_LABELS)}:{' '}
                {historyValue(e.item ?? '', c.field, c.from, lang)} →{' '}
                {historyValue(e.item ?? '', c.field, c.to, lang)}
              </li>
            ))}
            {e.changes.length > shown.length && (
              <li>
                {s('moreChanges')} {e.changes.length - shown.length} {s('fields')}
              </li>
            )}
          </ul>
        );
      },
    },
    {
      key: 'channel',
      title: s('colFrom'),
      width: 130,
      responsive: ['lg'],
      render: (_v, e) => (
        <>
          <div>{SOURCES[e.source]?.[lang] ?? '—'}</div>
          {e.ip && <div className="ks16-subline">{e.ip}</div>}
        </>
      ),
    },
  ];

  const c = chain.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="audit-page">
      <div>
        <Typography.Title level={3}>{s('title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{s('help')}</Typography.Paragraph>
      </div>

      <Card title={s('chainTitle')} data-testid="audit-chain">
        <Typography.Paragraph type="secondary">{s('verifyHelp')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined aria-hidden />}
            loading={chain.isFetching}
            onClick={() => void chain.refetch()}
          >
            {s('verify')}
          </Button>
          <Button loading={checkpoint.isPending} onClick={() => checkpoint.mutate()}>
            {s('sign')}
          </Button>
          <a href="/api/v1/audit/checkpoints/export" download>
            {s('export')}
          </a>
        </Space>
        {chain.error && <Alert type="error" showIcon message={(chain.error as Error).message} />}
        {c && (
          <>
            <Alert
              type={c.ok ? 'success' : 'error'}
              showIcon
              data-testid="audit-chain-verdict"
              message={c.ok ? s('ok') : s('broken')}
              description={
                c.problems.length ? (
                  <ul style={{ margin: 0 }}>
                    {c.problems.map((p) => (
                      <li key={`${p.code}-${p.seq}`}>{lang === 'th' ? p.th : p.en}</li>
                    ))}
                  </ul>
                ) : undefined
              }
              style={{ marginBottom: 12 }}
            />
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label={s('events')}>
                {c.chain.events.toLocaleString('th-TH')}
              </Descriptions.Item>
              <Descriptions.Item label={s('checkpoints')}>
                {c.checkpoints.toLocaleString('th-TH')}
              </Descriptions.Item>
              <Descriptions.Item label={s('latest')}>
                {c.latest ? fmtDateTime(c.latest.at, lang) : s('none')}
              </Descriptions.Item>
              <Descriptions.Item label={s('uncovered')}>
                {c.uncovered.events.toLocaleString('th-TH')}
                {c.uncovered.events > 0 && c.uncovered.since
                  ? ` (${fmtDateTime(c.uncovered.since, lang)})`
                  : ''}
              </Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Card>

      <Card title={s('filters')}>
        <Form<Filters>
          form={form}
          layout="vertical"
          onFinish={(v) => setFilters({ ...v })}
          data-testid="audit-filters"
        >
          <Space wrap align="start" size="middle">
            <Form.Item name="person" label={fieldLabel('person', lang)} {...status('person')}>
              <Input inputMode="numeric" allowClear style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="actor" label={fieldLabel('actor', lang)} {...status('actor')}>
              <Input inputMode="numeric" allowClear style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="item" label={fieldLabel('item', lang)} {...status('item')}>
              <Select
                allowClear
                placeholder={s('any')}
                style={{ width: 260 }}
                options={RECORD_ITEM_KEYS.map((k) => ({ value: k, label: RECORD_ITEM_LABELS[k][lang] }))}
              />
            </Form.Item>
            <Form.Item name="group" label={fieldLabel('group', lang)} {...status('group')}>
              <Select
                allowClear
                placeholder={s('any')}
                style={{ width: 200 }}
                options={Object.entries(AUDIT_EVENT_GROUPS).map(([k, l]) => ({ value: k, label: l[lang] }))}
              />
            </Form.Item>
            <Form.Item name="from" label={fieldLabel('from', lang)} {...status('from')}>
              <ThaiDateInput aria-label={fieldLabel('from', lang)} />
            </Form.Item>
            <Form.Item name="to" label={fieldLabel('to', lang)} {...status('to')}>
              <ThaiDateInput aria-label={fieldLabel('to', lang)} />
            </Form.Item>
          </Space>
          <Space>
            <Button type="primary" htmlType="submit">
              {s('apply')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {s('clear')}
            </Button>
          </Space>
        </Form>
      </Card>

      {err && !err.fields.length && <Alert type="error" showIcon message={err.message} />}
      <Table<AuditEvent>
        rowKey="seq"
        size="small"
        data-testid="audit-events"
        loading={list.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: s('empty') }}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {s('more')}
        </Button>
      )}
      {rows.length > 0 && (
        <Typography.Text type="secondary" data-testid="audit-shown">
          {s('shown')} {rows.length.toLocaleString('th-TH')} {s('entries')}
          {list.hasNextPage ? ` (${s('newestFirst')})` : ''}
        </Typography.Text>
      )}
    </Space>
  );
}
