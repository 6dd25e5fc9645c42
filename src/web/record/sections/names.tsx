import { PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { fmtDate } from '../../i18n/format.ts';
import { useLang } from '../../i18n/lang.tsx';
import { type AnyEntry, useEditing } from '../editing.tsx';
import { EntryActions } from './ItemSection.tsx';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** "นางสาวปิยะนุช ใจดี": prefix (or rank/title) joined to the first name, as Thai names are written. */
export function fullName(e: AnyEntry): string {
  const head = str(e.rankTitle) ? `${str(e.rankTitle)} ${str(e.prefix)}` : str(e.prefix);
  return [`${head}${str(e.firstName)}`, str(e.middleName), str(e.lastName)].filter(Boolean).join(' ');
}

/** Item 1: the current name (latest effective date) and the names held before, with their end. */
export function NameLines({ entries }: { entries: AnyEntry[] }) {
  const { t, lang } = useLang();
  const { canEdit, add } = useEditing();
  const sorted = [...entries].sort((a, b) => (str(a.effectiveDate) < str(b.effectiveDate) ? 1 : -1));
  const [current, ...before] = sorted;
  return (
    <div style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
        <strong data-testid="record-name">{current ? fullName(current) : '-'}</strong>
        <Space size={2}>
          {current && canEdit('names') && <EntryActions item="names" entry={current} />}
          {canEdit('names') && (
            <Button
              size="small"
              type="link"
              className="no-print"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add('names')}
            >
              {t('add')}
            </Button>
          )}
        </Space>
      </Space>
      {before.map((e, i) => (
        <Space key={e.id} style={{ justifyContent: 'space-between', width: '100%' }} align="start">
          <span className="ks16-subline">
            {t('previousNames')} {fullName(e)} ({t('until')}{' '}
            {fmtDate(str(sorted[i]?.effectiveDate), lang, 'long')})
          </span>
          {canEdit('names') && <EntryActions item="names" entry={e} />}
        </Space>
      ))}
    </div>
  );
}
