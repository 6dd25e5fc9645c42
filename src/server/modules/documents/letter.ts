/**
 * หนังสือรับรอง laid out as in ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ (แบบหนังสือรับรอง):
 * room for the Garuda at the top, ที่ (book number) on the left and ส่วนราชการ on the right,
 * the title "หนังสือรับรอง", เรื่อง, the text opening "หนังสือฉบับนี้ให้ไว้เพื่อรับรองว่า", "ให้ไว้ ณ วันที่",
 * the signature with the full name in brackets and the position — then the QR code, the
 * reference and the note that the letter is an electronic original sealed by the office.
 */
import QRCode from 'qrcode';
import { drawQr, Sheet, thaiDateLong, toThaiDigits } from '../../platform/pdf/index.ts';

export interface LetterContent {
  /** ที่: the office's book number. */
  bookNo: string;
  officeName: string;
  officeAddress: string;
  /** เรื่อง */
  subject: string;
  /** Paragraphs of the text; the first opens with "หนังสือฉบับนี้ให้ไว้เพื่อรับรองว่า". */
  body: string[];
  /** "ให้ไว้ ณ วันที่" (ISO date). */
  issuedOn: string;
  signer: { name: string; position: string };
}

export interface LetterOptions {
  reference: string;
  qrPayload: string;
  asOf: Date;
  thaiDigits?: boolean;
}

const SIZE = 12.5;
const NOTE =
  'หนังสือรับรองฉบับนี้จัดทำเป็นเอกสารอิเล็กทรอนิกส์และประทับตราอิเล็กทรอนิกส์ของส่วนราชการแล้ว ตรวจสอบความถูกต้องและสถานะได้จาก QR code หรือหน้าตรวจสอบเอกสารของระบบด้วยเลขอ้างอิง';

/** Renders one certificate letter (A4 portrait). */
export async function renderLetter(c: LetterContent, o: LetterOptions): Promise<Buffer> {
  // Margins of official letters: 3 cm left, 2 cm right (approximated symmetric at 2.5 cm).
  const sheet = new Sheet({
    thaiDigits: o.thaiDigits ?? false,
    margin: 64,
    info: {
      Title: `หนังสือรับรอง เรื่อง ${c.subject}`,
      Subject: c.subject,
      Keywords: `Ref. ${o.reference}`,
      CreationDate: o.asOf,
    },
  });
  const digits = (s: string) => (o.thaiDigits ? toThaiDigits(s) : s);
  sheet.addPage('portrait');
  const doc = sheet.doc;
  const lh = sheet.lineHeight(SIZE) + 2;

  // Room for the Garuda emblem (ครุฑ 3 cm), printed by the office's letterhead template.
  let y = sheet.top + 70;
  sheet.font('regular', SIZE);
  sheet.textAt(`ที่ ${c.bookNo}`, sheet.left, y, { keepDigits: !o.thaiDigits });
  const rightW = sheet.width * 0.45;
  const rx = sheet.right - rightW;
  doc.text(sheet.prep(c.officeName), rx, y, { width: rightW, lineGap: 0 });
  doc.text(sheet.prep(c.officeAddress), rx, doc.y, { width: rightW, lineGap: 0 });
  y = Math.max(doc.y, y + lh) + lh;

  sheet.font('bold', SIZE + 3);
  sheet.textAt('หนังสือรับรอง', sheet.left, y, { width: sheet.width, align: 'center' });
  y += lh * 1.6;
  sheet.font('regular', SIZE);
  sheet.textAt(`เรื่อง ${c.subject}`, sheet.left, y);
  y += lh * 1.5;

  for (const p of c.body) {
    doc.text(sheet.prep(p), sheet.left, y, { width: sheet.width, indent: 70, lineGap: 2 });
    y = doc.y + lh * 0.5;
  }
  y += lh;
  const half = sheet.left + sheet.width * 0.4;
  const halfW = sheet.width * 0.6;
  sheet.textAt(`ให้ไว้ ณ วันที่ ${digits(thaiDateLong(c.issuedOn))}`, half, y, { width: halfW, align: 'center' });
  y += lh * 3;
  doc.fillColor('#333333');
  sheet.font('regular', SIZE - 2);
  sheet.textAt('(ลงลายมือชื่อและประทับตราอิเล็กทรอนิกส์แล้ว)', half, y, { width: halfW, align: 'center' });
  doc.fillColor('#000000');
  sheet.font('regular', SIZE);
  y += lh * 1.3;
  sheet.textAt(`(${c.signer.name})`, half, y, { width: halfW, align: 'center' });
  y += lh;
  sheet.textAt(c.signer.position, half, y, { width: halfW, align: 'center', maxWidth: halfW });

  // QR code, reference and note at the foot of the page.
  const qrSize = 88;
  const qy = sheet.bottom - qrSize;
  drawQr(sheet, QRCode.create(o.qrPayload, { errorCorrectionLevel: 'M' }), sheet.left, qy, qrSize);
  sheet.font('regular', 9);
  doc.text(sheet.prep(NOTE), sheet.left + qrSize + 12, qy + 8, {
    width: sheet.width - qrSize - 12,
    lineGap: 0,
  });
  sheet.textAt(`Ref. ${o.reference}`, sheet.left + qrSize + 12, doc.y + 4, { keepDigits: true });
  return sheet.finish();
}
