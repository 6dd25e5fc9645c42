/**
 * The public verification page, rendered on the server: plain HTML and one stylesheet whose hash
 * is the only thing the page's CSP allows — no scripts at all, forms post back to /verify. Thai by
 * default, English with `lang=en` (a link switches; the forms carry it). The page serves its own
 * Thai font (Sarabun, the one the printouts embed), so Thai vowels and tone marks render the same
 * on a visitor's phone that has no Thai font installed.
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../../../domain/i18n/messages.ts';
import {
  ISSUED_KIND_LABELS,
  ISSUED_STATUS_LABELS,
  type IssuedKind,
} from '../../../domain/record/documents.ts';
import { formatThaiDate } from '../../../domain/thai-date.ts';
import { VERIFY_FAILURES, type VerifyOutcome } from './verify.ts';

/** The font files /verify/fonts/ serves (the PDFs' Sarabun, OFL), by public name. */
export const VERIFY_FONTS: Record<string, URL> = {
  'sarabun-regular.ttf': new URL('../../../../assets/fonts/Sarabun-Regular-ZW.ttf', import.meta.url),
  'sarabun-bold.ttf': new URL('../../../../assets/fonts/Sarabun-Bold-ZW.ttf', import.meta.url),
};

const STYLE = `@font-face{font-family:KhruSarabun;src:url(/verify/fonts/sarabun-regular.ttf) format("truetype");font-weight:400;font-display:swap}
@font-face{font-family:KhruSarabun;src:url(/verify/fonts/sarabun-bold.ttf) format("truetype");font-weight:700;font-display:swap}
body{font-family:KhruSarabun,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2937;line-height:1.6}
h1{font-size:1.5rem}form{margin:1rem 0;padding:1rem;border:1px solid #d1d5db;border-radius:.5rem}
textarea{width:100%;box-sizing:border-box;min-height:5rem;font-family:monospace}button{margin-top:.5rem;padding:.4rem 1rem;font:inherit}
input[type=file]{max-width:100%}.lang{text-align:right;font-size:.9rem}
.ok{border-left:6px solid #15803d;background:#f0fdf4;padding:1rem}.warn{border-left:6px solid #b45309;background:#fffbeb;padding:1rem}
.bad{border-left:6px solid #b91c1c;background:#fef2f2;padding:1rem}.note{border:1px solid #b45309;background:#fff7ed;padding:.5rem 1rem;border-radius:.25rem}
dt{font-weight:bold}dd{margin:0 0 .5rem 0;word-break:break-all}
code{font-size:.85rem}footer{margin-top:2rem;font-size:.85rem;color:#6b7280}`;

/** CSP for the page: nothing but this stylesheet and its own font, the form posting to itself. */
export const VERIFY_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; font-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const T = {
  title: {
    th: 'ตรวจสอบเอกสาร — ระบบทะเบียนประวัติอิเล็กทรอนิกส์ Khru',
    en: 'Verify a document — Khru electronic personnel record',
  },
  h1: { th: 'ตรวจสอบเอกสารทะเบียนประวัติและหนังสือรับรอง', en: 'Verify a personnel record or certificate' },
  intro: {
    th: 'ตรวจสอบว่าเอกสาร (ก.ค.ศ.๑๖ สำเนารับรอง หรือหนังสือรับรอง) ออกโดยระบบนี้จริง และยังใช้ได้หรือไม่ โดยไม่ต้องเข้าสู่ระบบ',
    en: 'Check that a document (ก.ค.ศ.๑๖ record, certified copy or certificate) was issued by this system and is still valid. No sign-in needed.',
  },
  switchTo: { th: 'English', en: 'ภาษาไทย' },
  failed: { th: 'ตรวจสอบไม่ผ่าน', en: 'Verification failed' },
  validH: { th: 'เอกสารนี้ออกโดยระบบและยังใช้ได้', en: 'This document was issued by the system and is valid' },
  supersededH: {
    th: 'เอกสารนี้ออกโดยระบบ แต่มีฉบับใหม่กว่าแล้ว',
    en: 'Issued by the system, but a newer copy has replaced it',
  },
  revokedH: { th: 'เอกสารนี้ถูกเพิกถอนแล้ว', en: 'This document has been revoked' },
  changed: {
    th: 'ข้อมูลในทะเบียนประวัติของบุคคลนี้มีการเปลี่ยนแปลงหลังจากวันที่พิมพ์เอกสารฉบับนี้ เอกสารยืนยันได้เฉพาะข้อมูล ณ วันที่พิมพ์ หากต้องการข้อมูลปัจจุบัน โปรดขอฉบับใหม่จากเจ้าของประวัติหรือหน่วยงาน',
    en: "The register's record of this person has changed since this copy was printed. It proves only what the record said on its date; ask the person or the office for a current copy.",
  },
  unchanged: {
    th: 'ข้อมูลในทะเบียนประวัติของบุคคลนี้ยังไม่เปลี่ยนแปลงนับตั้งแต่วันที่พิมพ์',
    en: "The register's record of this person has not changed since this copy was printed.",
  },
  status: { th: 'สถานะ', en: 'Status' },
  since: { th: 'ตั้งแต่', en: 'since' },
  kind: { th: 'ประเภทเอกสาร', en: 'Document' },
  reference: { th: 'เลขอ้างอิง', en: 'Reference' },
  issuedAt: { th: 'วันที่ออก', en: 'Issued' },
  issuer: { th: 'ผู้ออก (ตราประทับ)', en: 'Issuer (seal)' },
  issuerKey: { th: 'รหัสกุญแจผู้ออก', en: 'Issuer key ID' },
  pdfSha: { th: 'SHA-256 ของไฟล์ PDF ที่ออก', en: 'SHA-256 of the issued PDF' },
  contentSha: { th: 'SHA-256 ของข้อมูลที่พิมพ์', en: 'SHA-256 of the printed content' },
  uploadedSha: { th: 'SHA-256 ของไฟล์ที่อัปโหลด', en: 'SHA-256 of the uploaded file' },
  compare: {
    th: 'ตรวจดูว่าไฟล์ที่ได้รับมี SHA-256 ตรงกับค่าข้างต้น หรืออัปโหลดไฟล์ด้านล่างเพื่อให้ระบบตรวจให้',
    en: 'Check that the file you received has the SHA-256 above, or upload it below and the system checks it.',
  },
  seal: { th: 'ตราประทับอิเล็กทรอนิกส์ (PAdES)', en: 'Electronic seal (PAdES)' },
  sealTrusted: {
    th: 'ถูกต้อง ครอบคลุมทั้งเอกสาร และออกโดยใบรับรองของระบบนี้',
    en: "Valid, covers the whole document, and made with this system's certificate",
  },
  sealUntrusted: {
    th: 'ลายมือชื่อถูกต้องทางคณิตศาสตร์ แต่ใบรับรองไม่ใช่ของระบบนี้',
    en: "Mathematically valid, but the certificate is not this system's",
  },
  sealBad: { th: 'ไม่ถูกต้อง', en: 'Invalid' },
  sealChanged: { th: 'เอกสารถูกแก้ไขหลังประทับตรา', en: 'the document was changed after sealing' },
  timestamped: { th: 'มีการประทับเวลา (RFC 3161)', en: 'time-stamped (RFC 3161)' },
  tokenLabel: {
    th: 'รหัสตรวจสอบจาก QR code (หรือที่อยู่เว็บทั้งหมดที่สแกนได้)',
    en: 'The verification code from the QR code (or the whole scanned web address)',
  },
  tokenButton: { th: 'ตรวจสอบรหัส', en: 'Check the code' },
  fileLabel: {
    th: 'หรืออัปโหลดไฟล์ PDF ที่ได้รับ เพื่อตรวจค่า SHA-256 และตราประทับอิเล็กทรอนิกส์',
    en: 'Or upload the PDF you received to check its SHA-256 and electronic seal',
  },
  fileButton: { th: 'ตรวจสอบไฟล์', en: 'Check the file' },
  footer: {
    th: 'หน้านี้ไม่แสดงข้อมูลส่วนบุคคล · กุญแจสาธารณะสำหรับตรวจสอบแบบออฟไลน์:',
    en: 'This page shows no personal data · public keys for offline checks:',
  },
  at: { th: 'เวลา', en: 'at' },
  oclock: { th: ' น.', en: '' },
} as const;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An instant as a Bangkok date in พ.ศ. (English: "5 January 2570 BE at 19:00", ADR 0119) and time. */
export function verifyDateTime(iso: string, lang: Lang): string {
  const bangkok = new Date(new Date(iso).getTime() + 7 * 3600e3).toISOString();
  const day = bangkok.slice(0, 10);
  const time = bangkok.slice(11, 16);
  return `${formatThaiDate(day, { style: 'long', lang })} ${T.at[lang]} ${time}${T.oclock[lang]}`;
}

function resultHtml(r: VerifyOutcome, lang: Lang): string {
  const seal = r.seal
    ? `<dt>${T.seal[lang]}</dt><dd>${
        r.seal.valid && r.seal.totalDocumentSigned
          ? r.seal.trusted
            ? T.sealTrusted[lang]
            : T.sealUntrusted[lang]
          : `${T.sealBad[lang]} (${esc(r.seal.problems.join('; ') || T.sealChanged[lang])})`
      }${r.seal.signerName ? ` — ${esc(r.seal.signerName)}` : ''}${r.seal.timestamped ? ` · ${T.timestamped[lang]}` : ''}</dd>`
    : '';
  const hash = r.sha256 ? `<dt>${T.uploadedSha[lang]}</dt><dd><code>${esc(r.sha256)}</code></dd>` : '';
  if (!r.ok)
    return `<section class="bad" id="result" data-status="invalid"><h2>${T.failed[lang]}</h2><p>${esc(VERIFY_FAILURES[r.code][lang])}</p><dl>${hash}${seal}</dl></section>`;
  const d = r.document;
  const cls =
    d.status === 'valid' && (!r.seal || (r.seal.valid && r.seal.trusted))
      ? 'ok'
      : d.status === 'superseded'
        ? 'warn'
        : 'bad';
  const heading = d.status === 'valid' ? T.validH : d.status === 'superseded' ? T.supersededH : T.revokedH;
  const changed =
    d.recordChangedSinceIssue === null
      ? ''
      : d.recordChangedSinceIssue
        ? `<p class="note" id="record-changed" data-changed="true">${T.changed[lang]}</p>`
        : `<p id="record-changed" data-changed="false">${T.unchanged[lang]}</p>`;
  const kind = ISSUED_KIND_LABELS[d.kind as IssuedKind]?.[lang] ?? d.kindLabel;
  return `<section class="${cls}" id="result" data-status="${esc(d.status)}">
<h2>${heading[lang]}</h2>${changed}
<dl><dt>${T.status[lang]}</dt><dd>${esc(ISSUED_STATUS_LABELS[d.status][lang])}${d.statusChangedAt ? ` (${T.since[lang]} ${esc(verifyDateTime(d.statusChangedAt, lang))})` : ''}</dd>
<dt>${T.kind[lang]}</dt><dd>${esc(kind)}</dd>
<dt>${T.reference[lang]}</dt><dd><code>${esc(d.reference)}</code></dd>
<dt>${T.issuedAt[lang]}</dt><dd>${esc(verifyDateTime(d.issuedAt, lang))}</dd>
<dt>${T.issuer[lang]}</dt><dd>${esc(d.issuerName)}</dd>
<dt>${T.issuerKey[lang]}</dt><dd><code>${esc(d.issuerKeyId)}</code></dd>
<dt>${T.pdfSha[lang]}</dt><dd><code>${esc(d.sha256)}</code></dd>
<dt>${T.contentSha[lang]}</dt><dd><code>${esc(d.contentSha256)}</code></dd>${hash}${seal}</dl>
<p>${T.compare[lang]}</p></section>`;
}

/** The whole page, with an optional result, in Thai (default) or English. */
export function verifyPage(result?: VerifyOutcome, token = '', lang: Lang = 'th'): string {
  const other: Lang = lang === 'th' ? 'en' : 'th';
  const switchHref = `/verify?lang=${other}${token ? `&amp;t=${encodeURIComponent(token)}` : ''}`;
  const langField = `<input type="hidden" name="lang" value="${lang}">`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${T.title[lang]}</title>
<style>${STYLE}</style></head><body>
<p class="lang"><a href="${switchHref}" hreflang="${other}" lang="${other}">${T.switchTo[lang]}</a></p>
<h1>${T.h1[lang]}</h1>
<p>${T.intro[lang]}</p>
${result ? resultHtml(result, lang) : ''}
<form method="post" action="/verify">${langField}<label for="t">${T.tokenLabel[lang]}</label>
<textarea id="t" name="t" required maxlength="4000">${esc(token)}</textarea><button type="submit">${T.tokenButton[lang]}</button></form>
<form method="post" action="/verify/pdf" enctype="multipart/form-data">${langField}<label for="f">${T.fileLabel[lang]}</label><br>
<input id="f" type="file" name="file" accept="application/pdf" required> <button type="submit">${T.fileButton[lang]}</button></form>
<footer>${T.footer[lang]} <a href="/verify/keys.json">/verify/keys.json</a></footer>
</body></html>`;
}
