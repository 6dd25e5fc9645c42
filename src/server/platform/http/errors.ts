import type { Lang } from '../../../domain/i18n/messages.ts';
import { SERVICE_REFUSALS } from '../../../domain/transfer/service-status.ts';

/** Error codes → HTTP status and the Thai/English message shown to the user. */
export const ERROR_CODES = {
  validation: {
    status: 400,
    th: 'ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบช่องที่ระบุ',
    en: 'Invalid input; check the fields named',
  },
  unauthenticated: { status: 401, th: 'กรุณาเข้าสู่ระบบ', en: 'Please sign in' },
  badCredentials: {
    status: 401,
    th: 'เลขประจำตัวประชาชนหรือรหัสผ่านไม่ถูกต้อง',
    en: 'National ID or password is incorrect',
  },
  accountLocked: {
    status: 429,
    th: 'บัญชีถูกระงับชั่วคราวเนื่องจากใส่รหัสผ่านผิดหลายครั้ง กรุณารอแล้วลองใหม่',
    en: 'Too many failed attempts; wait and try again',
  },
  secondFactorRequired: {
    status: 403,
    th: 'กรุณายืนยันตัวตนขั้นที่สอง (รหัส ๖ หลักจากแอปยืนยันตัวตน หรือรหัสกู้คืน) ก่อนใช้งาน',
    en: 'Enter your second factor (the 6-digit code from your authenticator app, or a recovery code) first',
  },
  secondFactorEnrol: {
    status: 403,
    th: 'บัญชีที่เข้าถึงทะเบียนประวัติของผู้อื่นต้องตั้งค่าการยืนยันตัวตนสองขั้นตอนก่อนใช้งาน',
    en: 'Accounts that can read other people’s records must set up two-step sign-in first',
  },
  badSecondFactor: {
    status: 401,
    th: 'รหัสยืนยันตัวตนไม่ถูกต้องหรือถูกใช้ไปแล้ว',
    en: 'The code is incorrect or has already been used',
  },
  totpEnrolled: {
    status: 409,
    th: 'บัญชีนี้ตั้งค่าแอปยืนยันตัวตนไว้แล้ว หากทำอุปกรณ์หาย ให้ติดต่อผู้ควบคุมการเข้าใช้งานที่สำนักงาน',
    en: 'This account already has an authenticator; if you lost it, ask your access controller in the office',
  },
  noTotp: {
    status: 409,
    th: 'บัญชีนี้ยังไม่ได้ตั้งค่าแอปยืนยันตัวตน',
    en: 'This account has no authenticator set up',
  },
  tooManyRequests: { status: 429, th: 'มีการร้องขอมากเกินไป กรุณารอสักครู่', en: 'Too many requests; please wait' },
  csrf: { status: 403, th: 'คำขอไม่ผ่านการตรวจสอบความปลอดภัย (CSRF) กรุณาโหลดหน้าใหม่', en: 'CSRF check failed' },
  forbidden: { status: 403, th: 'ท่านไม่มีสิทธิ์ดำเนินการนี้', en: 'You may not do this' },
  notFound: { status: 404, th: 'ไม่พบข้อมูล', en: 'Not found' },
  conflict: {
    status: 409,
    th: 'ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลล่าสุดก่อนแก้ไขอีกครั้ง',
    en: 'Someone else changed this record; reload before editing',
  },
  duplicate: { status: 409, th: 'มีข้อมูลนี้อยู่แล้ว', en: 'This already exists' },
  roleHeld: {
    status: 409,
    th: 'ผู้ใช้นี้มีสิทธิ์บทบาทนี้ในหน่วยงานนี้อยู่แล้วในช่วงเวลาดังกล่าว',
    en: 'This user already holds this role in this office for that period',
  },
  dutyConflict: {
    status: 409,
    th: 'กำหนดสิทธิ์ไม่ได้: ผู้บันทึกหรือจัดทำทะเบียนประวัติกับผู้รับรองทะเบียนประวัติของหน่วยงานเดียวกันต้องเป็นคนละคน (แบ่งแยกหน้าที่)',
    en: 'Refused: the person who enters records and the one who certifies them must be different people (separation of duties)',
  },
  selfGrant: { status: 403, th: 'ไม่สามารถกำหนดสิทธิ์ให้ตนเองได้', en: 'You cannot grant yourself a role' },
  notActive: {
    status: 409,
    th: 'ทะเบียนประวัตินี้ถูกจำหน่ายออกจากระบบแล้ว แก้ไขไม่ได้',
    en: 'This record has been removed from the active register',
  },
  workflowState: {
    status: 409,
    th: 'ไม่สามารถดำเนินการนี้ได้ในขั้นตอนปัจจุบันของเรื่อง กรุณาโหลดข้อมูลล่าสุด',
    en: 'This action is not possible at the current step of the case',
  },
  // Refusals of the service-status machine (ข้อ 5.2–5.4, src/domain/transfer/service-status.ts).
  transferOpen: { status: 409, ...SERVICE_REFUSALS.transferOpen },
  removedAlready: { status: 409, ...SERVICE_REFUSALS.removedAlready },
  stillInService: { status: 409, ...SERVICE_REFUSALS.stillInService },
  noOpenTransfer: { status: 409, ...SERVICE_REFUSALS.noOpenTransfer },
  // ข้อ 4.2.1/4.2.2 (domain/record/protected-fields.ts): the fields named change only through an
  // approved correction request, never by a direct edit, an import or any other write.
  correctionRequired: {
    status: 409,
    th: 'วันเกิดและวันบรรจุแก้ไขได้เฉพาะโดยคำขอแก้ไขที่ได้รับอนุมัติตามข้อ 4.2.1 และ 4.2.2 เท่านั้น',
    en: 'The date of birth and the appointment date change only through a correction request approved as clauses 4.2.1 and 4.2.2 require',
  },
  // ข้อ 3.1–3.2: a Digital ID sign-in needs the onboarding case the office opens first.
  digitalIdNoRecord: {
    status: 403,
    th: 'ยังไม่มีทะเบียนประวัติของท่านในระบบ กรุณาติดต่อผู้จัดทำทะเบียนประวัติของหน่วยงานที่ท่านได้รับการบรรจุ ให้เปิดเรื่องจัดทำทะเบียนประวัติผู้บรรจุใหม่ (ข้อ 3.1) แล้วเข้าสู่ระบบด้วย Digital ID อีกครั้ง',
    en: 'You have no record yet. Ask the records officer of the office that appointed you to open your new-hire onboarding (clause 3.1), then sign in with Digital ID again',
  },
  selfApproval: {
    status: 403,
    th: 'ไม่สามารถพิจารณาหรืออนุมัติเรื่องของตนเองหรือที่ตนเองยื่นได้',
    en: 'You cannot decide a case about yourself or one you filed',
  },
  reauthRequired: {
    status: 403,
    th: 'การลงลายมือชื่ออิเล็กทรอนิกส์ต้องยืนยันตัวตนภายใน ๕ นาที กรุณาใส่รหัสผ่านอีกครั้ง',
    en: 'Signing needs a sign-in within the last 5 minutes; please re-enter your password',
  },
  signatureInvalid: {
    status: 400,
    th: 'ลายมือชื่ออิเล็กทรอนิกส์ไม่ถูกต้องหรือไม่ตรงกับข้อมูลที่ลงนาม',
    en: 'The electronic signature is invalid or does not match what is signed',
  },
  auditChainBroken: {
    status: 409,
    th: 'ลงนามจุดตรวจสอบไม่ได้ เพราะบันทึกการตรวจสอบไม่ผ่านการตรวจตั้งแต่จุดตรวจสอบล่าสุด',
    en: 'Cannot sign a checkpoint: the audit trail does not verify since the last checkpoint',
  },
  uriTooLong: { status: 414, th: 'ที่อยู่ (URL) ที่ส่งมายาวเกินกำหนด', en: 'The address (URL) is too long' },
  payloadTooLarge: { status: 413, th: 'ไฟล์มีขนาดใหญ่เกินกำหนด', en: 'File too large' },
  unsupportedMedia: { status: 415, th: 'ชนิดไฟล์ไม่ถูกต้อง', en: 'Unsupported file type' },
  internal: { status: 500, th: 'เกิดข้อผิดพลาดในระบบ กรุณาลองใหม่อีกครั้ง', en: 'Internal error; please try again' },
} as const satisfies Record<string, { status: number; th: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldError = { field: string; message: string; messageKey: string };

/** The one application error: a code (→ status and message) plus optional field errors. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: { field: string; messageKey: string }[] = [],
    readonly detail?: string,
  ) {
    super(detail ?? code);
  }
}

export function messageFor(code: ErrorCode, lang: Lang): string {
  return ERROR_CODES[code][lang];
}
