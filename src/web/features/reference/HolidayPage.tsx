import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { HOLIDAY_CONFIDENCE_LABELS, HOLIDAY_KIND_LABELS } from '../../../domain/business-days.ts';
import { fiscalYearOf } from '../../../domain/fiscal-year.ts';
import { fieldLabel, fieldMessage } from '../../../domain/i18n/fields.ts';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import { formatThaiDate } from '../../../domain/thai-date.ts';
import { ApiError, api } from '../../api/client.ts';
import { useLang, useStrings } from '../../i18n/lang.tsx';
import { ThaiDateInput } from '../../record/inputs/ThaiDateInput.tsx';

type Holiday = {
  date: string;
  nameTh: string;
  kind: string;
  confidence: string | null;
  source: string | null;
  updatedAt: string;
};
type Values = { date?: string | null; nameTh?: string; kind?: string };

const S = {
  title: { th: 'ตารางวันหยุดราชการ', en: 'Public holidays' },
  help: {
    th: 'วันทำการที่ใช้นับกำหนดเวลาของคำขอและคำสั่งทุกเรื่องข้ามวันหยุดในตารางนี้ เมื่อคณะรัฐมนตรีประกาศวันหยุดพิเศษหรือวันหยุดชดเชย ผู้ควบคุมข้อมูลของ สำนักงาน ก.ค.ศ. เพิ่มได้ที่นี่ วันที่ยังไม่มีประกาศยืนยันแสดงระดับความเชื่อมั่นไว้',
    en: 'Every deadline counted in working days skips the days in this table. When the cabinet declares a special or substitute day, OTEPC’s data controller adds it here. Days not yet confirmed by an announcement show how sure the table is.',
  },
  add: { th: 'เพิ่มวันหยุด', en: 'Add a holiday' },
  edit: { th: 'แก้ไข', en: 'Edit' },
  remove: { th: 'ลบ', en: 'Remove' },
  removeConfirm: { th: 'ลบวันหยุดนี้ออกจากตาราง?', en: 'Remove this day from the table?' },
  save: { th: 'บันทึก', en: 'Save' },
  cancel: { th: 'ยกเลิก', en: 'Cancel' },
  saved: { th: 'บันทึกวันหยุดแล้ว', en: 'Holiday saved' },
  removed: { th: 'ลบวันหยุดแล้ว', en: 'Holiday removed' },
  colDate: { th: 'วันที่', en: 'Date' },
  colName: { th: 'ชื่อวันหยุด', en: 'Holiday' },
  colKind: { th: 'ประเภท', en: 'Kind' },
  colConfidence: { th: 'ความเชื่อมั่น', en: 'Confidence' },
  colActions: { th: 'ดำเนินการ', en: 'Actions' },
  fy: { th: 'ปีงบประมาณ พ.ศ.', en: 'Fiscal year B.E.' },
  count: { th: 'วันหยุดในปีงบประมาณนี้', en: 'holidays in this fiscal year' },
  readOnly: {
    th: 'ตารางนี้แก้ไขได้โดยผู้ควบคุมข้อมูลของสำนักงาน ก.ค.ศ. เท่านั้น',
    en: 'Only OTEPC’s data controller edits this table.',
  },
  byAdmin: { th: 'บันทึกโดยผู้ดูแล', en: 'entered by an administrator' },
  empty: { th: 'ยังไม่มีวันหยุดในปีงบประมาณนี้', en: 'No holidays in this fiscal year yet' },
  nameThHelp: { th: 'ชื่อตามประกาศ (ภาษาไทย)', en: 'Name as announced (in Thai)' },
} as const;

const weekday = (iso: string, lang: 'th' | 'en') =>
  new Intl.DateTimeFormat(lang === 'th' ? 'th-TH' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/**
 * The holiday table (issue 16 §1, data controller): every fiscal year's days with their kind and
 * confidence; OTEPC's data controller adds, corrects and removes days (each audited). Everyone
 * else who opens it reads it.
 */
export function HolidayPage() {
  const { lang } = useLang();
  const s = useStrings(S);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [fy, setFy] = useState(() => fiscalYearOf(todayInBangkok()));
  const [editing, setEditing] = useState<Holiday | 'new' | null>(null);
  const [form] = Form.useForm<Values>();

  const list = useQuery({
    queryKey: ['holidays', fy],
    queryFn: () =>
      api<{ items: Holiday[]; canManage: boolean }>('GET', `/api/v1/reference/holidays?fiscalYear=${fy}`),
  });
  const canManage = list.data?.canManage ?? false;
  const save = useMutation({
    mutationFn: (v: Required<Values>) =>
      api('PUT', `/api/v1/reference/holidays/${encodeURIComponent(v.date ?? '')}`, {
        nameTh: v.nameTh,
        kind: v.kind,
      }),
    onSuccess: (_r, v) => {
      message.success(s('saved'));
      setEditing(null);
      if (v.date) setFy(fiscalYearOf(v.date));
      void qc.invalidateQueries({ queryKey: ['holidays'] });
    },
    onError: (e) => {
      // The server's refusal marks its field and keeps what was typed.
      if (e instanceof ApiError && e.fields.length) {
        form.setFields(
          e.fields.map((f) => ({
            name: f.field as keyof Values,
            errors: [fieldMessage(f.field === 'nameTh' ? 'holidayName' : f.field, f.messageKey, lang)],
          })),
        );
      } else message.error((e as Error).message);
    },
  });
  const remove = useMutation({
    mutationFn: (date: string) => api('DELETE', `/api/v1/reference/holidays/${encodeURIComponent(date)}`),
    onSuccess: () => {
      message.success(s('removed'));
      void qc.invalidateQueries({ queryKey: ['holidays'] });
    },
    onError: (e) => message.error((e as Error).message),
  });

  const open = (h: Holiday | 'new') => {
    setEditing(h);
    form.resetFields();
    if (h !== 'new') form.setFieldsValue({ date: h.date, nameTh: h.nameTh, kind: h.kind });
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    save.mutate({ date: v.date ?? '', nameTh: v.nameTh ?? '', kind: v.kind ?? '' });
  };
  const required = (field: string) => [
    { required: true, message: fieldMessage(field, 'err.required', lang) },
  ];

  const columns: ColumnsType<Holiday> = [
    {
      key: 'date',
      title: s('colDate'),
      width: 210,
      render: (_v, h) => (
        <>
          <div>{formatThaiDate(h.date, { style: 'long', lang })}</div>
          <div className="ks16-subline">{weekday(h.date, lang)}</div>
        </>
      ),
    },
    { key: 'name', title: s('colName'), dataIndex: 'nameTh' },
    {
      key: 'kind',
      title: s('colKind'),
      width: 230,
      responsive: ['md'],
      render: (_v, h) => HOLIDAY_KIND_LABELS[h.kind]?.[lang] ?? '—',
    },
    {
      key: 'confidence',
      title: s('colConfidence'),
      width: 220,
      render: (_v, h) => {
        const c = h.confidence ?? 'low';
        return (
          <Space direction="vertical" size={0}>
            <Tag color={c === 'high' ? 'green' : 'gold'} style={{ whiteSpace: 'normal' }}>
              {HOLIDAY_CONFIDENCE_LABELS[c]?.[lang] ?? '—'}
            </Tag>
            {h.source === 'admin' && <span className="ks16-subline">{s('byAdmin')}</span>}
          </Space>
        );
      },
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: s('colActions'),
            width: 150,
            render: (_v: unknown, h: Holiday) => (
              <Space>
                <Button size="small" onClick={() => open(h)} aria-label={`${s('edit')} ${h.nameTh}`}>
                  {s('edit')}
                </Button>
                <Popconfirm
                  title={s('removeConfirm')}
                  okText={s('remove')}
                  cancelText={s('cancel')}
                  onConfirm={() => remove.mutate(h.date)}
                >
                  <Button size="small" danger aria-label={`${s('remove')} ${h.nameTh}`}>
                    {s('remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const thisFy = fiscalYearOf(todayInBangkok());
  const years = [thisFy - 2, thisFy - 1, thisFy, thisFy + 1, thisFy + 2];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="holiday-page">
      <div>
        <Typography.Title level={3}>{s('title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{s('help')}</Typography.Paragraph>
      </div>
      <Space wrap>
        <label htmlFor="holiday-fy">{s('fy')}</label>
        <Select
          id="holiday-fy"
          value={fy}
          onChange={setFy}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open('new')}>
            {s('add')}
          </Button>
        )}
      </Space>
      {!canManage && list.data && <Alert type="info" showIcon message={s('readOnly')} />}
      {list.error && <Alert type="error" showIcon message={(list.error as Error).message} />}
      <Table<Holiday>
        rowKey="date"
        size="small"
        data-testid="holiday-table"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: s('empty') }}
      />
      {list.data && (
        <Typography.Text type="secondary">
          {list.data.items.length} {s('count')}
        </Typography.Text>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? s('add') : s('edit')}
        okText={s('save')}
        cancelText={s('cancel')}
        confirmLoading={save.isPending}
        onOk={() => void submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical">
          {editing === 'new' ? (
            <Form.Item name="date" label={fieldLabel('holidayDate', lang)} rules={required('holidayDate')}>
              <ThaiDateInput aria-label={fieldLabel('holidayDate', lang)} />
            </Form.Item>
          ) : (
            // A day is its date: correcting the date is removing the day and adding another.
            <Form.Item name="date" label={fieldLabel('holidayDate', lang)}>
              <Typography.Text strong>
                {editing
                  ? `${weekday(editing.date, lang)} ${formatThaiDate(editing.date, { style: 'long', lang })}`
                  : ''}
              </Typography.Text>
            </Form.Item>
          )}
          <Form.Item
            name="nameTh"
            label={fieldLabel('holidayName', lang)}
            extra={s('nameThHelp')}
            rules={required('holidayName')}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label={fieldLabel('kind', lang)} rules={required('kind')}>
            <Select
              options={Object.entries(HOLIDAY_KIND_LABELS).map(([k, l]) => ({ value: k, label: l[lang] }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
