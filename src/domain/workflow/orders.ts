/**
 * The 14 kinds of order the records officer records into item 15 (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 4.4.1),
 * as data. Kinds 12 and 13 amend an earlier order instead of standing alone.
 */
export const ORDER_KINDS = {
  appointment: { no: 1, th: 'การบรรจุและแต่งตั้ง' },
  probation: { no: 2, th: 'การพ้นทดลองปฏิบัติหน้าที่ราชการ/ผ่านการเตรียมความพร้อมและพัฒนาอย่างเข้ม' },
  salary: { no: 3, th: 'เงินเดือน เงินประจำตำแหน่ง/เงินวิทยฐานะ และค่าตอบแทน' },
  move: { no: 4, th: 'การเปลี่ยนตำแหน่ง ย้าย โอน' },
  positionTransfer: { no: 5, th: 'การตัดโอนตำแหน่งและอัตราเงินเดือน' },
  standing: { no: 6, th: 'การให้มีหรือเลื่อนวิทยฐานะ' },
  levelUp: { no: 7, th: 'การเลื่อนระดับตำแหน่ง' },
  acting: { no: 8, th: 'การรักษาราชการแทน หรือการรักษาการในตำแหน่ง' },
  studyLeave: { no: 9, th: 'การลาไปศึกษา ฝึกอบรม ปฏิบัติงานวิจัย หรือดูงาน' },
  leaveService: { no: 10, th: 'การออกจากราชการ' },
  attachment: { no: 11, th: 'การสั่งให้ประจำส่วนราชการหรือสำนักงานเขตพื้นที่การศึกษา' },
  correction: { no: 12, th: 'การแก้ไขคำสั่ง', amends: 'corrected' },
  cancellation: { no: 13, th: 'การยกเลิกคำสั่ง', amends: 'cancelled' },
  other: { no: 14, th: 'อื่น ๆ' },
} as const satisfies Record<string, { no: number; th: string; amends?: 'corrected' | 'cancelled' }>;

export type OrderKind = keyof typeof ORDER_KINDS;
export const ORDER_KIND_KEYS = Object.keys(ORDER_KINDS) as OrderKind[];

/** ข้อ 4.4: recorded "ทันทีอย่างช้าไม่เกิน ๕ วันทำการ" after the order. */
export const ORDER_RECORD_BUSINESS_DAYS = 5;

/**
 * Kinds that change a person's position, office or duty, or end their service: recording one ends
 * every role assignment the person holds (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 2.2.3).
 */
export const POSITION_CHANGING_ORDERS: readonly OrderKind[] = [
  'move',
  'positionTransfer',
  'levelUp',
  'acting',
  'attachment',
  'leaveService',
];

/**
 * ข้อ 5.1: service history before 1 April 2565 (2022) is recorded "แบบอ้างอิงทะเบียนประวัติ"
 * (pointing at the old scanned record); from that day on as current data.
 */
export const REFERENCE_MODE_BEFORE = '2022-04-01';
