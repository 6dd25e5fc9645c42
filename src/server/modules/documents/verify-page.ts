/**
 * The public verification page, rendered on the server: plain HTML and one stylesheet whose hash
 * is the only thing the page's CSP allows — no scripts at all, forms post back to /verify.
 */
import { createHash } from 'node:crypto';
import { formatThaiDate } from '../../../domain/thai-date.ts';
import type { VerifyOutcome } from './verify.ts';

const STYLE = `body{font-family:Sarabun,"TH Sarabun New",Tahoma,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2937;line-height:1.6}
h1{font-size:1.5rem}form{margin:1rem 0;padding:1rem;border:1px solid #d1d5db;border-radius:.5rem}
textarea{width:100%;min-height:5rem;font-family:monospace}button{margin-top:.5rem;padding:.4rem 1rem}
.ok{border-left:6px solid #15803d;background:#f0fdf4;padding:1rem}.warn{border-left:6px solid #b45309;background:#fffbeb;padding:1rem}
.bad{border-left:6px solid #b91c1c;background:#fef2f2;padding:1rem}dt{font-weight:bold}dd{margin:0 0 .5rem 0;word-break:break-all}
code{font-size:.85rem}footer{margin-top:2rem;font-size:.85rem;color:#6b7280}`;

/** CSP for the page: nothing but this stylesheet, the form posting to itself. */
export const VERIFY_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const thaiDateTime = (iso: string) => {
  const d = new Date(iso);
  const day = new Date(d.getTime() + 7 * 3600e3).toISOString().slice(0, 10);
  const time = new Date(d.getTime() + 7 * 3600e3).toISOString().slice(11, 16);
  return `${formatThaiDate(day, { style: 'long' })} เวลา ${time} น.`;
};

function resultHtml(r: VerifyOutcome): string {
  const seal = r.seal
    ? `<dt>ตราประทับอิเล็กทรอนิกส์ (PAdES)</dt><dd>${
        r.seal.valid && r.seal.totalDocumentSigned
          ? r.seal.trusted
            ? 'ถูกต้อง ครอบคลุมทั้งเอกสาร และออกโดยใบรับรองของระบบนี้'
            : 'ลายมือชื่อถูกต้องทางคณิตศาสตร์ แต่ใบรับรองไม่ใช่ของระบบนี้'
          : `ไม่ถูกต้อง (${esc(r.seal.problems.join('; ') || 'เอกสารถูกแก้ไขหลังประทับตรา')})`
      }${r.seal.signerName ? ` — ${esc(r.seal.signerName)}` : ''}${r.seal.timestamped ? ' · มีการประทับเวลา (RFC 3161)' : ''}</dd>`
    : '';
  const hash = r.sha256 ? `<dt>SHA-256 ของไฟล์ที่อัปโหลด</dt><dd><code>${esc(r.sha256)}</code></dd>` : '';
  if (!r.ok)
    return `<section class="bad" id="result" data-status="invalid"><h2>ตรวจสอบไม่ผ่าน</h2><p>${esc(r.reason)}</p><dl>${hash}${seal}</dl></section>`;
  const d = r.document;
  const cls =
    d.status === 'valid' && (!r.seal || (r.seal.valid && r.seal.trusted))
      ? 'ok'
      : d.status === 'superseded'
        ? 'warn'
        : 'bad';
  return `<section class="${cls}" id="result" data-status="${esc(d.status)}">
<h2>${d.status === 'valid' ? 'เอกสารนี้ออกโดยระบบและยังใช้ได้' : d.status === 'superseded' ? 'เอกสารนี้ออกโดยระบบ แต่มีฉบับใหม่กว่าแล้ว' : 'เอกสารนี้ถูกเพิกถอนแล้ว'}</h2>
<dl><dt>สถานะ</dt><dd>${esc(d.statusLabel)}${d.statusChangedAt ? ` (ตั้งแต่ ${esc(thaiDateTime(d.statusChangedAt))})` : ''}</dd>
<dt>ประเภทเอกสาร</dt><dd>${esc(d.kindLabel)}</dd>
<dt>เลขอ้างอิง</dt><dd><code>${esc(d.reference)}</code></dd>
<dt>วันที่ออก</dt><dd>${esc(thaiDateTime(d.issuedAt))}</dd>
<dt>ผู้ออก (ตราประทับ)</dt><dd>${esc(d.issuerName)}</dd>
<dt>รหัสกุญแจผู้ออก</dt><dd><code>${esc(d.issuerKeyId)}</code></dd>
<dt>SHA-256 ของไฟล์ PDF ที่ออก</dt><dd><code>${esc(d.sha256)}</code></dd>
<dt>SHA-256 ของข้อมูลที่พิมพ์</dt><dd><code>${esc(d.contentSha256)}</code></dd>${hash}${seal}</dl>
<p>ตรวจดูว่าไฟล์ที่ได้รับมี SHA-256 ตรงกับค่าข้างต้น หรืออัปโหลดไฟล์ด้านล่างเพื่อให้ระบบตรวจให้</p></section>`;
}

/** The whole page, with an optional result. */
export function verifyPage(result?: VerifyOutcome, token = ''): string {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>ตรวจสอบเอกสาร — ระบบทะเบียนประวัติอิเล็กทรอนิกส์ Khru</title>
<style>${STYLE}</style></head><body>
<h1>ตรวจสอบเอกสารทะเบียนประวัติและหนังสือรับรอง</h1>
<p>ตรวจสอบว่าเอกสาร (ก.ค.ศ.๑๖ สำเนารับรอง หรือหนังสือรับรอง) ออกโดยระบบนี้จริง และยังใช้ได้หรือไม่ โดยไม่ต้องเข้าสู่ระบบ</p>
${result ? resultHtml(result) : ''}
<form method="post" action="/verify"><label for="t">รหัสตรวจสอบจาก QR code (หรือที่อยู่เว็บทั้งหมดที่สแกนได้)</label>
<textarea id="t" name="t" required maxlength="4000">${esc(token)}</textarea><button type="submit">ตรวจสอบรหัส</button></form>
<form method="post" action="/verify/pdf" enctype="multipart/form-data"><label for="f">หรืออัปโหลดไฟล์ PDF ที่ได้รับ เพื่อตรวจค่า SHA-256 และตราประทับอิเล็กทรอนิกส์</label><br>
<input id="f" type="file" name="file" accept="application/pdf" required> <button type="submit">ตรวจสอบไฟล์</button></form>
<footer>หน้านี้ไม่แสดงข้อมูลส่วนบุคคล · กุญแจสาธารณะสำหรับตรวจสอบแบบออฟไลน์: <a href="/verify/keys.json">/verify/keys.json</a></footer>
</body></html>`;
}
