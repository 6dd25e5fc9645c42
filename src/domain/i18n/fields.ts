import type { Lang } from './messages.ts';
import { t } from './messages.ts';

/** Thai/English labels of input fields, so every error names the field the user sees. */
export const FIELD_LABELS: Record<string, { th: string; en: string }> = {
  nationalId: { th: 'เลขประจำตัวประชาชน', en: 'National ID' },
  password: { th: 'รหัสผ่าน', en: 'Password' },
  currentPassword: { th: 'รหัสผ่านปัจจุบัน', en: 'Current password' },
  newPassword: { th: 'รหัสผ่านใหม่', en: 'New password' },
  prefix: { th: 'คำนำหน้า', en: 'Prefix' },
  rankTitle: { th: 'ยศ/บรรดาศักดิ์', en: 'Rank/title' },
  firstName: { th: 'ชื่อ', en: 'First name' },
  middleName: { th: 'ชื่อกลาง', en: 'Middle name' },
  lastName: { th: 'นามสกุล', en: 'Last name' },
  effectiveDate: { th: 'วันที่มีผล', en: 'Effective date' },
  reference: { th: 'เอกสารอ้างอิง', en: 'Reference' },
  birthDate: { th: 'วัน เดือน ปีเกิด', en: 'Date of birth' },
  bloodGroup: { th: 'หมู่โลหิต', en: 'Blood group' },
  appointmentDate: { th: 'วันบรรจุ', en: 'Appointment date' },
  subjectGroup: { th: 'กลุ่มวิชา/ทาง/สาขาวิชาเอก', en: 'Subject group' },
  relation: { th: 'ความสัมพันธ์', en: 'Relation' },
  kind: { th: 'ประเภท', en: 'Kind' },
  houseNo: { th: 'บ้านเลขที่', en: 'House no.' },
  moo: { th: 'หมู่ที่', en: 'Moo' },
  soi: { th: 'ตรอก/ซอย', en: 'Soi' },
  road: { th: 'ถนน', en: 'Road' },
  tambonCode: { th: 'แขวง/ตำบล', en: 'Sub-district' },
  postcode: { th: 'รหัสไปรษณีย์', en: 'Postcode' },
  type: { th: 'ประเภท', en: 'Type' },
  number: { th: 'เลขที่', en: 'Number' },
  issueDate: { th: 'วันออกใบอนุญาต', en: 'Issue date' },
  expiryDate: { th: 'วันหมดอายุ', en: 'Expiry date' },
  level: { th: 'ระดับการศึกษา', en: 'Level' },
  institution: { th: 'สถานศึกษา', en: 'Institution' },
  from: { th: 'ตั้งแต่', en: 'From' },
  to: { th: 'ถึง', en: 'To' },
  degree: { th: 'วุฒิที่ได้รับ', en: 'Degree' },
  major: { th: 'สาขาวิชาเอก', en: 'Major' },
  minor: { th: 'สาขาวิชาโท', en: 'Minor' },
  usedForAppointment: { th: 'ใช้ในการบรรจุ', en: 'Used for appointment' },
  positionTitle: { th: 'ตำแหน่ง', en: 'Position' },
  agency: { th: 'ส่วนราชการ/หน่วยงานการศึกษา', en: 'Agency/unit' },
  officeId: { th: 'หน่วยงาน', en: 'Office' },
  standing: { th: 'วิทยฐานะ', en: 'Academic standing' },
  positionNumber: { th: 'เลขที่ตำแหน่ง', en: 'Position number' },
  positionType: { th: 'ตำแหน่งประเภท', en: 'Position type' },
  rankLevel: { th: 'อันดับ/ระดับ', en: 'Rank/level' },
  salary: { th: 'อัตราเงินเดือน', en: 'Salary' },
  positionAllowance: { th: 'เงินประจำตำแหน่ง/เงินวิทยฐานะ', en: 'Position/standing allowance' },
  compensation: { th: 'ค่าตอบแทน', en: 'Compensation' },
  otherSpecialPay: { th: 'เงินเพิ่มพิเศษอื่นๆ', en: 'Other special pay' },
  referenceDocument: { th: 'เอกสารอ้างอิง', en: 'Reference document' },
  mode: { th: 'รูปแบบการบันทึก', en: 'Entry mode' },
  note: { th: 'หมายเหตุ', en: 'Note' },
  course: { th: 'ประกาศนียบัตร/หลักสูตร', en: 'Course' },
  place: { th: 'สถานที่', en: 'Place' },
  organiser: { th: 'หน่วยงานที่จัด', en: 'Organiser' },
  title: { th: 'ชื่อเรื่อง', en: 'Title' },
  abroad: { th: 'ต่างประเทศ', en: 'Abroad' },
  field: { th: 'ด้าน', en: 'Field' },
  detail: { th: 'รายละเอียด', en: 'Detail' },
  yearBE: { th: 'พ.ศ.', en: 'Year (B.E.)' },
  penalty: { th: 'สถานโทษ', en: 'Penalty' },
  offence: { th: 'ลักษณะความผิด', en: 'Offence' },
  amendsId: { th: 'รายการโทษเดิม', en: 'Original penalty' },
  changeKind: { th: 'ลักษณะการเปลี่ยนแปลง', en: 'Kind of change' },
  behaviour: { th: 'พฤติกรรม', en: 'Behaviour' },
  law: { th: 'กฎหมาย', en: 'Law' },
  result: { th: 'ผลการพิจารณา', en: 'Result' },
  receivedDate: { th: 'วันที่ได้รับ', en: 'Date received' },
  decoration: { th: 'เครื่องราชอิสริยาภรณ์/เหรียญตรา', en: 'Decoration' },
  otherName: { th: 'ชื่อเครื่องราชฯ', en: 'Decoration name' },
  gazetteVolume: { th: 'เล่ม', en: 'Volume' },
  gazetteSection: { th: 'ตอนที่', en: 'Section' },
  gazetteDate: { th: 'วันประกาศในราชกิจจานุเบกษา', en: 'Gazette date' },
  page: { th: 'หน้า', en: 'Page' },
  sequence: { th: 'ลำดับที่', en: 'Sequence' },
  fiscalYear: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  times: { th: 'ครั้ง', en: 'times' },
  days: { th: 'วัน', en: 'days' },
  category: { th: 'ประเภท', en: 'Category' },
  text: { th: 'รายการ', en: 'Item' },
  slot: { th: 'รูปที่', en: 'Photo no.' },
  documentId: { th: 'ไฟล์รูปถ่าย', en: 'Photo file' },
  version: { th: 'รุ่นของข้อมูล', en: 'Version' },
  role: { th: 'บทบาท', en: 'Role' },
  userId: { th: 'ผู้ใช้', en: 'User' },
  startDate: { th: 'วันเริ่มต้น', en: 'Start date' },
  endDate: { th: 'วันสิ้นสุด', en: 'End date' },
  personIds: { th: 'บุคลากรที่มอบหมาย', en: 'Assigned people' },
  itemKeys: { th: 'รายการที่มอบหมาย', en: 'Assigned items' },
  q: { th: 'คำค้น', en: 'Search text' },
  page_: { th: 'หน้า', en: 'Page' },
};

/** Label for a dotted field path such as "sick.days" → "ลาป่วย: วัน". */
export function fieldLabel(
  pathStr: string,
  lang: Lang = 'th',
  extra: Record<string, { th: string; en: string }> = {},
) {
  return pathStr
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .map((p) => (extra[p] ?? FIELD_LABELS[p])?.[lang] ?? p)
    .join(' ');
}

/** "เลขประจำตัวประชาชน: เลขตรวจสอบ (หลักที่ 13) ไม่ถูกต้อง" */
export function fieldMessage(
  pathStr: string,
  messageKey: string,
  lang: Lang = 'th',
  extra: Record<string, { th: string; en: string }> = {},
) {
  const label = fieldLabel(pathStr, lang, extra);
  return label ? `${label}: ${t(messageKey, lang)}` : t(messageKey, lang);
}
