import { Input } from 'antd';
import { useState } from 'react';
import { formatThaiDate, parseThaiDate } from '../../../domain/thai-date.ts';

/**
 * A date typed the Thai way ("15/3/2542", "15 มี.ค. 2542"): keeps the ISO date (or null) for the
 * form and shows the date read back in full so the user sees what was understood.
 */
export function DateField({ label, onChange }: { label: string; onChange: (iso: string | null) => void }) {
  const [text, setText] = useState('');
  const iso = text ? parseThaiDate(text) : null;
  return (
    <Input
      aria-label={label}
      placeholder="วว/ดด/ปปปป (พ.ศ.)"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value ? parseThaiDate(e.target.value) : null);
      }}
      suffix={iso ? formatThaiDate(iso, { style: 'long' }) : text ? 'รูปแบบวันที่ไม่ถูกต้อง' : undefined}
      style={{ maxWidth: 420 }}
    />
  );
}
