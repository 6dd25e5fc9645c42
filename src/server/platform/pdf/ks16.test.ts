import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderKs16 } from './index.ts';
import { AS_OF, fixtureRecordView, OWNER_NAME } from './testing/fixture.ts';
import { artifactDir, hasTool, pdfText, run, tempDir, writePdf } from './testing/poppler.ts';

const POPPLER = hasTool('pdftotext') && hasTool('pdffonts') && hasTool('pdftoppm');
if (!POPPLER) console.warn('SKIP ks16 PDF checks: poppler-utils (pdftotext/pdffonts/pdftoppm) not installed');
const ZBAR = hasTool('zbarimg');

const QR_PAYLOAD =
  'https://khru.example.go.th/v/eyJhbGciOiJFZERTQSIsImtpZCI6Im9mZmljZS0yMDI2IiwidHlwIjoia2hydS1kb2Mrand0In0.' +
  'eyJkIjoiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAxIiwiaCI6IjNxN1pZV0JmNzVtQ3lXU0NfRXR0bFlsMnNKcjdSZkNo' +
  'T2xpT1p0cjRfOGMiLCJpYXQiOjE3OTUzMTU2MDB9.Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYg';
const REFERENCE = 'KS16-2569-000123';
const SIGNATURES = {
  owner: { name: OWNER_NAME, signedAt: '2026-11-20T03:00:00Z' },
  officer: { name: 'นางสาวก๋วยเตี๋ยว ผู้ใหญ่ดี', signedAt: '2026-11-20T04:00:00Z' },
  certifier: {
    name: 'นายฬุ่เฬอ ใจกว้าง',
    position: 'ผู้อำนวยการโรงเรียนบ้านน้ำใส',
    signedAt: '2026-11-21T02:00:00Z',
  },
};

/** What a PDF reader gives back: NFKC (ำ → ํา), see thai-text.ts fixToUnicode. */
const nfkc = (s: string) => s.normalize('NFKC');
const squash = (s: string) => nfkc(s).replace(/\s+/g, '');

describe.skipIf(!POPPLER)('renderKs16 → poppler', () => {
  let dir: string;
  let path: string;
  let text: string;
  let raw: string;
  let pages: number;
  const timings: number[] = [];

  beforeAll(async () => {
    dir = tempDir();
    const render = () =>
      renderKs16(fixtureRecordView(), {
        reference: REFERENCE,
        asOf: AS_OF,
        qrPayload: QR_PAYLOAD,
        signatures: SIGNATURES,
      });
    let pdf: Buffer = Buffer.alloc(0);
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      pdf = await render();
      timings.push(performance.now() - t0);
    }
    path = writePdf(dir, 'ks16.pdf', pdf);
    text = pdfText(path);
    raw = pdfText(path, { raw: true });
    pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]).out)?.[1]);
    console.info(
      `renderKs16: ${pages} pages, ${pdf.length} bytes, ms per render: ${timings.map((t) => t.toFixed(0)).join(' / ')}`,
    );
  });

  it('prints names with tone marks exactly as typed (text extraction round-trips)', () => {
    for (const s of [
      OWNER_NAME,
      'นายก๋วยเตี๋ยว ใจดี',
      'นางฬุ่ลดา ใจดี',
      'นายสมศักดิ์ ฐานะดี',
      'นางสาวก๋วยเตี๋ยว ผู้ใหญ่ดี',
      'ผู้อำนวยการโรงเรียนบ้านน้ำใส',
    ]) {
      expect(text).toContain(nfkc(s));
    }
    // No break hint leaks into the text, and no า is lost after the first ำ.
    expect(text).not.toMatch(/[\u200b\u2060\ufeff]/);
    expect(squash(text)).toContain(
      squash(
        'หมายเหตุ : ทะเบียนประวัติฉบับนี้พิมพ์จากต้นฉบับที่เป็นไฟล์อิเล็กทรอนิกส์ในระบบทะเบียนประวัติข้าราชการครูและบุคลากรทางการศึกษา สามารถตรวจสอบทะเบียนประวัติได้จาก QR code',
      ),
    );
  });

  it('prints page 1 like the form', () => {
    const p1 = pdfText(path, { page: 1 });
    for (const s of [
      'ก.ค.ศ.๑๖',
      'รูปที่ ๑ พ.ศ. 2542',
      'รูปที่ ๗ พ.ศ.',
      '๑. ชื่อ-นามสกุล',
      '1-1017-00203-45-0',
      '๓. วัน เดือน ปี เกิด',
      '15 พฤษภาคม 2518',
      '๔. หมู่โลหิต',
      'AB',
      '๘. วันบรรจุ',
      '1 พฤษภาคม 2542',
      '๙. วันครบเกษียณอายุ',
      '30 กันยายน 2578',
      '๑๑. ที่อยู่ตามทะเบียนบ้าน เลขที่',
      'จันทรเกษม',
      'จตุจักร',
      'กรุงเทพมหานคร',
      'เมืองเชียงใหม่',
      'รหัสไปรษณีย์',
      '50200',
      'ใบอนุญาตประกอบวิชาชีพ ประเภท ผู้บริหารสถานศึกษา',
      'ใบอนุญาตประกอบวิชาชีพ ประเภท ศึกษานิเทศก์',
      '62100000012345',
      '๑๔. ประวัติการศึกษา',
      'มหาวิทยาลัยเชียงใหม่',
      'ขอรับรองว่าข้อมูลที่ข้าพเจ้ากรอกเป็นความจริงทุกประการ',
      '(เจ้าของประวัติ)',
      '(ผู้จัดทำทะเบียนประวัติ)',
      '(ผู้รับรองทะเบียนประวัติ)',
      'ตำแหน่ง',
      '20 พฤศจิกายน 2569',
      'ข้อมูล ณ วันที่ 21 พฤศจิกายน 2569',
      `Ref. ${REFERENCE}`,
    ]) {
      expect(squash(p1), s).toContain(squash(s));
    }
  });

  it('prints items 15–27 with the form column headings, amounts and continuation pages', () => {
    const body = squash(raw);
    for (const s of [
      '๑๕. ตำแหน่ง วิทยฐานะ อันดับ/ระดับ และอัตราเงินเดือน',
      '๑๕. ตำแหน่ง วิทยฐานะ อันดับ/ระดับ และอัตราเงินเดือน (ต่อ)',
      'วัน เดือน ปี',
      'ตำแหน่ง/ส่วนราชการ/หน่วยงานการศึกษา',
      'วิทยฐานะ',
      'เลขที่ตำแหน่ง',
      'ตำแหน่งประเภท',
      'อันดับ/ระดับ',
      'อัตราเงินเดือน',
      'เงินประจำตำแหน่ง/เงินวิทยฐานะ/ค่าตอบแทน',
      'เงินเพิ่มพิเศษอื่นๆ',
      'เอกสารอ้างอิง',
      '45,890.50',
      '5,600.00',
      'ชำนาญการพิเศษ',
      '๑๖. ประวัติการฝึกอบรมและพัฒนาตนเอง',
      '๑๗. ประวัติการปฏิบัติงานวิจัย',
      '๑๘. ประวัติการดูงาน',
      '๑๙. ความสามารถพิเศษ',
      'อุตสาหกรรม/เทคโนโลยี',
      '๒๐. การปฏิบัติราชการพิเศษ',
      '๒๑. การได้รับโทษทางวินัย การล้างมลทิน และการนิรโทษกรรม',
      'ภาคทัณฑ์',
      '๒๒. การฝ่าฝืนจรรยาบรรณ',
      '๒๓. วันที่ได้ประจำปฏิบัติหน้าที่อยู่ในเขตที่ได้มีประกาศใช้กฎอัยการศึก',
      '๒๔. เครื่องราชอิสริยาภรณ์/เหรียญตรา',
      'วันประกาศในราชกิจจานุเบกษา',
      'ตริตาภรณ์มงกุฎไทย (ต.ม.)',
      '๒๕. จำนวนวันลาหยุดราชการ ขาดราชการ มาสาย (ครั้ง/วัน)',
      'ปีงบประมาณ',
      'ลาไปศึกษา ฝึกอบรม ปฏิบัติการวิจัย หรือดูงาน',
      'ในประเทศ',
      'ต่างประเทศ',
      'ลาเข้ารับการตรวจเลือก หรือเข้ารับการเตรียมพล',
      'ลาไปฟื้นฟูสมรรถภาพ ด้านอาชีพ',
      '๒๖. รายการอื่นที่จำเป็น',
      '๒๗. ประวัติการเปลี่ยนแปลงแก้ไขข้อมูล',
      'แก้ไขเป็น',
    ]) {
      expect(body, s).toContain(squash(s));
    }
    // All ten ability fields of item 19 are listed.
    for (const f of ['เกษตรกรรม', 'กิจกรรม/นันทนาการ', 'กีฬา', 'นาฏศิลป์/ดนตรี', 'ศาสนา/วัฒนธรรม', 'อื่นๆ']) {
      expect(body).toContain(squash(f));
    }
    // Item 25: 14 leave columns × ครั้ง/วัน.
    expect(raw.match(/ครั้ง/g)?.length ?? 0).toBeGreaterThanOrEqual(14);
    expect(pages).toBeGreaterThanOrEqual(5);
  });

  it("prints the owner's name and the page number on every page", () => {
    for (let p = 1; p <= pages; p++) {
      const t = squash(pdfText(path, { page: p }));
      expect(t).toContain(squash(`ชื่อเจ้าของทะเบียนประวัติ ${OWNER_NAME}`));
      expect(t).toMatch(/หน้า[๐-๙]+\/[๐-๙]+/);
    }
  });

  it('embeds every font (pdffonts)', () => {
    const out = run('pdffonts', [path]).out;
    const rows = out
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      expect(r).toContain('Sarabun');
      expect(r).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('renders with pdftoppm; page 1 QR decodes to the payload', () => {
    const out = join(dir, 'page');
    expect(run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '2', path, out]).code).toBe(0);
    const art = artifactDir();
    const pad = pages >= 10 ? '01' : '1';
    const pad2 = pages >= 10 ? '02' : '2';
    copyFileSync(`${out}-${pad}.png`, join(art, 'ks16-page1.png'));
    copyFileSync(`${out}-${pad2}.png`, join(art, 'ks16-page2.png'));
    if (!ZBAR) {
      console.warn('SKIP QR decode: zbarimg (zbar-tools) not installed');
      return;
    }
    const qr = run('zbarimg', ['--raw', '-q', `${out}-${pad}.png`]);
    expect(qr.stdout.trim()).toBe(QR_PAYLOAD);
  });
});

describe.skipIf(!POPPLER)('renderKs16 with Thai digits', () => {
  it('prints values in Thai digits', async () => {
    const pdf = await renderKs16(fixtureRecordView(), {
      reference: REFERENCE,
      asOf: AS_OF,
      qrPayload: 'x',
      thaiDigits: true,
    });
    const dir = tempDir();
    const path = writePdf(dir, 'ks16-thai.pdf', pdf);
    const t = squash(pdfText(path, { raw: true }));
    for (const s of [
      '๑-๑๐๑๗-๐๐๒๐๓-๔๕-๐',
      '๑๕ พฤษภาคม ๒๕๑๘',
      '๔๕,๘๙๐.๕๐',
      'รูปที่ ๑ พ.ศ. ๒๕๔๒',
      'ข้อมูล ณ วันที่ ๒๑ พฤศจิกายน ๒๕๖๙',
    ]) {
      expect(t, s).toContain(squash(s));
    }
    expect(t).not.toContain('45,890.50');
    // The reference is an identifier people type in: it keeps ASCII digits.
    expect(t).toContain(squash(`Ref. ${REFERENCE}`));
    const art = artifactDir();
    run('pdftoppm', [
      '-r',
      '150',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path,
      join(art, 'ks16-thai-digits-page1'),
    ]);
  });
});
