import type { Lang } from '../../../domain/i18n/messages.ts';
import { isRealIsoDate, isRealYearMonth } from '../../../domain/iso-date.ts';
import {
  ABILITY_FIELD_LABELS,
  ADDRESS_KIND_LABELS,
  DECORATION_LABELS,
  EDUCATION_LEVEL_LABELS,
  FAMILY_RELATION_LABELS,
  LICENCE_TYPE_LABELS,
  OTHER_ITEM_LABELS,
  PENALTY_CHANGE_LABELS,
  PENALTY_LABELS,
  POSITION_TYPE_LABELS,
  STANDING_LABELS,
} from '../../../domain/record/enums.ts';
import { fmtDate, fmtYearMonth } from '../../i18n/format.ts';

type Labels = Record<string, { th: string; en: string }>;

/** Coded fields whose stored value is an enum code; shown with its Thai (or English) label. */
const CODED: Record<string, Labels> = {
  standing: STANDING_LABELS,
  positionType: POSITION_TYPE_LABELS,
  level: EDUCATION_LEVEL_LABELS,
  relation: FAMILY_RELATION_LABELS,
  kind: ADDRESS_KIND_LABELS,
  field: ABILITY_FIELD_LABELS,
  penalty: PENALTY_LABELS,
  changeKind: PENALTY_CHANGE_LABELS,
  decoration: DECORATION_LABELS,
  category: OTHER_ITEM_LABELS,
};

/** A value of item 27 for display: dates in พ.ศ., codes as labels, booleans as ใช่/ไม่ใช่. */
export function historyValue(item: string, field: string, v: string | null, lang: Lang): string {
  if (v === null || v === '') return '-';
  if (isRealIsoDate(v)) return fmtDate(v, lang);
  if (isRealYearMonth(v)) return fmtYearMonth(v, lang);
  if (v === 'true' || v === 'false')
    return v === 'true' ? (lang === 'th' ? 'ใช่' : 'Yes') : lang === 'th' ? 'ไม่ใช่' : 'No';
  const labels: Labels | undefined =
    item === 'licences' && field === 'type' ? LICENCE_TYPE_LABELS : CODED[field];
  return labels?.[v]?.[lang] ?? v;
}
