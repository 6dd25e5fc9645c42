import { Col, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { fieldLabel } from '../../../domain/i18n/fields.ts';
import { useAddressBook } from '../../api/queries.ts';
import { useLang } from '../../i18n/lang.tsx';

const UI_PROVINCE = '_province';
const UI_AMPHOE = '_amphoe';

/**
 * Items 11–12: house number, moo, soi, road, then province → amphoe/khet → tambon/khwaeng, with the
 * postcode filled in from the tambon. Province and amphoe are UI-only fields (the entry stores
 * the tambon code); the schema drops them.
 */
export function AddressFields() {
  const { t, lang } = useLang();
  const form = Form.useFormInstance();
  const book = useAddressBook();
  const province = Form.useWatch(UI_PROVINCE, form) as string | undefined;
  const amphoe = Form.useWatch(UI_AMPHOE, form) as string | undefined;
  const tambonCode = Form.useWatch('tambonCode', form) as string | undefined;

  // Editing: derive the province and amphoe of the stored tambon once the reference is loaded.
  useEffect(() => {
    if (!book || !tambonCode || form.getFieldValue(UI_AMPHOE)) return;
    const tb = book.tambon(tambonCode);
    if (tb) form.setFieldsValue({ [UI_PROVINCE]: tb.provinceCode, [UI_AMPHOE]: tb.amphoeCode });
  }, [book, tambonCode, form]);

  const postcodes = (tambonCode && book?.tambon(tambonCode)?.postcodes) || [];
  const search = {
    filterOption: (input: string, o?: { label?: string }) => (o?.label ?? '').includes(input),
  };
  const l = (name: string) => fieldLabel(name, lang);

  return (
    <Row gutter={12}>
      <Col span={6}>
        <Form.Item name="houseNo" label={l('houseNo')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name="moo" label={l('moo')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={7}>
        <Form.Item name="soi" label={l('soi')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={7}>
        <Form.Item name="road" label={l('road')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={UI_PROVINCE} label={t('province')}>
          <Select
            showSearch={search}
            loading={!book}
            options={book?.provinces().map((p) => ({ value: p.code, label: p.nameTh })) ?? []}
            onChange={() =>
              form.setFieldsValue({ [UI_AMPHOE]: undefined, tambonCode: undefined, postcode: undefined })
            }
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={UI_AMPHOE} label={t('amphoe')}>
          <Select
            showSearch={search}
            disabled={!province}
            options={
              province && book
                ? book.amphoesOf(province).map((a) => ({ value: a.code, label: a.nameTh }))
                : []
            }
            onChange={() => form.setFieldsValue({ tambonCode: undefined, postcode: undefined })}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="tambonCode" label={l('tambonCode')}>
          <Select
            showSearch={search}
            disabled={!amphoe}
            options={
              amphoe && book ? book.tambonsOf(amphoe).map((x) => ({ value: x.code, label: x.nameTh })) : []
            }
            onChange={(code: string) => {
              const pcs = book?.tambon(code)?.postcodes ?? [];
              form.setFieldsValue({ postcode: pcs[0] });
            }}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="postcode" label={l('postcode')}>
          {postcodes.length > 1 ? (
            <Select options={postcodes.map((p) => ({ value: p, label: p }))} />
          ) : (
            <Input inputMode="numeric" maxLength={5} />
          )}
        </Form.Item>
      </Col>
    </Row>
  );
}
