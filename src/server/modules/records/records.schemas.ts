import { z } from 'zod';
import { STANDINGS } from '../../../domain/record/enums.ts';
import { nationalId } from '../../../domain/record/primitives.ts';

export const personIdParams = z.object({ personId: z.string().uuid({ error: 'err.invalid' }) });
export const entryParams = personIdParams.extend({ entryId: z.string().uuid({ error: 'err.invalid' }) });
export const versionQuery = z.object({ version: z.coerce.number({ error: 'err.required' }).int().min(1) });
export const version = z.number({ error: 'err.required' }).int().min(1);

/** Search is a POST so that national IDs and names never appear in URLs or access logs. */
export const searchBody = z.object({
  q: z.string().max(100).optional(),
  nationalId: nationalId.optional(),
  officeId: z.string().uuid().optional(),
  positionTitle: z.string().max(100).optional(),
  standing: z.enum(STANDINGS).optional(),
  status: z.enum(['active', 'removed']).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  sort: z.enum(['name', 'office', 'appointmentDate']).default('name'),
});

export const personListItem = z.object({
  id: z.string(),
  nationalId: z.string(),
  displayName: z.string(),
  status: z.string(),
  officeId: z.string().nullable(),
  officeName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  standing: z.string().nullable(),
  appointmentDate: z.string().nullable(),
});

export const searchResult = z.object({
  /** Matches, counted up to 1,000; `totalCapped` says there are more. */
  total: z.number(),
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(personListItem),
});

/** The record is documented loosely (its item shapes are the request schemas of each item). */
export const recordView = z.object({
  person: z.record(z.string(), z.unknown()),
  items: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  history: z.array(z.record(z.string(), z.unknown())).optional(),
  allowed: z.object({
    read: z.array(z.string()),
    edit: z.array(z.string()),
    /** Personal fields only an approved correction changes (ข้อ 4.2.1/4.2.2). */
    correctionOnly: z.array(z.string()),
  }),
  asOf: z.string(),
});

export const historyRows = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      item: z.string(),
      field: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      actorName: z.string(),
      eventSeq: z.number(),
    }),
  ),
});

export const entryResult = z.object({ entry: z.record(z.string(), z.unknown()), recordVersion: z.number() });
export const removeResult = z.object({ recordVersion: z.number() });
