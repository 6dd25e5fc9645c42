import { Form, InputNumber, Table } from 'antd';
import { LEAVE_TYPE_LABELS, LEAVE_TYPES } from '../../../domain/record/enums.ts';
import { useLang } from '../../i18n/lang.tsx';

type Row = { key: (typeof LEAVE_TYPES)[number] };

/** Item 25: times and days for every leave column of the form (each required; 0 when none). */
export function LeaveGrid() {
  const { t, lang } = useLang();
  const rows: Row[] = LEAVE_TYPES.map((key) => ({ key }));
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      columns={[
        { key: 'type', title: t('leaveType'), render: (_v, r) => LEAVE_TYPE_LABELS[r.key][lang] },
        {
          key: 'times',
          title: t('times'),
          width: 120,
          render: (_v, r) => (
            <Form.Item name={[r.key, 'times']} style={{ margin: 0 }}>
              <InputNumber
                min={0}
                precision={0}
                style={{ width: '100%' }}
                aria-label={`${LEAVE_TYPE_LABELS[r.key][lang]} ${t('times')}`}
              />
            </Form.Item>
          ),
        },
        {
          key: 'days',
          title: t('days'),
          width: 120,
          render: (_v, r) => (
            <Form.Item name={[r.key, 'days']} style={{ margin: 0 }}>
              <InputNumber
                min={0}
                step={0.5}
                style={{ width: '100%' }}
                aria-label={`${LEAVE_TYPE_LABELS[r.key][lang]} ${t('days')}`}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
