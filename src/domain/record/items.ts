import { z } from 'zod';
import {
  ABILITY_FIELDS,
  ADDRESS_KINDS,
  BLOOD_GROUPS,
  DECORATIONS,
  EDUCATION_LEVELS,
  FAMILY_RELATIONS,
  LEAVE_TYPES,
  LICENCE_TYPES,
  OTHER_ITEM_CATEGORIES,
  PENALTY_CHANGE_KINDS,
  PENALTY_OUTCOMES,
  POSITION_TYPES,
  PREFIXES,
  SERVICE_MODES,
  STANDINGS,
} from './enums.ts';
import {
  choice,
  count,
  isoDate,
  leaveDays,
  optIsoDate,
  optMoney,
  optText,
  optYearMonth,
  text,
  yearBE,
  yearMonth,
} from './primitives.ts';

const dateRange = <T extends { from?: string | null; to?: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.to < v.from)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'err.dateRange' });
};

/** Item 1 (ข้อ 3.2.2): name with prefix, title or rank, and middle name; every change kept. */
export const nameEntry = z.object({
  prefix: choice(PREFIXES),
  rankTitle: optText(80),
  firstName: text(100),
  middleName: optText(100),
  lastName: text(100),
  /** The date this name took effect (for history; the latest is the current name). */
  effectiveDate: isoDate,
  reference: optText(200),
});

/** Items 2–4, 8, 10 (ข้อ 3.2.3–3.2.5, 3.2.9, 3.2.11): single-valued personal data. */
export const personalData = z.object({
  birthDate: isoDate,
  bloodGroup: choice(BLOOD_GROUPS)
    .nullish()
    .transform((v) => v ?? null),
  /** วันบรรจุ = the date the appointment order takes effect, not the date it was signed (ข้อ 3.2.9). */
  appointmentDate: isoDate,
  subjectGroup: optText(200),
});

/** Items 5–7 (ข้อ 3.2.6–3.2.8). */
export const familyEntry = z.object({
  relation: choice(FAMILY_RELATIONS),
  prefix: optText(40),
  firstName: text(100),
  middleName: optText(100),
  lastName: text(100),
});

/** Items 11–12 (ข้อ 3.2.12–3.2.13): structured addresses coded from the Thai address dataset. */
export const addressEntry = z.object({
  kind: choice(ADDRESS_KINDS),
  houseNo: text(40),
  moo: optText(20),
  soi: optText(100),
  road: optText(100),
  tambonCode: z.string({ error: 'err.required' }).regex(/^\d{6}$/, { error: 'err.address.tambon' }),
  postcode: z.string({ error: 'err.required' }).regex(/^\d{5}$/, { error: 'err.address.postcode' }),
});

/** Item 13 (ข้อ 3.2.14). */
export const licenceEntry = z.object({
  type: choice(LICENCE_TYPES),
  number: text(40),
  issueDate: optIsoDate,
  expiryDate: isoDate,
});

/** Item 14 (ข้อ 3.2.15). */
export const educationEntry = z
  .object({
    level: choice(EDUCATION_LEVELS),
    institution: text(200),
    from: yearMonth,
    to: optYearMonth,
    degree: optText(200),
    major: optText(200),
    minor: optText(200),
    usedForAppointment: z.boolean().default(false),
  })
  .superRefine(dateRange);

/** Item 15 (ข้อ 4.4.1): position, standing, rank/level and salary — every column of the form. */
export const serviceEntry = z
  .object({
    effectiveDate: isoDate,
    positionTitle: text(200),
    agency: text(300),
    officeId: z
      .string()
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
    standing: choice(STANDINGS).default('none'),
    positionNumber: optText(20),
    positionType: choice(POSITION_TYPES)
      .nullish()
      .transform((v) => v ?? null),
    rankLevel: optText(40),
    salary: optMoney,
    positionAllowance: optMoney,
    compensation: optMoney,
    otherSpecialPay: optMoney,
    referenceDocument: optText(300),
    mode: choice(SERVICE_MODES).default('current'),
    note: optText(300),
  })
  .superRefine((v, ctx) => {
    // "current data" entries carry the pay columns; "reference" entries point at the old scan (ข้อ 5.1).
    if (v.mode === 'current' && v.salary === null)
      ctx.addIssue({ code: 'custom', path: ['salary'], message: 'err.required' });
  });

/** Item 16 (ข้อ 4.4.2). */
export const trainingEntry = z
  .object({
    from: yearMonth,
    to: optYearMonth,
    course: text(300),
    place: optText(200),
    organiser: optText(200),
  })
  .superRefine(dateRange);

/** Item 17 (ข้อ 4.4.3). */
export const researchEntry = z
  .object({ from: yearMonth, to: optYearMonth, title: text(500), organiser: optText(200) })
  .superRefine(dateRange);

/** Item 18 (ข้อ 4.4.4). */
export const studyVisitEntry = z
  .object({
    from: yearMonth,
    to: optYearMonth,
    place: text(300),
    abroad: z.boolean().default(false),
    note: optText(300),
  })
  .superRefine(dateRange);

/** Item 19 (ข้อ 4.4.5): the ten fields printed on the form. */
export const abilityEntry = z.object({
  field: choice(ABILITY_FIELDS),
  detail: text(500),
  note: optText(300),
});

/** Item 20 (ข้อ 4.4.6). */
export const specialDutyEntry = z
  .object({ from: isoDate, to: optIsoDate, detail: text(500), reference: optText(300) })
  .superRefine(dateRange);

/**
 * Item 21 (ข้อ 4.4.7): a penalty under มาตรา 96, or a later change to one (appeal, superior's
 * order, complaint, ล้างมลทิน, amnesty) that references the original entry.
 */
export const disciplineEntry = z
  .object({
    yearBE,
    penalty: choice(PENALTY_OUTCOMES),
    offence: text(500),
    reference: optText(300),
    note: optText(500),
    amendsId: z
      .string()
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
    changeKind: choice(PENALTY_CHANGE_KINDS)
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if ((v.amendsId === null) !== (v.changeKind === null))
      ctx.addIssue({
        code: 'custom',
        path: [v.amendsId ? 'changeKind' : 'amendsId'],
        message: 'err.required',
      });
  });

/** Item 22 (ข้อ 4.4.8). */
export const ethicsEntry = z.object({
  yearBE,
  behaviour: text(500),
  law: optText(300),
  result: text(300),
  reference: optText(300),
});

/** Item 23 (ข้อ 4.4.9). */
export const martialLawEntry = z
  .object({ from: isoDate, to: optIsoDate, detail: text(500), reference: optText(300) })
  .superRefine(dateRange);

/** Item 24 (ข้อ 4.4.10): with the Royal Gazette reference. */
export const decorationEntry = z
  .object({
    receivedDate: isoDate,
    decoration: choice(DECORATIONS),
    otherName: optText(200),
    gazetteVolume: optText(10),
    gazetteSection: optText(20),
    gazetteDate: optIsoDate,
    page: optText(20),
    sequence: optText(20),
  })
  .superRefine((v, ctx) => {
    if (v.decoration === 'other' && !v.otherName)
      ctx.addIssue({ code: 'custom', path: ['otherName'], message: 'err.required' });
  });

const leaveCell = z.object({ times: count, days: leaveDays }, { error: 'err.required' });
/**
 * Item 25 (ข้อ 4.4.11): totals per fiscal year for every leave column; each is required, so a
 * year without leave of a type records an explicit 0.
 */
export const leaveEntry = z.object({
  fiscalYear: z
    .number({ error: 'err.fiscalYear' })
    .int({ error: 'err.fiscalYear' })
    .min(2400, { error: 'err.fiscalYear' })
    .max(2700, { error: 'err.fiscalYear' }),
  ...(Object.fromEntries(LEAVE_TYPES.map((k) => [k, leaveCell])) as Record<
    (typeof LEAVE_TYPES)[number],
    typeof leaveCell
  >),
});

/** Item 26 (ข้อ 4.4.12). */
export const otherEntry = z.object({ category: choice(OTHER_ITEM_CATEGORIES), text: text(1000) });

/** Photos (ข้อ 3.2.1): up to seven, each with its year; the file itself is in the document store. */
export const photoEntry = z.object({
  slot: z
    .number({ error: 'err.invalid' })
    .int()
    .min(1, { error: 'err.invalid' })
    .max(7, { error: 'err.invalid' }),
  yearBE,
  documentId: z.string().uuid({ error: 'err.required' }),
});

/**
 * The record's list items. `key` is the API path segment and the unit a clerk can be assigned
 * (ข้อ 6.1.3); `formItems` are the item numbers on ก.ค.ศ.๑๖.
 */
export const LIST_ITEMS = {
  names: { formItems: [1], schema: nameEntry, th: 'ชื่อ-นามสกุล', en: 'Name' },
  family: { formItems: [5, 6, 7], schema: familyEntry, th: 'บิดา มารดา คู่สมรส', en: 'Parents and spouse' },
  addresses: { formItems: [11, 12], schema: addressEntry, th: 'ที่อยู่', en: 'Addresses' },
  licences: { formItems: [13], schema: licenceEntry, th: 'ใบอนุญาตประกอบวิชาชีพ', en: 'Professional licences' },
  education: { formItems: [14], schema: educationEntry, th: 'ประวัติการศึกษา', en: 'Education' },
  service: {
    formItems: [15],
    schema: serviceEntry,
    th: 'ตำแหน่ง วิทยฐานะ อันดับ/ระดับ และอัตราเงินเดือน',
    en: 'Positions and salary',
  },
  training: { formItems: [16], schema: trainingEntry, th: 'ประวัติการฝึกอบรมและพัฒนาตนเอง', en: 'Training' },
  research: { formItems: [17], schema: researchEntry, th: 'ประวัติการปฏิบัติงานวิจัย', en: 'Research' },
  studyVisits: { formItems: [18], schema: studyVisitEntry, th: 'ประวัติการดูงาน', en: 'Study visits' },
  abilities: { formItems: [19], schema: abilityEntry, th: 'ความสามารถพิเศษ', en: 'Special abilities' },
  specialDuties: { formItems: [20], schema: specialDutyEntry, th: 'การปฏิบัติราชการพิเศษ', en: 'Special duties' },
  discipline: {
    formItems: [21],
    schema: disciplineEntry,
    th: 'การได้รับโทษทางวินัย การล้างมลทิน และการนิรโทษกรรม',
    en: 'Discipline',
  },
  ethics: { formItems: [22], schema: ethicsEntry, th: 'การฝ่าฝืนจรรยาบรรณ', en: 'Ethics violations' },
  martialLaw: {
    formItems: [23],
    schema: martialLawEntry,
    th: 'วันที่ได้ประจำปฏิบัติหน้าที่อยู่ในเขตที่ได้มีประกาศใช้กฎอัยการศึก',
    en: 'Duty under martial law',
  },
  decorations: {
    formItems: [24],
    schema: decorationEntry,
    th: 'เครื่องราชอิสริยาภรณ์/เหรียญตรา',
    en: 'Royal decorations',
  },
  leave: {
    formItems: [25],
    schema: leaveEntry,
    th: 'จำนวนวันลาหยุดราชการ ขาดราชการ มาสาย',
    en: 'Leave, absence and lateness',
  },
  others: { formItems: [26], schema: otherEntry, th: 'รายการอื่นที่จำเป็น', en: 'Other items' },
  photos: { formItems: [0], schema: photoEntry, th: 'รูปถ่าย', en: 'Photos' },
} as const;

export type ListItemKey = keyof typeof LIST_ITEMS;
export const LIST_ITEM_KEYS = Object.keys(LIST_ITEMS) as ListItemKey[];

/** Units of the record a clerk can be assigned: the list items plus the single-valued personal data. */
export const RECORD_ITEM_KEYS = ['personal', ...LIST_ITEM_KEYS] as const;
export type RecordItemKey = (typeof RECORD_ITEM_KEYS)[number];
export const RECORD_ITEM_LABELS: Record<RecordItemKey, { th: string; en: string }> = {
  personal: { th: 'ข้อมูลส่วนตัว (เลขประจำตัว วันเกิด หมู่โลหิต วันบรรจุ กลุ่มวิชา)', en: 'Personal data' },
  ...(Object.fromEntries(
    LIST_ITEM_KEYS.map((k) => [k, { th: LIST_ITEMS[k].th, en: LIST_ITEMS[k].en }]),
  ) as Record<ListItemKey, { th: string; en: string }>),
};

export type EntryInput<K extends ListItemKey> = z.input<(typeof LIST_ITEMS)[K]['schema']>;
export type EntryData<K extends ListItemKey> = z.output<(typeof LIST_ITEMS)[K]['schema']>;
