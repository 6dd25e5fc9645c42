import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useOffices } from '../api/queries.ts';
import { useLang } from '../i18n/lang.tsx';

type Option = { value: string; label: string };

/** Office filter: type part of an office name; the server searches (Thai collation) and lists matches. */
export function OfficeSelect({ value, onChange }: { value?: Option; onChange: (o?: Option) => void }) {
  const { t } = useLang();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(h);
  }, [typed]);
  const offices = useOffices(q);
  const options = (offices.data ?? []).map((o) => ({ value: o.id, label: o.nameTh }));
  return (
    <Select<Option>
      labelInValue
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      style={{ width: 260 }}
      placeholder={t('filterOfficePlaceholder')}
      aria-label={t('filterOffice')}
      value={value}
      onChange={(o) => onChange(o ? { value: o.value, label: String(o.label) } : undefined)}
      options={options}
      loading={offices.isFetching}
      notFoundContent={null}
    />
  );
}
