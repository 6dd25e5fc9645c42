import type { Lang } from './i18n/messages.ts';

type Label = { th: string; en: string };

/**
 * What happened, in words, for each kind of audit event (ระเบียบ ก.ค.ศ. ข้อ 6.1.4: the data
 * controller checks the register's use; item 27 and the audit screen show these, never the code).
 * Every event type the server writes must have a label here: tests/api/audit-screen.test.ts
 * fails on one that has none.
 */
export const AUDIT_EVENT_LABELS: Record<string, Label> = {
  'auth.login': { th: 'เข้าสู่ระบบ', en: 'Signed in' },
  'auth.login.failed': { th: 'เข้าสู่ระบบไม่สำเร็จ', en: 'Failed sign-in' },
  'auth.logout': { th: 'ออกจากระบบ', en: 'Signed out' },
  'auth.reauth': { th: 'ยืนยันตัวตนซ้ำ', en: 'Re-authenticated' },
  'auth.reauth.failed': { th: 'ยืนยันตัวตนซ้ำไม่สำเร็จ', en: 'Failed re-authentication' },
  'auth.password.changed': { th: 'เปลี่ยนรหัสผ่าน', en: 'Password changed' },
  'auth.password.failed': { th: 'ใส่รหัสผ่านปัจจุบันผิด', en: 'Wrong current password' },
  'auth.login.password': {
    th: 'ใส่รหัสผ่านถูกต้อง รอยืนยันตัวตนขั้นที่สอง',
    en: 'Password accepted, second factor pending',
  },
  'auth.login.refused': { th: 'ปฏิเสธการเข้าสู่ระบบระหว่างถูกระงับ', en: 'Sign-in refused while locked' },
  'auth.lockout': { th: 'ระงับการเข้าสู่ระบบชั่วคราว (ผิดเกินกำหนด)', en: 'Sign-in locked (too many failures)' },
  'auth.totp.enrolment.started': { th: 'เริ่มลงทะเบียนแอปยืนยันตัวตน', en: 'Authenticator enrolment started' },
  'auth.totp.enrolment.failed': { th: 'ลงทะเบียนแอปยืนยันตัวตนไม่สำเร็จ', en: 'Authenticator enrolment failed' },
  'auth.totp.enrolled': { th: 'ลงทะเบียนแอปยืนยันตัวตนแล้ว', en: 'Authenticator enrolled' },
  'auth.reauth.refused': {
    th: 'ปฏิเสธการยืนยันตัวตนซ้ำระหว่างถูกระงับ',
    en: 'Re-authentication refused while locked',
  },
  'auth.password.refused': {
    th: 'ปฏิเสธการเปลี่ยนรหัสผ่านระหว่างถูกระงับ',
    en: 'Password change refused while locked',
  },
  'auth.secondFactor.failed': { th: 'รหัสยืนยันตัวตนขั้นที่สองไม่ถูกต้อง', en: 'Wrong second-factor code' },
  'auth.secondFactor.refused': {
    th: 'ปฏิเสธการยืนยันตัวตนขั้นที่สองระหว่างถูกระงับ',
    en: 'Second factor refused while locked',
  },
  'auth.secondFactor.reset': { th: 'รีเซ็ตการยืนยันตัวตนขั้นที่สอง', en: 'Second factor reset' },
  'auth.recoveryCode.used': { th: 'ใช้รหัสกู้คืน', en: 'Recovery code used' },
  'auth.recoveryCodes.regenerated': { th: 'ออกรหัสกู้คืนชุดใหม่', en: 'New recovery codes issued' },
  'access.granted': { th: 'มอบสิทธิ์', en: 'Role granted' },
  'access.revoked': { th: 'เพิกถอนสิทธิ์', en: 'Role revoked' },
  'access.reviewed': { th: 'ทบทวนสิทธิ์', en: 'Roles reviewed' },
  'access.assignments.revoked': { th: 'เพิกถอนการมอบหมายงาน', en: 'Assignments revoked' },
  'record.entry.added': { th: 'เพิ่มรายการ', en: 'Entry added' },
  'record.entry.edited': { th: 'แก้ไขรายการ', en: 'Entry edited' },
  'record.entry.corrected': { th: 'แก้ไขรายการตามคำขอที่อนุมัติ', en: 'Entry corrected (approved request)' },
  'record.entry.removed': { th: 'ลบรายการ', en: 'Entry removed' },
  'record.entry.superseded': { th: 'รายการถูกแทนที่', en: 'Entry superseded' },
  'record.personal.edited': { th: 'แก้ไขข้อมูลส่วนตัว', en: 'Personal data edited' },
  'record.personal.corrected': {
    th: 'แก้ไขข้อมูลส่วนตัวตามคำขอที่อนุมัติ',
    en: 'Personal data corrected (approved request)',
  },
  'record.personal.identified': { th: 'บันทึกข้อมูลจากการพิสูจน์ตัวตน', en: 'Identity data recorded' },
  'record.imported': { th: 'นำเข้าทะเบียนประวัติ', en: 'Record imported' },
  'record.moved': { th: 'ย้ายทะเบียนประวัติไปหน่วยงานใหม่', en: 'Record moved to another office' },
  'record.owner.reviewed': { th: 'เจ้าของประวัติตรวจสอบข้อมูล', en: 'Owner reviewed the record' },
  'record.reappointed': { th: 'บรรจุกลับ', en: 'Re-appointed' },
  'record.removed': { th: 'จำหน่ายออกจากทะเบียน', en: 'Removed from the register' },
  'person.removed': { th: 'จำหน่ายบุคคล', en: 'Person removed' },
  'order.recorded': { th: 'บันทึกคำสั่ง', en: 'Order recorded' },
  'transfer.out.recorded': { th: 'บันทึกการให้โอน', en: 'Transfer out recorded' },
  'transfer.in.recorded': { th: 'บันทึกการรับโอน', en: 'Transfer in recorded' },
  'transfer.external.received': { th: 'รับบุคคลจากหน่วยงานอื่น', en: 'Received from another service' },
  'transfer.move.requested': { th: 'ขอย้ายทะเบียนประวัติ', en: 'Move requested' },
  'transfer.move.confirmed': { th: 'ยืนยันการย้าย', en: 'Move confirmed' },
  'transfer.move.disputed': { th: 'โต้แย้งการย้าย', en: 'Move disputed' },
  'signature.record.signed': { th: 'ลงลายมือชื่อรับรองทะเบียน', en: 'Record signed' },
  'signature.credential.registered': { th: 'ลงทะเบียนกุญแจลงลายมือชื่อ', en: 'Signing key registered' },
  'document.uploaded': { th: 'อัปโหลดเอกสาร', en: 'Document uploaded' },
  'document.requested': { th: 'ขอเอกสาร', en: 'Document requested' },
  'document.request.rejected': { th: 'ปฏิเสธคำขอเอกสาร', en: 'Document request rejected' },
  'document.issued': { th: 'ออกเอกสาร', en: 'Document issued' },
  'document.revoked': { th: 'เพิกถอนเอกสาร', en: 'Document revoked' },
  'workflow.case.filed': { th: 'ยื่นคำขอ', en: 'Request filed' },
  'workflow.case.step': { th: 'ดำเนินการตามขั้นตอนคำขอ', en: 'Request step taken' },
  'workflow.onboarding.opened': { th: 'เปิดการบรรจุใหม่', en: 'Onboarding opened' },
  'workflow.onboarding.identified': { th: 'ผู้บรรจุใหม่พิสูจน์ตัวตน', en: 'New hire identified' },
  'holiday.added': { th: 'เพิ่มวันหยุด', en: 'Holiday added' },
  'holiday.updated': { th: 'แก้ไขวันหยุด', en: 'Holiday updated' },
  'holiday.removed': { th: 'ลบวันหยุด', en: 'Holiday removed' },
  'holiday.seeded': { th: 'นำเข้าตารางวันหยุด', en: 'Holiday table loaded' },
  'import.offices': { th: 'นำเข้าหน่วยงาน', en: 'Offices imported' },
  'demo.loaded': { th: 'โหลดข้อมูลสาธิต', en: 'Demo data loaded' },
};

/** The groups the audit screen filters by: the event type's first segment. */
export const AUDIT_EVENT_GROUPS: Record<string, Label> = {
  auth: { th: 'การเข้าสู่ระบบ', en: 'Sign-in' },
  access: { th: 'สิทธิ์การใช้งาน', en: 'Access rights' },
  record: { th: 'การบันทึกทะเบียนประวัติ', en: 'Record changes' },
  person: { th: 'การจำหน่าย', en: 'Removals' },
  order: { th: 'คำสั่ง', en: 'Orders' },
  transfer: { th: 'การย้ายและโอน', en: 'Moves and transfers' },
  signature: { th: 'ลายมือชื่อ', en: 'Signatures' },
  document: { th: 'เอกสาร', en: 'Documents' },
  workflow: { th: 'คำขอและงาน', en: 'Requests and cases' },
  holiday: { th: 'ตารางวันหยุด', en: 'Holiday table' },
};

export const AUDIT_EVENT_GROUP_KEYS = Object.keys(AUDIT_EVENT_GROUPS) as [string, ...string[]];

/** The event in words; an event type without a label still reads as words, never as its code. */
export function auditEventLabel(eventType: string, lang: Lang): string {
  const l = AUDIT_EVENT_LABELS[eventType];
  if (l) return l[lang];
  const g = AUDIT_EVENT_GROUPS[eventType.split('.')[0] ?? ''];
  const other = lang === 'th' ? 'เหตุการณ์อื่น' : 'Other event';
  return g ? `${g[lang]}: ${other}` : other;
}
