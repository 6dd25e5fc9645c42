/**
 * Document store and uploads through the real HTTP stack: type by content, ≥ 300 DPI and colour
 * (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.2.1, 5.6.1), file names, size; every refusal has a Thai message and
 * leaves the store and the database exactly as they were. Photos go through the records module.
 */
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentDisposition,
  inspectFile,
  sanitizeFileName,
} from '../../src/server/platform/storage/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { teacherOf } from '../support/people.ts';
import { makePng, makeScanPdf, multipartBody } from './documents-files.test-support.ts';

let t: TestApp;
let dataDir: string;
let officer: Session;
let owner: Session;
let personId: string;
const MAX = 300_000;

function storeFiles(): string[] {
  const root = join(dataDir, 'store');
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  try {
    walk(root);
  } catch {
    // no store yet
  }
  return out;
}

async function counts() {
  const [r] = await t.h.query<{ d: number; p: number; a: number }>(
    `select (select count(*)::int from documents) d, (select count(*)::int from person_photos) p,
            (select count(*)::int from audit_events) a`,
  );
  return { ...r!, files: storeFiles().length };
}

function upload(
  s: Session,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer },
) {
  const { payload, headers } = multipartBody(fields, file);
  return t.call(s, { method: 'POST', url, payload, headers });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'khru-docs-'));
  t = await createTestApp({ dataDir, uploadMaxBytes: MAX });
  officer = await t.login('officer');
  owner = await t.login('owner');
  personId = await teacherOf(t.h, 'SCH-40-001');
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('inspectFile (content, not name)', () => {
  it('reads PNG pHYs DPI and colour type', () => {
    expect(inspectFile(makePng(10, 10, { dpi: 300 }))).toMatchObject({ type: 'png', dpi: 300, colour: true });
    expect(inspectFile(makePng(10, 10, { dpi: 72, grey: true }))).toMatchObject({ dpi: 72, colour: false });
    expect(inspectFile(makePng(10, 10)).dpi).toBeNull();
  });
  it('reads JPEG JFIF density, EXIF resolution and component count', () => {
    const seg = (marker: number, body: Buffer) => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(body.length + 2);
      return Buffer.concat([Buffer.from([0xff, marker]), len, body]);
    };
    const sof = (components: number) =>
      seg(0xc0, Buffer.from([8, 0, 16, 0, 16, components, ...Array(components * 3).fill(1)]));
    const jfif = (dpi: number) =>
      seg(
        0xe0,
        Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, dpi >> 8, dpi & 255, dpi >> 8, dpi & 255, 0, 0]),
      );
    const soi = Buffer.from([0xff, 0xd8]);
    const eoi = Buffer.from([0xff, 0xd9]);
    expect(inspectFile(Buffer.concat([soi, jfif(300), sof(3), eoi]))).toMatchObject({
      type: 'jpeg',
      dpi: 300,
      colour: true,
    });
    expect(inspectFile(Buffer.concat([soi, jfif(72), sof(1), eoi]))).toMatchObject({
      dpi: 72,
      colour: false,
    });
    // EXIF (big-endian TIFF): XResolution = YResolution = 350/1, unit inch.
    const tiff = Buffer.alloc(8 + 2 + 3 * 12 + 4 + 16);
    tiff.write('MM', 0, 'latin1');
    tiff.writeUInt16BE(42, 2);
    tiff.writeUInt32BE(8, 4);
    tiff.writeUInt16BE(3, 8);
    const entry = (i: number, tag: number, type: number, value: number) => {
      const o = 10 + i * 12;
      tiff.writeUInt16BE(tag, o);
      tiff.writeUInt16BE(type, o + 2);
      tiff.writeUInt32BE(1, o + 4);
      if (type === 3) tiff.writeUInt16BE(value, o + 8);
      else tiff.writeUInt32BE(value, o + 8);
    };
    const ratAt = 10 + 36 + 4;
    entry(0, 0x011a, 5, ratAt);
    entry(1, 0x011b, 5, ratAt + 8);
    entry(2, 0x0128, 3, 2);
    tiff.writeUInt32BE(350, ratAt);
    tiff.writeUInt32BE(1, ratAt + 4);
    tiff.writeUInt32BE(350, ratAt + 8);
    tiff.writeUInt32BE(1, ratAt + 12);
    const exif = seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
    expect(inspectFile(Buffer.concat([soi, exif, sof(3), eoi]))).toMatchObject({ dpi: 350, colour: true });
  });
  it('reads a scanned PDF’s DPI from image pixels vs page size, and its colour space', async () => {
    expect(inspectFile(await makeScanPdf({ dpi: 300 }))).toMatchObject({
      type: 'pdf',
      dpi: 300,
      colour: true,
    });
    expect(inspectFile(await makeScanPdf({ dpi: 150 }))).toMatchObject({ dpi: 150 });
    expect(inspectFile(await makeScanPdf({ dpi: 300, grey: true }))).toMatchObject({ colour: false });
    expect(inspectFile(Buffer.from('MZ\x90\0 not a pdf')).type).toBe('unknown');
  });
  it('refuses path-like and control-character names; RFC 6266 Content-Disposition', () => {
    expect(sanitizeFileName('../../etc/passwd.pdf')).toEqual({ problem: 'path' });
    expect(sanitizeFileName('C:\\x\\y.pdf')).toEqual({ problem: 'path' });
    expect(sanitizeFileName('a\u0000b.pdf')).toEqual({ problem: 'control' });
    expect(sanitizeFileName('  คำสั่ง  บรรจุ.pdf ')).toEqual({ name: 'คำสั่ง บรรจุ.pdf' });
    expect(contentDisposition('คำสั่ง "1".pdf')).toBe(
      `attachment; filename="______ _1_.pdf"; filename*=UTF-8''${encodeURIComponent('คำสั่ง "1".pdf')}`,
    );
  });
});

describe('uploads', () => {
  const url = () => `/api/v1/people/${personId}/documents`;

  it('stores a colour 300-DPI scan once (dedupe by SHA-256) and serves it back with RFC 6266 headers', async () => {
    const before = await counts();
    const pdf = await makeScanPdf({ dpi: 300, pages: 2 });
    const r1 = await upload(
      officer,
      url(),
      { category: 'appointmentOrder' },
      { name: 'คำสั่งบรรจุ.pdf', bytes: pdf },
    );
    expect(r1.statusCode, r1.body).toBe(201);
    expect(r1.json().created).toBe(true);
    const r2 = await upload(
      officer,
      url(),
      { category: 'appointmentOrder' },
      { name: 'อีกชื่อ.pdf', bytes: pdf },
    );
    expect(r2.json()).toMatchObject({ created: false, document: { id: r1.json().document.id } });
    const after = await counts();
    expect(after.files - before.files).toBe(1);
    expect(after.d - before.d).toBe(1);
    const files = storeFiles();
    expect(files.every((f) => f.startsWith(join(dataDir, 'store')))).toBe(true);
    expect(files.some((f) => f.endsWith(r1.json().document.sha256))).toBe(true);

    const dl = await t.call(officer, { url: `/api/v1/documents/${r1.json().document.id}/file` });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(contentDisposition('คำสั่งบรรจุ.pdf'));
    // The owner reads her own record's documents; another office does not even see them.
    const other = await t.login('otherOfficer');
    expect((await t.call(other, { url: `/api/v1/documents/${r1.json().document.id}/file` })).statusCode).toBe(
      404,
    );
  });

  const refusals: [
    string,
    () => Promise<{ fields: Record<string, string>; name: string; bytes: Buffer }>,
    number,
    RegExp,
  ][] = [
    [
      'a 72-DPI photo',
      async () => ({
        fields: { category: 'appointmentOrder' },
        name: 'scan.pdf',
        bytes: await makeScanPdf({ dpi: 72 }),
      }),
      400,
      /ความละเอียดต่ำกว่า ๓๐๐ จุดต่อนิ้ว/,
    ],
    [
      'a grayscale scan',
      async () => ({
        fields: { category: 'qualification' },
        name: 'วุฒิ.pdf',
        bytes: await makeScanPdf({ dpi: 300, grey: true }),
      }),
      400,
      /ขาวดำหรือระดับสีเทา/,
    ],
    [
      'a renamed executable',
      async () => ({
        fields: { category: 'other' },
        name: 'scan.pdf',
        bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(2000, 0x90)]),
      }),
      415,
      /ชนิดไฟล์ไม่ถูกต้อง \(ตรวจจากเนื้อไฟล์/,
    ],
    [
      'a ../ file name',
      async () => ({
        fields: { category: 'other' },
        name: '../../etc/x.pdf',
        bytes: await makeScanPdf({ dpi: 300 }),
      }),
      400,
      /ชื่อไฟล์: ชื่อไฟล์ไม่ถูกต้อง: ห้ามมีส่วนของเส้นทาง/,
    ],
    [
      'an oversize file',
      async () => ({
        fields: { category: 'other' },
        name: 'ใหญ่.pdf',
        bytes: await makeScanPdf({ dpi: 300, padTo: MAX + 50_000 }),
      }),
      413,
      /ไฟล์มีขนาดใหญ่เกินกำหนด/,
    ],
  ];
  for (const [label, make, status, message] of refusals) {
    it(`refuses ${label} with a Thai message and stores nothing`, async () => {
      const before = await counts();
      const { fields, name, bytes } = await make();
      const res = await upload(officer, url(), fields, { name, bytes });
      expect(res.statusCode, res.body).toBe(status);
      const body = res.json() as { error: { message: string; fields: { message: string }[] } };
      expect(body.error.fields.map((f) => f.message).join(' ')).toMatch(message);
      expect(await counts()).toEqual(before);
    });
  }

  it('refuses a 72-DPI photo and a grayscale photo; stores nothing', async () => {
    const before = await counts();
    const u = `/api/v1/people/${personId}/photos`;
    const low = await upload(
      officer,
      u,
      { slot: '1', yearBE: '2569' },
      { name: 'p.png', bytes: makePng(200, 250, { dpi: 72 }) },
    );
    expect(low.statusCode).toBe(400);
    expect(low.json().error.fields[0].message).toMatch(/ความละเอียดต่ำกว่า/);
    const grey = await upload(
      officer,
      u,
      { slot: '1', yearBE: '2569' },
      {
        name: 'p.png',
        bytes: makePng(200, 250, { dpi: 300, grey: true }),
      },
    );
    expect(grey.json().error.fields[0].message).toMatch(/ขาวดำ/);
    expect(await counts()).toEqual(before);
  });

  it('uploads a photo into a slot through the records module (entry, item 27) and serves it to readers', async () => {
    const bytes = makePng(300, 375, { dpi: 300 });
    const res = await upload(
      officer,
      `/api/v1/people/${personId}/photos`,
      { slot: '2', yearBE: '2569' },
      {
        name: 'รูปถ่าย.png',
        bytes,
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().entry).toMatchObject({ slot: 2, yearBE: 2569, documentId: res.json().document.id });
    const img = await t.call(officer, { url: `/api/v1/people/${personId}/photos/2` });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    // Stored normalised to the form's photo box (282 × 292 px at 300 DPI, ADR 0112), still colour.
    expect(img.rawPayload.equals(bytes)).toBe(false);
    expect(inspectFile(img.rawPayload)).toMatchObject({ type: 'png', dpi: 300, colour: true, height: 292 });
    expect(inspectFile(img.rawPayload).width).toBeLessThanOrEqual(282);
    const view = (await t.call(officer, { url: `/api/v1/people/${personId}/record` })).json();
    expect(view.items.photos.some((p: { slot: number }) => p.slot === 2)).toBe(true);
    const history = (await t.call(officer, { url: `/api/v1/people/${personId}/history` })).json();
    expect(
      history.items.some((h: { item: string; field: string }) => h.item === 'photos' && h.field === 'slot'),
    ).toBe(true);
    // The owner may not upload into her own record (ข้อ 4.1: she asks an officer).
    const mine = await upload(
      owner,
      `/api/v1/people/${owner.personId}/photos`,
      { slot: '3', yearBE: '2569' },
      {
        name: 'me.png',
        bytes,
      },
    );
    expect(mine.statusCode).toBe(403);
  });

  it('photoDue: true with only an old photo, false once a recent one is added', async () => {
    const p = await teacherOf(t.h, 'SCH-40-001', 1);
    await t.h.query('delete from person_photos where person_id = $1', [p]);
    const bytes = makePng(300, 375, { dpi: 300 });
    const old = await upload(
      officer,
      `/api/v1/people/${p}/photos`,
      { slot: '1', yearBE: '2560' },
      { name: 'a.png', bytes },
    );
    expect(old.statusCode, old.body).toBe(201);
    expect((await t.call(officer, { url: `/api/v1/people/${p}/record` })).json().person.photoDue).toBe(true);
    const now = new Date().getFullYear() + 543;
    const bytes2 = makePng(301, 375, { dpi: 300 });
    await upload(
      officer,
      `/api/v1/people/${p}/photos`,
      { slot: '2', yearBE: String(now) },
      { name: 'b.png', bytes: bytes2 },
    );
    expect((await t.call(officer, { url: `/api/v1/people/${p}/record` })).json().person.photoDue).toBe(false);
  });
});
