/**
 * One file's inspection, as run inside an inspection worker (inspect-worker.mjs): the facts of
 * the file (inspect.ts) and, for a photo, the normalised photo to store (photo.ts). A refusal of
 * the content comes back as its message key; anything else is an error of the worker.
 */
import { type FileFacts, inspectFile } from './inspect.ts';
import { InspectRefusal } from './limits.ts';
import { normalisePhoto } from './photo.ts';
import { inspectWorkbook } from './workbook.ts';

/** What a workbook's inspection answers: it was read within the caps; nothing else is sniffed. */
const WORKBOOK_FACTS: FileFacts = {
  type: 'unknown',
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  dpi: null,
  colour: null,
};

export type InspectKind = 'scan' | 'photo' | 'workbook';

export interface InspectTask {
  bytes: Uint8Array;
  kind: InspectKind;
}

export type InspectResult =
  | { ok: true; facts: FileFacts; stored?: Uint8Array; storedFacts?: FileFacts }
  | { ok: false; messageKey: string };

export async function inspectTask({ bytes, kind }: InspectTask): Promise<InspectResult> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (kind === 'workbook') {
      inspectWorkbook(b);
      return { ok: true, facts: WORKBOOK_FACTS };
    }
    const facts = inspectFile(b);
    if (kind === 'photo' && (facts.type === 'jpeg' || facts.type === 'png')) {
      const photo = await normalisePhoto(b, facts.type, facts.dpi);
      return { ok: true, facts, stored: photo.bytes, storedFacts: inspectFile(photo.bytes) };
    }
    return { ok: true, facts };
  } catch (e) {
    if (e instanceof InspectRefusal) return { ok: false, messageKey: e.messageKey };
    throw e;
  }
}
