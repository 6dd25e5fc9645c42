import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ABILITY_FIELD_LABELS, ABILITY_FIELDS } from '../../../domain/record/enums.ts';
import { LIST_ITEMS } from '../../../domain/record/items.ts';
import { useLang } from '../../i18n/lang.tsx';
import { type AnyEntry, useEditing } from '../editing.tsx';
import { EntryActions, SectionHead } from './ItemSection.tsx';

type Row = { key: string; field: string; entry: AnyEntry | null };

/** Item 19: the ten fields printed on the form, ticked (☑) where the person has entries. */
export function AbilitiesSection({ entries }: { entries: AnyEntry[] }) {
  const { t, lang } = useLang();
  const { canEdit } = useEditing();
  const rows: Row[] = ABILITY_FIELDS.flatMap((f): Row[] => {
    const mine = entries.filter((e) => e.field === f);
    return mine.length
      ? mine.map((e) => ({ key: e.id, field: f, entry: e }))
      : [{ key: f, field: f, entry: null }];
  });
  const columns: ColumnsType<Row> = [
    {
      key: 'field',
      title: lang === 'th' ? 'ด้าน' : 'Field',
      width: 260,
      render: (_v, r) => (
        <span>
          <span aria-hidden style={{ marginInlineEnd: 6 }}>
            {r.entry ? '☑' : '☐'}
          </span>
          {ABILITY_FIELD_LABELS[r.field as keyof typeof ABILITY_FIELD_LABELS][lang]}
        </span>
      ),
    },
    {
      key: 'detail',
      title: lang === 'th' ? 'รายละเอียด' : 'Detail',
      render: (_v, r) => String(r.entry?.detail ?? ''),
    },
    {
      key: 'note',
      title: lang === 'th' ? 'หมายเหตุ' : 'Note',
      render: (_v, r) => String(r.entry?.note ?? ''),
    },
  ];
  if (canEdit('abilities'))
    columns.push({
      key: '_actions',
      title: t('actions'),
      width: 84,
      className: 'no-print',
      render: (_v, r) => (r.entry ? <EntryActions item="abilities" entry={r.entry} /> : null),
    });
  return (
    <section className="ks16-section" data-testid="item-abilities" aria-labelledby="item-19">
      <SectionHead no={19} title={LIST_ITEMS.abilities[lang]} item="abilities" />
      <Table<Row>
        className="ks16-table"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={rows}
      />
    </section>
  );
}
