import type QRCode from 'qrcode';
import type { Sheet } from './sheet.ts';

/** Vector QR (crisp at any zoom and print resolution), with a quiet zone of one module. */
export function drawQr(sheet: Sheet, qr: QRCode.QRCode, x: number, y: number, size: number): void {
  const n = qr.modules.size;
  const m = size / (n + 2);
  const doc = sheet.doc;
  doc.save().fillColor('#000000');
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      doc.rect(x + (start + 1) * m, y + (r + 1) * m, (c - start) * m, m);
    }
  }
  doc.fill();
  doc.restore();
}
