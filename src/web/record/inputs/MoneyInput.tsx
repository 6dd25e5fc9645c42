import { Input } from 'antd';
import { fmtMoney } from '../../i18n/format.ts';
import { useLang } from '../../i18n/lang.tsx';

type Props = { id?: string; value?: string | null; onChange?: (v: string | null) => void };

/** Baht as a decimal string ("31,080.00"); the money schema strips the commas and checks it. */
export function MoneyInput({ id, value, onChange }: Props) {
  const { t } = useLang();
  return (
    <Input
      id={id}
      value={value ?? ''}
      inputMode="decimal"
      suffix={t('baht')}
      onChange={(e) => onChange?.(e.target.value === '' ? null : e.target.value)}
      onBlur={() => {
        const s = (value ?? '').replace(/,/g, '').trim();
        if (/^\d{1,10}(\.\d{1,2})?$/.test(s)) onChange?.(fmtMoney(s));
      }}
      style={{ textAlign: 'right' }}
    />
  );
}
