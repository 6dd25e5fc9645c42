/**
 * Officers' import and export over HTTP: upload an XLSX in the template → job id → progress
 * polling → errors as a spreadsheet; and an office's full dataset as a streamed download
 * (XLSX workbook, or one CSV group), scoped by personScope like every read.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RecordItemKey } from '../../../domain/record/items.ts';
import { authorizeImport, hasPermission, itemScope, readableItems } from '../../platform/authz/index.ts';
import { auditActor, type Ctx, requireActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { InspectRefusal, inspectUntrusted } from '../../platform/storage/index.ts';
import { errorsWorkbook } from './errors-sheet.ts';
import { exportCsvGroup, exportXlsx } from './export.ts';
import { type ExchangeItem, GROUPS, type GroupKey } from './format.ts';
import { ensureJob, runImport } from './importer.ts';
import { type Source, xlsxSource } from './sources.ts';

const MAX_UPLOAD = 50 * 1024 * 1024;

/** The record item a group of the format carries (people: the personal data, items 2–4, 8, 10). */
const groupItem = (g: GroupKey): RecordItemKey => (g === 'people' || g === 'offices' ? 'personal' : g);
const jobOut = z.object({
  id: z.string(),
  status: z.string(),
  source: z.string(),
  totalPeople: z.number().nullable(),
  importedPeople: z.number(),
  rejectedPeople: z.number(),
  errors: z.number(),
  message: z.string().nullable(),
});

export const exchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['นำเข้าและส่งออกข้อมูล (import/export)'];
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 5 } });

  app.post(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: 'นำเข้าทะเบียนประวัติจากแฟ้ม XLSX ตามแบบฟอร์ม (upload; returns a job to poll)',
        consumes: ['multipart/form-data'],
        response: { 202: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const ctx = req.ctx;
      requireActor(ctx);
      if (!hasPermission(ctx.actor, 'record.edit')) throw new AppError('forbidden');
      if (!req.isMultipart())
        throw new AppError('validation', [{ field: 'file', messageKey: 'err.required' }]);
      // A malformed form (cut off, broken part header) is the sender's error, not a 500.
      const part = await req.file().catch(() => {
        throw new AppError('validation', [{ field: 'file', messageKey: 'err.upload.malformed' }]);
      });
      if (!part) throw new AppError('validation', [{ field: 'file', messageKey: 'err.required' }]);
      if (!/\.xlsx$/i.test(part.filename ?? '')) throw new AppError('unsupportedMedia');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payloadTooLarge');
        throw new AppError('validation', [{ field: 'file', messageKey: 'err.upload.malformed' }]);
      }
      // An XLSX is a ZIP: inflated once in an inspection worker with a cap before the
      // spreadsheet reader may hold it in memory (issue 17 §2, ADR 0112).
      await inspectUntrusted(bytes, 'workbook').catch((e: unknown) => {
        if (e instanceof InspectRefusal)
          throw new AppError('validation', [{ field: 'file', messageKey: e.messageKey }]);
        throw e;
      });
      const id = randomUUID();
      const dir = path.join(ctx.cfg.dataDir, 'imports');
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${id}.xlsx`);
      await writeFile(file, bytes);
      // What the file would write decides whether the caller may import it, before anything is
      // written (ADR 0110): a clerk's items only, new people only by a records officer, and the
      // people only under the offices of the assignments that write them (checked per row).
      let src: Source | null = null;
      try {
        src = await xlsxSource(file, part.filename);
      } catch {
        src = null; // not a readable workbook: the job below fails with its Thai message
      }
      const groups = src?.groupsWithRows?.() ?? [];
      const decision = authorizeImport(ctx.actor, {
        people: groups.includes('people'),
        items: groups.filter((g): g is ExchangeItem => g !== 'people' && g !== 'offices'),
      });
      if (!decision.ok) {
        await rm(file, { force: true });
        throw new AppError('forbidden', [
          {
            field: `sheet.${decision.group}`,
            messageKey:
              decision.reason === 'create' ? 'err.import.createPerson' : 'err.import.itemNotAssigned',
          },
        ]);
      }
      const { officePaths, assignmentId } = decision.grant;
      await ensureJob(ctx.h, id, part.filename, ctx.actor.userId);
      const actor = auditActor(ctx);
      const meta = ctx.meta;
      const h = ctx.h;
      const log = ctx.log;
      // The job runs after the response; progress is polled. A restart leaves the job 'running'
      // with its committed batches: uploading the same file again is safe (national IDs are unique).
      void (async () => {
        try {
          if (!src) throw new Error('unreadable workbook');
          await runImport(h, src, {
            importId: id,
            actor,
            meta,
            createdBy: actor.userId,
            officePaths,
            assignmentId,
            allowOffices: false,
          });
        } catch (e) {
          log.error({ err: e, importId: id }, 'import failed');
          await h
            .query(
              "update import_jobs set status = 'failed', message = $2, updated_at = now() where id = $1",
              [id, 'นำเข้าไม่สำเร็จ: แฟ้มไม่อยู่ในรูปแบบที่กำหนด'],
            )
            .catch(() => {});
        } finally {
          await rm(file, { force: true });
        }
      })();
      return reply.code(202).send({ id });
    },
  );

  const loadJob = async (ctx: Ctx, id: string) => {
    requireActor(ctx);
    const [j] = await ctx.h.query<{
      id: string;
      status: string;
      source: string;
      total_people: number | null;
      imported_people: number;
      rejected_people: number;
      message: string | null;
      created_by: string | null;
      errors: number;
    }>(
      `select j.*, (select count(*)::int from import_errors e where e.import_id = j.id) as errors
         from import_jobs j where j.id = $1`,
      [id],
    );
    // Only the officer who uploaded sees the job (others: 404, as for anything out of scope).
    if (!j || j.created_by !== ctx.actor.userId) throw new AppError('notFound');
    return j;
  };

  app.get(
    '/api/v1/imports/:importId',
    {
      schema: {
        tags,
        summary: 'ความคืบหน้าการนำเข้า (import progress)',
        params: z.object({ importId: z.string().uuid({ error: 'err.invalid' }) }),
        response: { 200: jobOut },
      },
    },
    async (req) => {
      const j = await loadJob(req.ctx, req.params.importId);
      return {
        id: j.id,
        status: j.status,
        source: j.source,
        totalPeople: j.total_people,
        importedPeople: j.imported_people,
        rejectedPeople: j.rejected_people,
        errors: Number(j.errors),
        message: j.message,
      };
    },
  );

  app.get(
    '/api/v1/imports/:importId/errors.xlsx',
    {
      schema: {
        tags,
        summary: 'รายการข้อผิดพลาดรายแถวและรายช่อง (errors as a spreadsheet)',
        params: z.object({ importId: z.string().uuid({ error: 'err.invalid' }) }),
      },
    },
    async (req, reply) => {
      const j = await loadJob(req.ctx, req.params.importId);
      const body = await errorsWorkbook(req.ctx.h, j.id);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="import-errors-${j.id}.xlsx"`)
        .send(body);
    },
  );

  app.get(
    '/api/v1/exports/records',
    {
      schema: {
        tags,
        summary: 'ส่งออกทะเบียนประวัติของหน่วยงาน (streamed XLSX, or one CSV group)',
        querystring: z.object({
          officeCode: z.string().max(40).optional(),
          format: z.enum(['xlsx', 'csv']).default('xlsx'),
          group: z.enum(GROUPS as [GroupKey, ...GroupKey[]]).default('people'),
        }),
      },
    },
    async (req, reply) => {
      const ctx = req.ctx;
      requireActor(ctx);
      if (!hasPermission(ctx.actor, 'record.read')) throw new AppError('forbidden');
      let officePath: string | null = null;
      if (req.query.officeCode) {
        const [o] = await ctx.h.query<{ path: string }>('select path from offices where code = $1', [
          req.query.officeCode,
        ]);
        if (!o) throw new AppError('notFound');
        officePath = o.path;
      }
      // Each group only for the people whose item the caller may read (a clerk: her items of her
      // office's people; nobody else's groups at all), ADR 0110.
      const actor = ctx.actor;
      const items = new Set(readableItems(actor));
      const readable = (g: GroupKey) => g === 'offices' || items.has(groupItem(g));
      const groups = GROUPS.filter(readable);
      if (req.query.format === 'csv' && !groups.includes(req.query.group)) throw new AppError('forbidden');
      const scope = {
        whereFor: (g: GroupKey) => (readable(g) && g !== 'offices' ? itemScope(actor, groupItem(g)) : null),
        groups,
        officePath,
        includeOffices: false,
      };
      const out = new PassThrough();
      const name = `khru-${req.query.officeCode ?? 'records'}`;
      const run =
        req.query.format === 'xlsx'
          ? exportXlsx(ctx.h, scope, out)
          : exportCsvGroup(ctx.h, scope, req.query.group, out);
      run.catch((e) => {
        ctx.log.error({ err: e }, 'export failed');
        out.destroy(e as Error);
      });
      return reply
        .type(
          req.query.format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv; charset=utf-8',
        )
        .header(
          'content-disposition',
          `attachment; filename="${name}${req.query.format === 'xlsx' ? '.xlsx' : `-${req.query.group}.csv`}"`,
        )
        .send(out);
    },
  );
};
