import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIST_ITEM_KEYS, LIST_ITEMS, personalData } from '../../../domain/record/items.ts';
import { personAccess } from '../../platform/authz/index.ts';
import { type Ctx, requireActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { addEntry } from './commands/add-entry.ts';
import { editEntry } from './commands/edit-entry.ts';
import { editPersonal } from './commands/edit-personal.ts';
import { removeEntry } from './commands/remove-entry.ts';
import {
  findPersonInScope,
  readHistory,
  readRecord,
  readRecordResponse,
  searchPeople,
} from './records.queries.ts';
import {
  entryParams,
  entryResult,
  historyRows,
  personIdParams,
  recordView,
  removeResult,
  searchBody,
  searchResult,
  version,
  versionQuery,
} from './records.schemas.ts';

/** Loads a person the caller may read at least one item of; 404 otherwise. */
async function loadReadable(ctx: Ctx, personId: string) {
  requireActor(ctx);
  const person = await findPersonInScope(ctx.h.db, ctx.actor, personId);
  if (!person) throw new AppError('notFound');
  const access = await personAccess(ctx.h.db, ctx.actor, person);
  if (access.read.length === 0) throw new AppError('notFound');
  return { ctx, person, access };
}

/** Routes of the record (ก.ค.ศ.๑๖): thin — validate → load in scope → authorise → command → present. */
export const recordsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ทะเบียนประวัติ (records)'];

  app.get(
    '/api/v1/me/record',
    {
      schema: {
        tags,
        summary: 'ทะเบียนประวัติของตนเอง (the caller’s own record)',
        response: { 200: recordView },
      },
    },
    async (req) => {
      const ctx = req.ctx;
      requireActor(ctx);
      if (!ctx.actor.personId) throw new AppError('notFound');
      const person = await findPersonInScope(ctx.h.db, ctx.actor, ctx.actor.personId);
      if (!person) throw new AppError('notFound');
      const access = await personAccess(ctx.h.db, ctx.actor, person);
      const view = await readRecord(ctx.h, person.id, access);
      if (!view) throw new AppError('notFound');
      return { ...view, history: await readHistory(ctx.h.db, person.id, access.read) };
    },
  );

  app.post(
    '/api/v1/people/search',
    {
      schema: {
        tags,
        summary: 'ค้นหาบุคลากร (search people in scope)',
        body: searchBody,
        response: { 200: searchResult },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return searchPeople(req.ctx.h.db, req.ctx.actor, req.body);
    },
  );

  app.get(
    '/api/v1/people/:personId/record',
    {
      schema: {
        tags,
        summary: 'ทะเบียนประวัติฉบับเต็ม (full record)',
        params: personIdParams,
        response: { 200: recordView },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      // The hot read (issue 5): one statement, and the items JSON PostgreSQL built is sent on
      // as is — the response schema above documents it and tests check bodies against it.
      const body = await readRecordResponse(req.ctx.h, req.ctx.actor, req.params.personId);
      if (body === null) throw new AppError('notFound');
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  app.get(
    '/api/v1/people/:personId/history',
    {
      schema: {
        tags,
        summary: 'รายการ ๒๗ ประวัติการเปลี่ยนแปลงแก้ไขข้อมูล (change history)',
        params: personIdParams,
        response: { 200: historyRows },
      },
    },
    async (req) => {
      const { ctx, person, access } = await loadReadable(req.ctx, req.params.personId);
      return { items: await readHistory(ctx.h.db, person.id, access.read) };
    },
  );

  app.put(
    '/api/v1/people/:personId/personal',
    {
      schema: {
        tags,
        summary: 'แก้ไขข้อมูลส่วนตัว (items 3, 4, 8, 10)',
        params: personIdParams,
        body: personalData.extend({ version }),
        response: { 200: z.object({ version: z.number(), recordVersion: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const { version: v, ...data } = req.body;
      return editPersonal(req.ctx, req.params.personId, v, data);
    },
  );

  for (const item of LIST_ITEM_KEYS) {
    const def = LIST_ITEMS[item];
    const label = `${def.th} (${def.en})`;
    const body = def.schema as z.ZodType<Record<string, unknown>>;
    app.post(
      `/api/v1/people/:personId/items/${item}`,
      {
        schema: {
          tags,
          summary: `เพิ่มรายการ: ${label}`,
          params: personIdParams,
          body,
          response: { 201: entryResult },
        },
      },
      async (req, reply) => {
        requireActor(req.ctx);
        const r = await addEntry(req.ctx, req.params.personId, item, req.body);
        return reply.status(201).send(r);
      },
    );
    app.put(
      `/api/v1/people/:personId/items/${item}/:entryId`,
      {
        schema: {
          tags,
          summary: `แก้ไขรายการ: ${label}`,
          params: entryParams,
          body: z.object({ version, data: body }),
          response: { 200: entryResult },
        },
      },
      async (req) => {
        requireActor(req.ctx);
        return editEntry(
          req.ctx,
          req.params.personId,
          item,
          req.params.entryId,
          req.body.version,
          req.body.data,
        );
      },
    );
    app.delete(
      `/api/v1/people/:personId/items/${item}/:entryId`,
      {
        schema: {
          tags,
          summary: `ลบรายการ: ${label}`,
          params: entryParams,
          querystring: versionQuery,
          response: { 200: removeResult },
        },
      },
      async (req) => {
        requireActor(req.ctx);
        return removeEntry(req.ctx, req.params.personId, item, req.params.entryId, req.query.version);
      },
    );
  }
};
