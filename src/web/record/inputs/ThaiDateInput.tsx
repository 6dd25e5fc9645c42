import { CalendarOutlined } from '@ant-design/icons';
import { DatePicker, Input, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { isRealIsoDate, isRealYearMonth } from '../../../domain/iso-date.ts';
import {
  formatThaiDate,
  formatThaiYearMonth,
  parseThaiDate,
  parseThaiYearMonth,
} from '../../../domain/thai-date.ts';
import { useLang } from '../../i18n/lang.tsx';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  /** 'date' stores YYYY-MM-DD, 'month' stores YYYY-MM (both C.E.; shown in พ.ศ.). */
  picker?: 'date' | 'month';
  'aria-label'?: string;
};

/**
 * A date typed the way HR officers write it ("5 ม.ค. 2570", "05/01/2570", Thai digits), parsed on
 * blur or Enter with parseThaiDate; a Buddhist-era calendar button offers picking instead. Text
 * that is not a date is passed on as is, so the item's zod schema reports it (err.date).
 */
export function ThaiDateInput({ id, value, onChange, picker = 'date', ...rest }: Props) {
  const { lang, t } = useLang();
  const month = picker === 'month';
  const isValid = month ? isRealYearMonth : isRealIsoDate;
  const show = (v: string | null | undefined) =>
    !v ? '' : isValid(v) ? (month ? formatThaiYearMonth(v, { lang }) : formatThaiDate(v, { lang })) : v;
  const [text, setText] = useState(show(value));
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-render the text when the value or language changes.
  useEffect(() => setText(show(value)), [value, lang]);

  const commit = () => {
    const s = text.trim();
    if (!s) {
      if (value) onChange?.(null);
      return;
    }
    const parsed = month ? parseThaiYearMonth(s) : parseThaiDate(s);
    const next = parsed ?? s;
    if (next !== value) onChange?.(next);
    if (parsed) setText(show(parsed));
  };

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          // The clear button (or deleting everything) empties the value at once.
          if (e.target.value === '' && value) onChange?.(null);
        }}
        onBlur={commit}
        onPressEnter={(e) => {
          e.preventDefault();
          commit();
        }}
        placeholder={month ? t('monthHint') : t('dateHint')}
        aria-label={rest['aria-label']}
        allowClear
      />
      <DatePicker
        className="date-picker-button"
        picker={month ? 'month' : 'date'}
        value={value && isValid(value) ? dayjs(value) : null}
        format={month ? 'MMMM BBBB' : 'D MMMM BBBB'}
        onChange={(d) => onChange?.(d ? d.format(month ? 'YYYY-MM' : 'YYYY-MM-DD') : null)}
        allowClear={false}
        suffixIcon={<CalendarOutlined aria-hidden />}
        aria-label={t('pickFromCalendar')}
        title={t('pickFromCalendar')}
        inputReadOnly
        tabIndex={-1}
      />
    </Space.Compact>
  );
}
