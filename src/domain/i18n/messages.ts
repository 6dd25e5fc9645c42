import { PROTECTED_FIELDS } from '../record/protected-fields.ts';
/**
 * Validation and error messages. Schemas carry a message *key*; the API error handler and
 * the web app translate it, so both show the same Thai (or English) text for the same rule.
 */
export type Lang = 'th' | 'en';

export const messages = {
  // ข้อ 4.2.1/4.2.2: only the applied correction writes these (domain/record/protected-fields.ts)
  'err.protected.birthDate': { th: PROTECTED_FIELDS.birthDate.th, en: PROTECTED_FIELDS.birthDate.en },
  'err.protected.appointmentDate': {
    th: PROTECTED_FIELDS.appointmentDate.th,
    en: PROTECTED_FIELDS.appointmentDate.en,
  },
  'err.required': { th: 'ต้องกรอก', en: 'is required' },
  'err.mixedAuthority': {
    th: 'การแก้ไขวันเกิดหรือวันบรรจุต้องยื่นคำขอแยกจากรายการอื่น (ข้อ 4.2.1, 4.2.2)',
    en: 'A date of birth or appointment date must be requested on its own',
  },
  'err.invalid': { th: 'ข้อมูลไม่ถูกต้อง', en: 'is invalid' },
  'err.grant.notStaff': {
    th: 'ไม่ใช่บุคลากรในสังกัดของหน่วยงานนี้ จึงกำหนดสิทธิ์ในหน่วยงานนี้ไม่ได้ (ข้อ 2.2.1)',
    en: 'is not on the staff of this office, so cannot be given a role here',
  },
  'err.grant.roleHeld': {
    th: 'ผู้ใช้มีบทบาทนี้ในหน่วยงานนี้อยู่แล้ว',
    en: 'is already held by this user in this office',
  },
  'err.grant.dutyConflict': {
    th: 'ผู้ใช้มีบทบาทที่ขัดกันกับบทบาทนี้ในหน่วยงานเดียวกัน (ผู้บันทึกข้อมูลกับผู้รับรองต้องเป็นคนละคน)',
    en: 'conflicts with a role the user holds over the same records (who enters may not certify)',
  },
  'err.import.createPerson': {
    th: 'เป็นการเพิ่มบุคคลใหม่ ซึ่งทำได้โดยผู้จัดทำทะเบียนประวัติเท่านั้น (ข้อ 6.1.2, 6.1.3) จึงนำเข้าไม่ได้ และไม่มีข้อมูลใดถูกบันทึก',
    en: 'adds new people, which only a records officer may do; nothing was imported',
  },
  'err.import.itemNotAssigned': {
    th: 'ท่านไม่ได้รับมอบหมายให้บันทึกรายการข้อมูลนี้ (ข้อ 6.1.3) จึงนำเข้าไม่ได้ และไม่มีข้อมูลใดถูกบันทึก',
    en: 'is an item you are not assigned to record; nothing was imported',
  },
  'err.tooLong': { th: 'ยาวเกินกำหนด', en: 'is too long' },
  'err.controlChar': {
    th: 'มีอักขระควบคุมที่มองไม่เห็น (เช่น NUL) ซึ่งบันทึกไม่ได้ กรุณาพิมพ์ใหม่',
    en: 'contains an invisible control character (such as NUL) that cannot be stored; please retype it',
  },
  'err.surrogate': {
    th: 'มีอักขระที่เสียหาย (ไม่ใช่อักขระยูนิโคดที่สมบูรณ์) กรุณาพิมพ์ใหม่',
    en: 'contains a broken character (not complete Unicode); please retype it',
  },
  'err.tooDeep': { th: 'มีโครงสร้างข้อมูลซ้อนกันลึกเกินกำหนด', en: 'is nested too deeply' },
  'err.date': { th: 'ไม่ใช่วันที่ที่มีอยู่จริง', en: 'is not a real date' },
  'err.dateBuddhistEra': {
    th: 'ปีของวันที่เป็นปี พ.ศ. แต่ช่องนี้รับปี ค.ศ. (ปี พ.ศ. ลบ 543)',
    en: 'has a Buddhist-era year where a Christian-era year is expected (subtract 543)',
  },
  'err.dateYearRange': {
    th: 'ปีของวันที่อยู่นอกช่วงที่ทะเบียนประวัติรับ (ค.ศ. 1900–2100 หรือ พ.ศ. 2443–2643)',
    en: 'has a year outside the range the register accepts (1900–2100)',
  },
  'err.orderDate.future': {
    th: 'ต้องไม่เลยวันนี้ (คำสั่งลงวันที่เมื่อลงนาม; ปี พ.ศ. ให้เลือกจากปฏิทิน)',
    en: 'must not be after today (an order is dated when signed)',
  },
  'err.orderDate.tooOld': { th: 'เก่าเกินกว่าที่เป็นไปได้ (ก่อน พ.ศ. 2500)', en: 'is implausibly old (before 1957)' },
  'err.move.sameOffice': {
    th: 'บุคคลนี้สังกัดหน่วยงานนี้อยู่แล้ว',
    en: 'is already the office this person belongs to',
  },
  'err.yearMonth': { th: 'เดือน/ปีไม่ถูกต้อง', en: 'is not a valid month/year' },
  'err.dateRange': { th: 'วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม', en: 'must not be before the start' },
  'err.nationalId.format': { th: 'ต้องเป็นตัวเลข 13 หลัก', en: 'must be 13 digits' },
  'err.nationalId.checksum': {
    th: 'เลขตรวจสอบ (หลักที่ 13) ไม่ถูกต้อง',
    en: 'has a wrong check digit (13th digit)',
  },
  'err.money': {
    th: 'ต้องเป็นจำนวนเงินไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง',
    en: 'must be a non-negative amount with at most 2 decimals',
  },
  'err.number': { th: 'ต้องเป็นจำนวนไม่ติดลบ', en: 'must be a non-negative number' },
  'err.halfDay': { th: 'จำนวนวันต้องเป็นทวีคูณของครึ่งวัน', en: 'days must be in half-day steps' },
  'err.choice': { th: 'ไม่อยู่ในรายการที่กำหนด', en: 'is not one of the allowed values' },
  'err.address.tambon': {
    th: 'ไม่พบรหัสตำบลในฐานข้อมูลที่อยู่',
    en: 'is not a known sub-district code',
  },
  'err.address.postcode': {
    th: 'รหัสไปรษณีย์ไม่ตรงกับตำบล',
    en: 'does not match the sub-district',
  },
  'err.yearBE': { th: 'ปี พ.ศ. ไม่ถูกต้อง', en: 'is not a valid B.E. year' },
  'err.fiscalYear': { th: 'ปีงบประมาณไม่ถูกต้อง', en: 'is not a valid fiscal year' },
  'err.birthAfterAppointment': {
    th: 'วันบรรจุต้องอยู่หลังวันเกิดอย่างน้อย 18 ปี',
    en: 'must be at least 18 years after the birth date',
  },
  'err.totp.code': {
    th: 'ต้องเป็นตัวเลข ๖ หลักจากแอปยืนยันตัวตน',
    en: 'must be the 6 digits from your authenticator app',
  },
  'err.password.short': {
    th: 'รหัสผ่านต้องยาวอย่างน้อย 15 ตัวอักษร',
    en: 'must be at least 15 characters',
  },
  'err.password.long': { th: 'รหัสผ่านยาวเกิน 256 ตัวอักษร', en: 'must be at most 256 characters' },
  'err.password.blocked': {
    th: 'รหัสผ่านนี้คาดเดาง่ายหรือเคยรั่วไหล กรุณาเลือกรหัสอื่น',
    en: 'is too common or known to be compromised; choose another',
  },
  'err.password.context': {
    th: 'รหัสผ่านต้องไม่มีเลขประจำตัวประชาชนหรือคำที่เกี่ยวกับระบบ',
    en: 'must not contain your national ID or words about this system',
  },
  // Uploads and printouts (modules/documents; ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.2.1, 3.5, 5.6.1)
  'err.upload.missing': { th: 'ไม่พบไฟล์ที่อัปโหลด', en: 'no file was uploaded' },
  'err.upload.type': {
    th: 'ชนิดไฟล์ไม่ถูกต้อง (ตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์): เอกสารต้องเป็น PDF รูปถ่ายต้องเป็น JPEG หรือ PNG',
    en: 'wrong file type (checked from the content, not the name): documents must be PDF, photos JPEG or PNG',
  },
  'err.upload.tooLarge': { th: 'ไฟล์มีขนาดใหญ่เกินกำหนด', en: 'the file is too large' },
  'err.upload.empty': { th: 'ไฟล์ว่างเปล่า', en: 'the file is empty' },
  'err.upload.malformed': {
    th: 'แบบฟอร์มที่ส่งมาไม่สมบูรณ์หรือผิดรูปแบบ กรุณาเลือกไฟล์แล้วส่งใหม่',
    en: 'the form sent is incomplete or malformed; choose the file and send it again',
  },
  'err.upload.fileName': {
    th: 'ชื่อไฟล์ไม่ถูกต้อง: ห้ามมีส่วนของเส้นทาง (/ \\ ..) หรืออักขระควบคุม และยาวไม่เกิน ๒๐๐ ตัวอักษร',
    en: 'invalid file name: no path parts (/ \\ ..) or control characters, at most 200 characters',
  },
  'err.upload.lowDpi': {
    th: 'ความละเอียดต่ำกว่า ๓๐๐ จุดต่อนิ้ว (DPI) ตามที่ระเบียบกำหนด กรุณาสแกนหรือบันทึกภาพใหม่ที่ ๓๐๐ DPI ขึ้นไป',
    en: 'resolution below the 300 DPI the regulation requires; rescan or save at 300 DPI or more',
  },
  'err.upload.noDpi': {
    th: 'ไฟล์ไม่มีข้อมูลความละเอียด (DPI) จึงตรวจไม่ได้ว่าถึง ๓๐๐ DPI กรุณาบันทึกภาพใหม่โดยระบุความละเอียด ๓๐๐ DPI ขึ้นไป',
    en: 'the file does not state its resolution (DPI); save it again at 300 DPI or more',
  },
  'err.upload.notColour': {
    th: 'ไฟล์เป็นภาพขาวดำหรือระดับสีเทา ระเบียบกำหนดให้เป็นภาพสี กรุณาสแกนหรือถ่ายใหม่แบบสี',
    en: 'the file is black-and-white or greyscale; the regulation requires colour',
  },
  // Untrusted content (issue 17 §2, ADR 0112)
  'err.upload.inflate': {
    th: 'ไฟล์ PDF มีข้อมูลบีบอัดที่ขยายตัวเกินกำหนด (อาจเป็นไฟล์อันตราย) จึงรับไม่ได้ กรุณาสแกนใหม่เป็น PDF ปกติ',
    en: 'the PDF holds compressed data that expands beyond the limit (a possible decompression bomb); scan it again as an ordinary PDF',
  },
  'err.upload.pdfActive': {
    th: 'ไฟล์ PDF มีสคริปต์ (JavaScript) คำสั่งทำงานอัตโนมัติ แบบฟอร์ม XFA หรือไฟล์ฝังอยู่ ซึ่งเอกสารสแกนไม่ต้องมี กรุณาสแกนใหม่',
    en: 'the PDF carries scripts, automatic actions, an XFA form or embedded files, which a scan never needs; scan it again',
  },
  'err.upload.polyglot': {
    th: 'ไฟล์มีข้อมูลชนิดอื่นซ่อนหรือต่อท้ายอยู่ (เช่น ZIP หรือ HTML) จึงรับไม่ได้ กรุณาบันทึกไฟล์ใหม่',
    en: 'the file hides or carries another kind of file (such as ZIP or HTML); save it again',
  },
  'err.upload.tooManyPixels': {
    th: 'ภาพมีจำนวนพิกเซลมากเกินกำหนด (เกิน ๕๐ ล้านพิกเซล) กรุณาย่อขนาดภาพก่อนอัปโหลด',
    en: 'the image has too many pixels (over 50 megapixels); make it smaller before uploading',
  },
  'err.upload.badImage': {
    th: 'อ่านไฟล์ภาพไม่ได้ (ไฟล์เสียหรือไม่สมบูรณ์)',
    en: 'the image cannot be read (damaged or incomplete)',
  },
  'err.upload.workbookInflate': {
    th: 'แฟ้ม XLSX ขยายตัวเกินกำหนดเมื่อแตกไฟล์ (เกิน 256 MB หรือมีส่วนประกอบมากผิดปกติ อาจเป็นไฟล์อันตราย) กรุณาแบ่งเป็นหลายแฟ้ม หรือใช้คำสั่งนำเข้าข้อมูลทั้งประเทศ (npm run import)',
    en: 'the XLSX workbook expands beyond the limit when unpacked (over 256 MB, or an abnormal number of parts: a possible decompression bomb); split it into several files, or use the national import command (npm run import)',
  },
  'err.upload.inspectTimeout': {
    th: 'ตรวจสอบไฟล์ไม่เสร็จภายในเวลาที่กำหนด (๑๐ วินาที) ไฟล์อาจซับซ้อนเกินไปหรือเป็นอันตราย จึงรับไม่ได้',
    en: 'the file could not be checked within the time limit (10 seconds); it may be too complex or harmful',
  },
  'err.upload.inspectLimit': {
    th: 'การตรวจสอบไฟล์ใช้หน่วยความจำเกินกำหนด ไฟล์อาจเป็นอันตราย จึงรับไม่ได้',
    en: 'checking the file needed more memory than allowed; it may be harmful',
  },
  'err.upload.busy': {
    th: 'มีไฟล์รอตรวจสอบจำนวนมาก กรุณาลองอัปโหลดใหม่อีกครั้งในอีกสักครู่',
    en: 'many files are waiting to be checked; try the upload again shortly',
  },
  'err.request.kind': { th: 'ประเภทคำขอไม่ถูกต้อง', en: 'wrong kind of request' },
  'err.request.decided': { th: 'คำขอนี้ดำเนินการไปแล้ว', en: 'this request has already been decided' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

export function t(key: string, lang: Lang = 'th'): string {
  const entry = (messages as Record<string, Record<Lang, string>>)[key];
  return entry ? entry[lang] : key;
}
