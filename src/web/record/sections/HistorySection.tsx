import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { fieldLabel } from '../../../domain/i18n/fields.ts';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import { LEAVE_TYPE_LABELS } from '../../../domain/record/enums.ts';
import { RECORD_ITEM_LABELS, type RecordItemKey } from '../../../domain/record/items.ts';
import type { HistoryRow } from '../../api/types.ts';
import { fmtDate } from '../../i18n/format.ts';
import { useLang } from '../../i18n/lang.tsx';
import { historyValue } from './historyValue.ts';
import { SectionHead } from './ItemSection.tsx';

/** Item 27: every change (date in พ.ศ., item, field, from → to, by whom), newest first. */
export function HistorySection({ rows, loading }: { rows: HistoryRow[]; loading?: boolean }) {
  const { t, lang } = useLang();
  const columns: ColumnsType<HistoryRow> = [
    {
      key: 'at',
      title: t('historyDate'),
      width: 120,
      render: (_v, r) => fmtDate(todayInBangkok(new Date(r.at)), lang),
    },
    {
      key: 'item',
      title: t('historyItem'),
      width: 280,
      render: (_v, r) => (
        <>
          <div>{RECORD_ITEM_LABELS[r.item as RecordItemKey]?.[lang] ?? r.item}</div>
          {r.field && <div className="ks16-subline">{fieldLabel(r.field, lang, LEAVE_TYPE_LABELS)}</div>}
        </>
      ),
    },
    {
      key: 'from',
      title: t('historyFrom'),
      width: 220,
      render: (_v, r) => historyValue(r.item, r.field, r.from, lang),
    },
    { key: 'to', title: t('historyTo'), render: (_v, r) => historyValue(r.item, r.field, r.to, lang) },
    { key: 'by', title: t('historyBy'), width: 180, render: (_v, r) => r.actorName },
  ];
  return (
    <section className="ks16-section" data-testid="item-history" aria-labelledby="item-27">
      <SectionHead no={27} title={lang === 'th' ? 'ประวัติการเปลี่ยนแปลงแก้ไขข้อมูล' : 'Change history'} />
      <Table<HistoryRow>
        className="ks16-table"
        size="small"
        bordered
        tableLayout="fixed"
        loading={loading}
        rowKey={(r) => `${r.eventSeq}-${r.item}-${r.field}`}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
        locale={{ emptyText: t('noEntries') }}
      />
    </section>
  );
}
