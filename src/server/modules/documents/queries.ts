import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';

const { documents, personPhotos } = schema;

export type DocumentRow = typeof documents.$inferSelect;

/** A person's evidence documents, newest first (unfiltered: the caller applies item access). */
export async function documentsOfPerson(ex: Executor, personId: string) {
  return ex
    .select()
    .from(documents)
    .where(eq(documents.personId, personId))
    .orderBy(desc(documents.createdAt));
}

/** One stored document by id, or undefined. */
export async function documentById(ex: Executor, documentId: string) {
  const [d] = await ex.select().from(documents).where(eq(documents.id, documentId));
  return d;
}

/** The stored photo in a person's slot (hash and MIME type), or undefined. */
export async function photoInSlot(ex: Executor, personId: string, slot: number) {
  const [row] = await ex
    .select({ sha256: documents.sha256, mime: documents.mime })
    .from(personPhotos)
    .innerJoin(documents, eq(documents.id, personPhotos.documentId))
    .where(and(eq(personPhotos.personId, personId), eq(personPhotos.slot, slot)));
  return row;
}
