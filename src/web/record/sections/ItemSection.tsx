import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { ListItemKey } from '../../../domain/record/items.ts';
import { LIST_ITEMS } from '../../../domain/record/items.ts';
import { itemNo, useLang } from '../../i18n/lang.tsx';
import { type AnyEntry, useEditing } from '../editing.tsx';

/** "๑๖. ประวัติการฝึกอบรมและพัฒนาตนเอง" with an Add button when the user may edit the item. */
export function SectionHead({
  no,
  title,
  item,
  extra,
}: {
  no: number;
  title: string;
  item?: ListItemKey;
  extra?: ReactNode;
}) {
  const { t, lang } = useLang();
  const { canEdit, add } = useEditing();
  return (
    <div className="ks16-section-head">
      <h2 id={`item-${no}`}>
        {itemNo(no, lang)} {title}
      </h2>
      <Space className="no-print">
        {extra}
        {item && canEdit(item) && (
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => add(item)}
            aria-label={`${t('add')}: ${LIST_ITEMS[item][lang]}`}
            data-testid={`add-${item}`}
          >
            {t('add')}
          </Button>
        )}
      </Space>
    </div>
  );
}

/** Edit and delete buttons for one entry (only rendered when the item is editable). */
export function EntryActions({ item, entry }: { item: ListItemKey; entry: AnyEntry }) {
  const { t } = useLang();
  const { edit, remove } = useEditing();
  return (
    <Space size={2} className="no-print">
      <Button
        type="link"
        size="small"
        icon={<EditOutlined aria-hidden />}
        aria-label={t('edit')}
        title={t('edit')}
        onClick={() => edit(item, entry)}
      />
      <Popconfirm
        title={t('confirmDelete')}
        okText={t('delete')}
        cancelText={t('cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => remove(item, entry)}
      >
        <Button
          type="link"
          size="small"
          danger
          icon={<DeleteOutlined aria-hidden />}
          aria-label={t('delete')}
          title={t('delete')}
        />
      </Popconfirm>
    </Space>
  );
}

/**
 * One list item of the form (items 14–26): the heading and a table with the form's own column
 * headings; an actions column is added for editable items.
 */
export function ItemSection<T extends AnyEntry>({
  no,
  item,
  columns,
  entries,
  title,
  scrollX,
  className,
}: {
  no: number;
  item: ListItemKey;
  columns: ColumnsType<T>;
  entries: T[];
  title?: string;
  /** Minimum table width before it scrolls sideways (wide items such as 25). */
  scrollX?: number;
  className?: string;
}) {
  const { t, lang } = useLang();
  const { canEdit } = useEditing();
  const cols: ColumnsType<T> = canEdit(item)
    ? [
        ...columns,
        {
          key: '_actions',
          title: t('actions'),
          width: 72,
          className: 'no-print',
          render: (_v, r) => <EntryActions item={item} entry={r} />,
        },
      ]
    : columns;
  return (
    <section className="ks16-section" data-testid={`item-${item}`} aria-labelledby={`item-${no}`}>
      <SectionHead no={no} title={title ?? LIST_ITEMS[item][lang]} item={item} />
      <Table<T>
        className={`ks16-table ${className ?? ''}`}
        size="small"
        bordered
        tableLayout="fixed"
        rowKey="id"
        pagination={false}
        columns={cols}
        dataSource={entries}
        scroll={scrollX ? { x: scrollX } : undefined}
        locale={{ emptyText: t('noEntries') }}
      />
    </section>
  );
}
