import { createHash } from 'node:crypto';
import { RECORD_ITEM_KEYS, RECORD_ITEM_LABELS, type RecordItemKey } from '../../../domain/record/items.ts';
import { canonicalJson } from '../../platform/audit/index.ts';
import type { DbHandle } from '../../platform/db/index.ts';
import { readRecord } from '../records/index.ts';

export type RecordSnapshot = Record<RecordItemKey, unknown>;

export function sha256Hex(s: string | Uint8Array): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * The record content a signature covers, item by item: the personal data and every entry of
 * every list item (entry versions left out — they only count edits, the content is what matters),
 * entries in id order so the same content always canonicalises to the same bytes.
 */
export async function recordSnapshot(h: DbHandle, personId: string) {
  const view = await readRecord(h, personId, {
    isOwner: false,
    read: [...RECORD_ITEM_KEYS],
    edit: [],
    correctionOnly: [],
  });
  if (!view) return null;
  const p = view.person;
  const snapshot = {
    personal: {
      nationalId: p.nationalId,
      status: p.status,
      birthDate: p.birthDate,
      bloodGroup: p.bloodGroup,
      appointmentDate: p.appointmentDate,
      subjectGroup: p.subjectGroup,
      officeId: p.office?.id ?? null,
      positionId: p.position?.id ?? null,
    },
  } as Record<string, unknown>;
  for (const k of RECORD_ITEM_KEYS) {
    if (k === 'personal') continue;
    const entries = ((view.items as Record<string, Record<string, unknown>[]>)[k] ?? []).map((e) => {
      const { version: _v, ...rest } = e;
      return rest;
    });
    entries.sort((a, b) => String(a.id).localeCompare(String(b.id)));
    snapshot[k] = JSON.parse(canonicalJson(entries));
  }
  const contentHash = sha256Hex(canonicalJson(snapshot));
  return {
    snapshot: snapshot as RecordSnapshot,
    contentHash,
    recordVersion: p.recordVersion,
    displayName: p.displayName,
    nationalId: p.nationalId,
  };
}

/** Items whose content differs between the signed snapshot and now ("ข้อมูลถูกแก้ไขหลังลงนาม"). */
export function changedItems(signed: Record<string, unknown>, now: Record<string, unknown>) {
  return RECORD_ITEM_KEYS.filter(
    (k) => canonicalJson(signed[k] ?? null) !== canonicalJson(now[k] ?? null),
  ).map((k) => ({ item: k, th: RECORD_ITEM_LABELS[k].th, en: RECORD_ITEM_LABELS[k].en }));
}
