import { App } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { LIST_ITEMS, type ListItemKey, personalData, type RecordItemKey } from '../../domain/record/items.ts';
import { PROTECTED_FIELDS } from '../../domain/record/protected-fields.ts';
import { ApiError, api } from '../api/client.ts';
import { useRefreshRecord } from '../api/queries.ts';
import type { RecordView } from '../api/types.ts';
import { useLang } from '../i18n/lang.tsx';
import type { AmendOption } from './forms/FieldInput.tsx';
import { SchemaFormModal } from './forms/SchemaFormModal.tsx';
import { ITEM_SPECS, newEntryDefaults, PERSONAL_SPECS } from './forms/specs.ts';

export type AnyEntry = Record<string, unknown> & { id: string; version: number };

type Editing =
  | { kind: 'add'; item: ListItemKey; defaults?: Record<string, unknown> }
  | { kind: 'edit'; item: ListItemKey; entry: AnyEntry }
  | { kind: 'personal' };

type EditApi = {
  canEdit: (item: RecordItemKey) => boolean;
  add: (item: ListItemKey, defaults?: Record<string, unknown>) => void;
  edit: (item: ListItemKey, entry: AnyEntry) => void;
  remove: (item: ListItemKey, entry: AnyEntry) => Promise<void>;
  editPersonal: () => void;
};

const Ctx = createContext<EditApi>({
  canEdit: () => false,
  add: () => {},
  edit: () => {},
  remove: async () => {},
  editPersonal: () => {},
});

export function useEditing(): EditApi {
  return useContext(Ctx);
}

/**
 * Add/edit/remove for one record. Buttons appear only for items in `allowed.edit` (the server
 * decides; a read-only page passes readOnly). Writes carry the entry's version; a 409 reloads.
 */
export function EditingProvider({
  view,
  readOnly,
  children,
}: {
  view: RecordView;
  readOnly: boolean;
  children: ReactNode;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const refresh = useRefreshRecord();
  const [editing, setEditing] = useState<Editing | null>(null);
  const personId = view.person.id;
  const base = `/api/v1/people/${personId}`;
  const editable = useMemo(() => new Set(readOnly ? [] : view.allowed.edit), [readOnly, view.allowed.edit]);

  const reload = useCallback(() => void refresh(personId), [refresh, personId]);

  const remove = useCallback(
    async (item: ListItemKey, entry: AnyEntry) => {
      try {
        await api('DELETE', `${base}/items/${item}/${entry.id}?version=${entry.version}`);
        message.success(t('deleted'));
      } catch (e) {
        message.error(e instanceof ApiError ? e.message : String(e));
      }
      reload();
    },
    [base, message, t, reload],
  );

  const value = useMemo<EditApi>(
    () => ({
      canEdit: (item) => editable.has(item),
      add: (item, defaults) => setEditing({ kind: 'add', item, defaults }),
      edit: (item, entry) => setEditing({ kind: 'edit', item, entry }),
      remove,
      editPersonal: () => setEditing({ kind: 'personal' }),
    }),
    [editable, remove],
  );

  let modal: ReactNode = null;
  if (editing?.kind === 'personal') {
    const p = view.person;
    modal = (
      <SchemaFormModal
        title={t('editPersonal')}
        schema={personalData}
        specs={PERSONAL_SPECS}
        // ข้อ 4.2.1/4.2.2: on an established record these change only by an approved correction.
        locked={Object.fromEntries(
          (view.allowed.correctionOnly ?? []).map((f) => [f, PROTECTED_FIELDS[f][lang]]),
        )}
        initial={{
          birthDate: p.birthDate,
          bloodGroup: p.bloodGroup,
          appointmentDate: p.appointmentDate,
          subjectGroup: p.subjectGroup,
        }}
        submit={async (data) => {
          await api('PUT', `${base}/personal`, { ...(data as object), version: p.version });
          reload();
        }}
        onConflict={reload}
        onClose={() => setEditing(null)}
      />
    );
  } else if (editing) {
    const { item } = editing;
    const def = LIST_ITEMS[item];
    const entry = editing.kind === 'edit' ? editing.entry : null;
    const amendable: AmendOption[] =
      item === 'discipline'
        ? ((view.items.discipline ?? []) as unknown as AmendOption[]).filter((d) => d.id !== entry?.id)
        : [];
    modal = (
      <SchemaFormModal
        title={t(entry ? 'editTitle' : 'addTitle', { item: def[lang] })}
        schema={def.schema}
        specs={ITEM_SPECS[item]}
        initial={entry ?? { ...newEntryDefaults(item), ...(editing.kind === 'add' ? editing.defaults : {}) }}
        amendable={amendable}
        submit={async (data) => {
          if (entry) await api('PUT', `${base}/items/${item}/${entry.id}`, { version: entry.version, data });
          else await api('POST', `${base}/items/${item}`, data);
          reload();
        }}
        onConflict={reload}
        onClose={() => setEditing(null)}
      />
    );
  }

  return (
    <Ctx.Provider value={value}>
      {children}
      {modal}
    </Ctx.Provider>
  );
}
