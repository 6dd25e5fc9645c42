/**
 * Personal data the regulation lets change only through its own approval chain
 * (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 4.2):
 *  - ข้อ 4.2.1 วัน เดือน ปีเกิด: the agency asks ก.ค.ศ.; once ก.ค.ศ. approves, สำนักงาน ก.ค.ศ. edits;
 *  - ข้อ 4.2.2 วัน เดือน ปี ที่บรรจุ: the district director / head of agency approves with the
 *    approval of อ.ก.ค.ศ. (recorded by the records officer).
 * No direct write may change them once the record is established: only the correction case of
 * that kind, approved as above, applies the change. While a new hire's record is being made
 * (the onboarding case, ข้อ 3, is open: not yet certified) they are onboarding data and are
 * entered like the rest. Pure; the server enforces it on every writer and the UI shows the fields
 * read-only with the route to take.
 */

export const PROTECTED_FIELDS = {
  birthDate: {
    clause: 'ข้อ 4.2.1',
    /** The only workflow whose applied step may write the field. */
    workflow: 'correction.birthDate',
    th: 'แก้ไขโดยตรงไม่ได้ ต้องยื่นคำขอแก้ไข (ข้อ 4.2.1) ก.ค.ศ. อนุมัติแล้วสำนักงาน ก.ค.ศ. เป็นผู้แก้ไข',
    en: 'cannot be edited directly; needs a correction request (clause 4.2.1) approved by the Teacher Civil Service Commission (ก.ค.ศ.), then edited by its office',
  },
  appointmentDate: {
    clause: 'ข้อ 4.2.2',
    workflow: 'correction.appointmentDate',
    th: 'แก้ไขโดยตรงไม่ได้ ต้องยื่นคำขอแก้ไข (ข้อ 4.2.2) ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาหรือหัวหน้าส่วนราชการอนุมัติโดยอนุมัติ อ.ก.ค.ศ.',
    en: 'cannot be edited directly; needs a correction request (clause 4.2.2) approved by the district director or head of agency with the approval of the sub-commission (อ.ก.ค.ศ.)',
  },
} as const;

export type ProtectedField = keyof typeof PROTECTED_FIELDS;
export const PROTECTED_FIELD_KEYS = Object.keys(PROTECTED_FIELDS) as ProtectedField[];

/** Where a record is: being made by onboarding (ข้อ 3, not yet certified), or established. */
export type RecordStage = 'onboarding' | 'established';

/** Who writes: a direct edit/import/onboarding step at a record stage, or an applied correction case. */
export type ProtectedWriter = { via: 'direct'; stage: RecordStage } | { via: 'correction'; workflow: string };

export function isProtectedField(field: string): field is ProtectedField {
  return Object.hasOwn(PROTECTED_FIELDS, field);
}

/** May `writer` change `field`? Unprotected fields: always (other rules still apply). */
export function mayWriteField(field: string, writer: ProtectedWriter): boolean {
  if (!isProtectedField(field)) return true;
  if (writer.via === 'direct') return writer.stage === 'onboarding';
  return writer.workflow === PROTECTED_FIELDS[field].workflow;
}

/** The fields a direct write may not change at this stage (what the UI shows read-only). */
export function correctionOnlyFields(stage: RecordStage): ProtectedField[] {
  return PROTECTED_FIELD_KEYS.filter((f) => !mayWriteField(f, { via: 'direct', stage }));
}

/**
 * The protected fields a write from `before` to `after` would change and `writer` may not.
 * A field sent unchanged is no change (the personal form sends every field); a field absent from
 * `after` is not written.
 */
export function refusedWrites(
  before: Partial<Record<ProtectedField, string | null | undefined>>,
  after: Partial<Record<string, unknown>>,
  writer: ProtectedWriter,
): ProtectedField[] {
  return PROTECTED_FIELD_KEYS.filter(
    (f) => f in after && (after[f] ?? null) !== (before[f] ?? null) && !mayWriteField(f, writer),
  );
}
