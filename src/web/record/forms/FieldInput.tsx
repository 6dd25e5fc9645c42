import { Checkbox, Col, Form, Input, InputNumber, Select } from 'antd';
import { fieldLabel } from '../../../domain/i18n/fields.ts';
import { PENALTY_LABELS } from '../../../domain/record/enums.ts';
import { formatThaiDate } from '../../../domain/thai-date.ts';
import { useLang } from '../../i18n/lang.tsx';
import { AddressFields } from '../inputs/AddressFields.tsx';
import { LeaveGrid } from '../inputs/LeaveGrid.tsx';
import { MoneyInput } from '../inputs/MoneyInput.tsx';
import { ThaiDateInput } from '../inputs/ThaiDateInput.tsx';
import type { FieldSpec } from './specs.ts';

export type AmendOption = { id: string; yearBE: number; penalty: string; offence: string };

/** One field of an item form, in a two-column grid (wide fields take the whole row). */
export function FieldInput({
  spec,
  amendable = [],
  locked,
}: {
  spec: FieldSpec;
  amendable?: AmendOption[];
  /** Shown read-only with this explanation (a field only an approved correction changes). */
  locked?: string;
}) {
  const { lang } = useLang();
  if (spec.kind === 'address')
    return (
      <Col span={24}>
        <AddressFields />
      </Col>
    );
  if (spec.kind === 'leave')
    return (
      <Col span={24}>
        <LeaveGrid />
      </Col>
    );
  const label = fieldLabel(spec.name, lang);
  const span = 'wide' in spec && spec.wide ? 24 : 12;
  if (locked)
    return (
      <Col span={span}>
        <Form.Item
          name={spec.name}
          label={label}
          extra={<span data-testid={`locked-${spec.name}`}>{locked}</span>}
        >
          <LockedValue aria-label={label} date={spec.kind === 'date'} />
        </Form.Item>
      </Col>
    );
  let control: React.ReactNode;
  let valuePropName: string | undefined;
  switch (spec.kind) {
    case 'text':
      control = <Input />;
      break;
    case 'textarea':
      control = <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />;
      break;
    case 'date':
      control = <ThaiDateInput aria-label={label} />;
      break;
    case 'month':
      control = <ThaiDateInput picker="month" aria-label={label} />;
      break;
    case 'money':
      control = <MoneyInput />;
      break;
    case 'int':
      control = <InputNumber precision={0} style={{ width: '100%' }} />;
      break;
    case 'bool':
      valuePropName = 'checked';
      control = <Checkbox>{label}</Checkbox>;
      break;
    case 'select':
      control = (
        <Select
          allowClear={spec.optional}
          showSearch={spec.values.length > 8 ? { optionFilterProp: 'label' } : undefined}
          options={spec.values.map((v) => ({ value: v, label: spec.labels?.[v]?.[lang] ?? v }))}
        />
      );
      break;
    case 'amends':
      control = (
        <Select
          allowClear
          options={amendable.map((a) => ({
            value: a.id,
            label: `${a.yearBE} ${PENALTY_LABELS[a.penalty as keyof typeof PENALTY_LABELS]?.[lang] ?? a.penalty}: ${a.offence}`,
          }))}
        />
      );
      break;
  }
  return (
    <Col span={span}>
      <Form.Item name={spec.name} label={spec.kind === 'bool' ? ' ' : label} valuePropName={valuePropName}>
        {control}
      </Form.Item>
    </Col>
  );
}

/** A value the form keeps and sends unchanged, shown as text (dates in พ.ศ.). */
function LockedValue({ value, date, ...rest }: { value?: unknown; date: boolean; 'aria-label': string }) {
  const { lang } = useLang();
  const text =
    typeof value === 'string' && value
      ? date
        ? formatThaiDate(value, { lang, style: 'long' })
        : value
      : '-';
  return <Input {...rest} value={text} readOnly aria-readonly="true" variant="filled" />;
}
