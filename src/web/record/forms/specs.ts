/**
 * Which input renders each field of an item's zod schema (src/domain/record/items.ts). The rules
 * themselves live in the schemas: the modal validates with the same schema the API uses.
 */

import { fiscalYearOf } from '../../../domain/fiscal-year.ts';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import {
  ABILITY_FIELD_LABELS,
  ABILITY_FIELDS,
  ADDRESS_KIND_LABELS,
  ADDRESS_KINDS,
  BLOOD_GROUPS,
  DECORATION_LABELS,
  DECORATIONS,
  EDUCATION_LEVEL_LABELS,
  EDUCATION_LEVELS,
  FAMILY_RELATION_LABELS,
  FAMILY_RELATIONS,
  LEAVE_TYPES,
  LICENCE_TYPE_LABELS,
  LICENCE_TYPES,
  OTHER_ITEM_CATEGORIES,
  OTHER_ITEM_LABELS,
  PENALTY_CHANGE_KINDS,
  PENALTY_CHANGE_LABELS,
  PENALTY_LABELS,
  PENALTY_OUTCOMES,
  POSITION_TYPE_LABELS,
  POSITION_TYPES,
  PREFIXES,
  STANDING_LABELS,
  STANDINGS,
} from '../../../domain/record/enums.ts';
import type { ListItemKey } from '../../../domain/record/items.ts';

type Labels = Record<string, { th: string; en: string }>;

export type FieldSpec =
  | { name: string; kind: 'text' | 'textarea' | 'date' | 'month' | 'money' | 'bool' | 'int'; wide?: boolean }
  | {
      name: string;
      kind: 'select';
      values: readonly string[];
      labels?: Labels;
      wide?: boolean;
      optional?: boolean;
    }
  | { name: 'address'; kind: 'address'; wide: true }
  | { name: 'leave'; kind: 'leave'; wide: true }
  | { name: 'amendsId'; kind: 'amends' };

const plain = (values: readonly string[]): Labels =>
  Object.fromEntries(values.map((v) => [v, { th: v, en: v }]));

export const PERSONAL_SPECS: FieldSpec[] = [
  { name: 'birthDate', kind: 'date' },
  { name: 'bloodGroup', kind: 'select', values: BLOOD_GROUPS, labels: plain(BLOOD_GROUPS), optional: true },
  { name: 'appointmentDate', kind: 'date' },
  { name: 'subjectGroup', kind: 'text', wide: true },
];

export const ITEM_SPECS: Record<ListItemKey, FieldSpec[]> = {
  names: [
    { name: 'prefix', kind: 'select', values: PREFIXES, labels: plain(PREFIXES) },
    { name: 'rankTitle', kind: 'text' },
    { name: 'firstName', kind: 'text' },
    { name: 'middleName', kind: 'text' },
    { name: 'lastName', kind: 'text' },
    { name: 'effectiveDate', kind: 'date' },
    { name: 'reference', kind: 'text', wide: true },
  ],
  family: [
    { name: 'relation', kind: 'select', values: FAMILY_RELATIONS, labels: FAMILY_RELATION_LABELS },
    { name: 'prefix', kind: 'text' },
    { name: 'firstName', kind: 'text' },
    { name: 'middleName', kind: 'text' },
    { name: 'lastName', kind: 'text' },
  ],
  addresses: [
    { name: 'kind', kind: 'select', values: ADDRESS_KINDS, labels: ADDRESS_KIND_LABELS, wide: true },
    { name: 'address', kind: 'address', wide: true },
  ],
  licences: [
    { name: 'type', kind: 'select', values: LICENCE_TYPES, labels: LICENCE_TYPE_LABELS },
    { name: 'number', kind: 'text' },
    { name: 'issueDate', kind: 'date' },
    { name: 'expiryDate', kind: 'date' },
  ],
  education: [
    { name: 'level', kind: 'select', values: EDUCATION_LEVELS, labels: EDUCATION_LEVEL_LABELS },
    { name: 'institution', kind: 'text' },
    { name: 'from', kind: 'month' },
    { name: 'to', kind: 'month' },
    { name: 'degree', kind: 'text' },
    { name: 'major', kind: 'text' },
    { name: 'minor', kind: 'text' },
    { name: 'usedForAppointment', kind: 'bool' },
  ],
  service: [
    { name: 'effectiveDate', kind: 'date' },
    { name: 'positionTitle', kind: 'text' },
    { name: 'agency', kind: 'text', wide: true },
    { name: 'standing', kind: 'select', values: STANDINGS, labels: STANDING_LABELS },
    { name: 'positionNumber', kind: 'text' },
    {
      name: 'positionType',
      kind: 'select',
      values: POSITION_TYPES,
      labels: POSITION_TYPE_LABELS,
      optional: true,
    },
    { name: 'rankLevel', kind: 'text' },
    { name: 'salary', kind: 'money' },
    { name: 'positionAllowance', kind: 'money' },
    { name: 'compensation', kind: 'money' },
    { name: 'otherSpecialPay', kind: 'money' },
    { name: 'referenceDocument', kind: 'text', wide: true },
    {
      name: 'mode',
      kind: 'select',
      values: ['current', 'reference'],
      labels: {
        current: { th: 'ข้อมูลปัจจุบัน', en: 'Current data' },
        reference: { th: 'อ้างอิงเอกสารเดิม', en: 'Reference to old record' },
      },
    },
    { name: 'note', kind: 'text' },
  ],
  training: [
    { name: 'from', kind: 'month' },
    { name: 'to', kind: 'month' },
    { name: 'course', kind: 'text', wide: true },
    { name: 'place', kind: 'text' },
    { name: 'organiser', kind: 'text' },
  ],
  research: [
    { name: 'from', kind: 'month' },
    { name: 'to', kind: 'month' },
    { name: 'title', kind: 'textarea', wide: true },
    { name: 'organiser', kind: 'text', wide: true },
  ],
  studyVisits: [
    { name: 'from', kind: 'month' },
    { name: 'to', kind: 'month' },
    { name: 'place', kind: 'text' },
    { name: 'abroad', kind: 'bool' },
    { name: 'note', kind: 'text', wide: true },
  ],
  abilities: [
    { name: 'field', kind: 'select', values: ABILITY_FIELDS, labels: ABILITY_FIELD_LABELS },
    { name: 'detail', kind: 'textarea', wide: true },
    { name: 'note', kind: 'text', wide: true },
  ],
  specialDuties: [
    { name: 'from', kind: 'date' },
    { name: 'to', kind: 'date' },
    { name: 'detail', kind: 'textarea', wide: true },
    { name: 'reference', kind: 'text', wide: true },
  ],
  discipline: [
    { name: 'yearBE', kind: 'int' },
    { name: 'penalty', kind: 'select', values: PENALTY_OUTCOMES, labels: PENALTY_LABELS },
    { name: 'offence', kind: 'textarea', wide: true },
    { name: 'reference', kind: 'text' },
    { name: 'note', kind: 'text' },
    { name: 'amendsId', kind: 'amends' },
    {
      name: 'changeKind',
      kind: 'select',
      values: PENALTY_CHANGE_KINDS,
      labels: PENALTY_CHANGE_LABELS,
      optional: true,
    },
  ],
  ethics: [
    { name: 'yearBE', kind: 'int' },
    { name: 'behaviour', kind: 'textarea', wide: true },
    { name: 'law', kind: 'text' },
    { name: 'result', kind: 'text' },
    { name: 'reference', kind: 'text', wide: true },
  ],
  martialLaw: [
    { name: 'from', kind: 'date' },
    { name: 'to', kind: 'date' },
    { name: 'detail', kind: 'textarea', wide: true },
    { name: 'reference', kind: 'text', wide: true },
  ],
  decorations: [
    { name: 'receivedDate', kind: 'date' },
    { name: 'decoration', kind: 'select', values: DECORATIONS, labels: DECORATION_LABELS },
    { name: 'otherName', kind: 'text' },
    { name: 'gazetteVolume', kind: 'text' },
    { name: 'gazetteSection', kind: 'text' },
    { name: 'gazetteDate', kind: 'date' },
    { name: 'page', kind: 'text' },
    { name: 'sequence', kind: 'text' },
  ],
  leave: [
    { name: 'fiscalYear', kind: 'int' },
    { name: 'leave', kind: 'leave', wide: true },
  ],
  others: [
    { name: 'category', kind: 'select', values: OTHER_ITEM_CATEGORIES, labels: OTHER_ITEM_LABELS },
    { name: 'text', kind: 'textarea', wide: true },
  ],
  photos: [],
};

/** The fields an address entry is made of (rendered together by AddressFields). */
export const ADDRESS_FIELD_NAMES = ['houseNo', 'moo', 'soi', 'road', 'tambonCode', 'postcode'];

/** Values a new entry starts with. */
export function newEntryDefaults(item: ListItemKey): Record<string, unknown> {
  switch (item) {
    case 'service':
      return { standing: 'none', mode: 'current' };
    case 'leave':
      return {
        fiscalYear: fiscalYearOf(todayInBangkok()),
        ...Object.fromEntries(LEAVE_TYPES.map((k) => [k, { times: 0, days: 0 }])),
      };
    case 'studyVisits':
      return { abroad: false };
    case 'education':
      return { usedForAppointment: false };
    default:
      return {};
  }
}
