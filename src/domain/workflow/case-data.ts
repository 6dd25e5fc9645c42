import type { RequestedChange } from './routing.ts';

/**
 * A case's data as one reader may see it (ADR 0110): a case carries record content — the changes
 * a correction asks for (ข้อ 4.1), the appointment order of a new hire (ข้อ 3.1) — and a reader
 * sees of it only the items she may read on the record itself (ข้อ 6.1.3: a clerk, her items).
 * Case bookkeeping (offices, ids, dates filed) is not record content and stays.
 */

/** Case data fields that carry a record item, by the item they carry. */
export const CASE_FIELD_ITEMS: Record<string, string> = {
  // onboarding (ข้อ 3.1): the appointment order is a service-history entry; the date is item 8.
  appointmentDate: 'personal',
  birthDate: 'personal',
  orderNumber: 'service',
  orderDate: 'service',
  reportDate: 'service',
  positionTitle: 'service',
  // transfers and moves (ข้อ 5.2): the order's citation and its item-15 entry (ADR 0111)
  number: 'service',
  issuingAuthority: 'service',
  entry: 'service',
};

export type CaseDataView = Record<string, unknown> & { hiddenChanges?: number };

export function caseDataFor(data: Record<string, unknown>, readable: readonly string[]): CaseDataView {
  const can = new Set(readable);
  const out: CaseDataView = {};
  for (const [k, v] of Object.entries(data)) {
    const item = CASE_FIELD_ITEMS[k];
    if (item && !can.has(item)) continue;
    out[k] = v;
  }
  if (Array.isArray(data.changes)) {
    const changes = data.changes as RequestedChange[];
    const shown = changes.filter((c) => can.has(c.item));
    out.changes = shown;
    if (shown.length < changes.length) {
      out.hiddenChanges = changes.length - shown.length;
      // The filer's note explains the changes, hidden ones included.
      if ('note' in out) out.note = null;
    }
  }
  return out;
}
