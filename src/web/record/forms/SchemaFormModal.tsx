import { Alert, App, Form, Modal, Row } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { fieldMessage } from '../../../domain/i18n/fields.ts';
import { LEAVE_TYPE_LABELS, LEAVE_TYPES } from '../../../domain/record/enums.ts';
import { ApiError } from '../../api/client.ts';
import { useLang } from '../../i18n/lang.tsx';
import { type AmendOption, FieldInput } from './FieldInput.tsx';
import { ADDRESS_FIELD_NAMES, type FieldSpec } from './specs.ts';

type Props = {
  title: string;
  schema: z.ZodType;
  specs: FieldSpec[];
  /** Stored values of the entry (or defaults), including fields the form does not show. */
  initial: Record<string, unknown>;
  /** Sends the validated data; throws ApiError. */
  submit: (data: unknown) => Promise<void>;
  /** Called on 409: the record is reloaded and the modal closes. */
  onConflict: () => void;
  onClose: () => void;
  amendable?: AmendOption[];
  /** Fields shown read-only, each with the explanation why (kept and sent unchanged). */
  locked?: Partial<Record<string, string>>;
};

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * A modal form for one item, validated with that item's zod schema (the same one the API uses);
 * schema and API errors are shown under the fields they belong to, in Thai or English.
 */
export function SchemaFormModal({
  title,
  schema,
  specs,
  initial,
  submit,
  onConflict,
  onClose,
  amendable,
  locked,
}: Props) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);

  const shown = shownPaths(specs);
  const showErrors = (errs: { path: (string | number)[]; message: string }[]) => {
    const onForm: { name: (string | number)[]; errors: string[] }[] = [];
    const other: string[] = [];
    const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
    for (const e of errs) {
      const key = e.path.join('.');
      if (!shown.has(key)) {
        other.push(e.message);
        continue;
      }
      const entry = byPath.get(key) ?? { name: e.path, errors: [] };
      entry.errors.push(e.message);
      byPath.set(key, entry);
    }
    onForm.push(...byPath.values());
    form.setFields(onForm);
    setGeneral(other);
  };

  const onOk = async () => {
    const values = { ...initial, ...form.getFieldsValue(true) } as Record<string, unknown>;
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      showErrors(
        parsed.error.issues.map((i) => {
          const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
          // An empty required choice reads better as "required" than "not one of the values".
          const key = i.message === 'err.choice' && isEmpty(get(values, path)) ? 'err.required' : i.message;
          const msgKey = key.startsWith('err.') ? key : 'err.invalid';
          return { path, message: fieldMessage(path.join('.'), msgKey, lang, LEAVE_TYPE_LABELS) };
        }),
      );
      return;
    }
    setBusy(true);
    setGeneral([]);
    try {
      await submit(parsed.data);
      message.success(t('saved'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.error(e.message);
        onConflict();
        onClose();
      } else if (e instanceof ApiError && e.fields.length > 0) {
        showErrors(
          e.fields.map((f) => ({ path: f.field.replace(/^data\./, '').split('.'), message: f.message })),
        );
      } else setGeneral([e instanceof Error ? e.message : String(e)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onOk={onOk}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      width={specs.some((s) => s.kind === 'leave' || s.kind === 'address') ? 820 : 720}
      destroyOnHidden
      maskClosable={false}
    >
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('formHasErrors')}
          description={general.map((g) => <div key={g}>{g}</div>)}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial} requiredMark={false} size="middle">
        <Row gutter={12}>
          {specs.map((s) => (
            <FieldInput key={s.name} spec={s} amendable={amendable} locked={locked?.[s.name]} />
          ))}
        </Row>
      </Form>
    </Modal>
  );
}

function get(obj: Record<string, unknown>, path: (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const p of path)
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return cur;
}

/** Field paths rendered by the form, so an error can be shown under its field (others go on top). */
function shownPaths(specs: FieldSpec[]): Set<string> {
  const out = new Set<string>();
  for (const s of specs) {
    if (s.kind === 'address') for (const n of ADDRESS_FIELD_NAMES) out.add(n);
    else if (s.kind === 'leave')
      for (const k of LEAVE_TYPES) for (const c of ['times', 'days']) out.add(`${k}.${c}`);
    else out.add(s.name);
  }
  return out;
}
