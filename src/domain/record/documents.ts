/**
 * Attachments of the electronic record: the 16 categories of ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.5, plus
 * the photos of ข้อ 3.2.1, and the printouts and certificates the system issues.
 */

/** ข้อ 3.5.1–3.5.16, in the regulation's order. */
export const DOCUMENT_CATEGORIES = [
  'appointmentOrder',
  'qualification',
  'backgroundCheck',
  'civilStatus',
  'statusOrders',
  'houseRegistration',
  'developmentEvidence',
  'specialAbilities',
  'specialDuties',
  'discipline',
  'martialLaw',
  'decorations',
  'licence',
  'honours',
  'benefits',
  'other',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const DOCUMENT_CATEGORY_LABELS: Record<DocumentCategory, { clause: string; th: string; en: string }> =
  {
    appointmentOrder: {
      clause: '3.5.1',
      th: 'คำสั่งบรรจุและแต่งตั้งให้เข้ารับราชการ และเอกสารหลักฐานการรายงานตัว',
      en: 'Appointment order and reporting for duty',
    },
    qualification: {
      clause: '3.5.2',
      th: 'สำเนาวุฒิการศึกษาที่ใช้สมัครเข้ารับราชการ',
      en: 'Qualification used to apply',
    },
    backgroundCheck: {
      clause: '3.5.3',
      th: 'หลักฐานการตรวจสอบประวัติ (ผลการตรวจสอบลายพิมพ์นิ้วมือ)',
      en: 'Background check (fingerprint check)',
    },
    civilStatus: {
      clause: '3.5.4',
      th: 'หลักฐานเกี่ยวกับสถานะของบุคคล (สูติบัตร เปลี่ยนชื่อ สมรส หย่า สด.๙)',
      en: 'Civil status documents',
    },
    statusOrders: {
      clause: '3.5.5',
      th: 'คำสั่งเกี่ยวกับสถานะของเจ้าของประวัติ (บรรจุ โอน เลื่อนเงินเดือน วิทยฐานะ)',
      en: 'Orders on the owner’s status',
    },
    houseRegistration: { clause: '3.5.6', th: 'สำเนาทะเบียนบ้านฉบับปัจจุบัน', en: 'House registration' },
    developmentEvidence: {
      clause: '3.5.7',
      th: 'หลักฐานการศึกษา การฝึกอบรมและพัฒนาตนเอง การวิจัย และการดูงาน',
      en: 'Education, training, research and study visits',
    },
    specialAbilities: { clause: '3.5.8', th: 'หลักฐานเกี่ยวกับความสามารถพิเศษ', en: 'Special abilities' },
    specialDuties: { clause: '3.5.9', th: 'หลักฐานเกี่ยวกับการปฏิบัติราชการพิเศษ', en: 'Special duties' },
    discipline: {
      clause: '3.5.10',
      th: 'หลักฐานเกี่ยวกับการดำเนินการทางวินัย การล้างมลทิน การนิรโทษกรรม การฝ่าฝืนจริยธรรม',
      en: 'Discipline, amnesty and ethics',
    },
    martialLaw: {
      clause: '3.5.11',
      th: 'หลักฐานวันที่ประจำหน้าที่ในเขตที่ประกาศใช้กฎอัยการศึก',
      en: 'Service under martial law',
    },
    decorations: { clause: '3.5.12', th: 'หลักฐานการได้รับเครื่องราชอิสริยาภรณ์/เหรียญตรา', en: 'Decorations' },
    licence: {
      clause: '3.5.13',
      th: 'สำเนาใบอนุญาตประกอบวิชาชีพ หรือหลักฐานที่คุรุสภาออกให้',
      en: 'Professional licence',
    },
    honours: { clause: '3.5.14', th: 'หลักฐานการได้รับการยกย่องเชิดชูเกียรติ', en: 'Honours' },
    benefits: {
      clause: '3.5.15',
      th: 'เอกสารสิทธิประโยชน์ (หนังสือแสดงเจตนาระบุตัวผู้รับเงิน/บำเหน็จตกทอด)',
      en: 'Benefit nominations',
    },
    other: { clause: '3.5.16', th: 'เอกสารสำคัญอื่น ๆ', en: 'Other important documents' },
  };

/** Every document category the store accepts: the 16 of ข้อ 3.5 and photos (ข้อ 3.2.1). */
export const UPLOAD_CATEGORIES = [...DOCUMENT_CATEGORIES, 'photo'] as const;
export type UploadCategory = (typeof UPLOAD_CATEGORIES)[number];

/** What an upload must be: scans are colour PDFs at ≥ 300 DPI (ข้อ 5.6.1), photos colour JPEG/PNG at ≥ 300 DPI (ข้อ 3.2.1). */
export const UPLOAD_RULES: Record<
  'scan' | 'photo',
  { types: readonly ('pdf' | 'jpeg' | 'png')[]; minDpi: number; colour: boolean }
> = {
  scan: { types: ['pdf'], minDpi: 300, colour: true },
  photo: { types: ['jpeg', 'png'], minDpi: 300, colour: true },
};

/** A new photo is due every six years (ข้อ 3.2.1 "นำรูปถ่ายใหม่มา Upload เพิ่มเติมทุก ๆ ๖ ปี"). */
export const PHOTO_RENEWAL_YEARS = 6;

/** True when the latest photo's year (พ.ศ.) is six or more years before `todayBE`, or there is none. */
export function isPhotoDue(photoYearsBE: readonly number[], todayBE: number): boolean {
  if (photoYearsBE.length === 0) return true;
  return todayBE - Math.max(...photoYearsBE) >= PHOTO_RENEWAL_YEARS;
}

/** What the system issues and registers for /verify. */
export const ISSUED_KINDS = [
  'ks16',
  'ks16_certified',
  'cert_employment',
  'cert_salary',
  'cert_service',
] as const;
export type IssuedKind = (typeof ISSUED_KINDS)[number];
export const ISSUED_KIND_LABELS: Record<IssuedKind, { th: string; en: string }> = {
  ks16: { th: 'ทะเบียนประวัติ (ก.ค.ศ.๑๖) ฉบับพิมพ์', en: 'Record printout (KS16)' },
  ks16_certified: { th: 'สำเนาทะเบียนประวัติที่รับรองแล้ว (สำเนารับรอง)', en: 'Certified copy of the record' },
  cert_employment: { th: 'หนังสือรับรองการเป็นข้าราชการและตำแหน่ง', en: 'Certificate of employment and position' },
  cert_salary: { th: 'หนังสือรับรองเงินเดือน', en: 'Salary certificate' },
  cert_service: { th: 'หนังสือรับรองระยะเวลาการรับราชการ', en: 'Service period certificate' },
};

/**
 * The record items each issued document states, so that downloading it needs the same right as
 * making it (ADR 0110): a printout or certified copy is the whole form ก.ค.ศ.๑๖ (ข้อ 5.5), which
 * only a reader of every item may print; a certificate states the name, the national ID and
 * appointment date, and the position and salary from the service history.
 */
export const ISSUED_KIND_ITEMS: Record<IssuedKind, 'all' | readonly ('personal' | 'names' | 'service')[]> = {
  ks16: 'all',
  ks16_certified: 'all',
  cert_employment: ['personal', 'names', 'service'],
  cert_salary: ['personal', 'names', 'service'],
  cert_service: ['personal', 'names', 'service'],
};

/** What an owner may request: a certified copy (ข้อ 5.5) or one of the certificates. */
export const REQUEST_KINDS = ['certified_copy', 'cert_employment', 'cert_salary', 'cert_service'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const ISSUED_STATUS_LABELS = {
  valid: { th: 'ใช้ได้ (เป็นฉบับปัจจุบัน)', en: 'Valid' },
  superseded: { th: 'มีฉบับใหม่กว่าแทนแล้ว', en: 'Superseded' },
  revoked: { th: 'ถูกเพิกถอนแล้ว', en: 'Revoked' },
} as const;
