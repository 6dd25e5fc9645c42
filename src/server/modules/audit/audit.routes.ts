import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUDIT_EVENT_GROUP_KEYS } from '../../../domain/audit-events.ts';
import { RECORD_ITEM_KEYS } from '../../../domain/record/items.ts';
import { isoDate, nationalId } from '../../../domain/record/primitives.ts';
import { hasPermission } from '../../platform/authz/index.ts';
import { requireActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { createAuditCheckpoint } from './commands/create-checkpoint.ts';
import { auditChainStatus, auditCheckpointExport, listAuditEvents } from './queries.ts';

const auditEventPage = z.object({
  items: z.array(
    z.object({
      seq: z.number(),
      at: z.string(),
      eventType: z.string(),
      item: z.string().nullable(),
      actorName: z.string(),
      actorRoles: z.array(z.string()),
      person: z.object({ name: z.string(), nationalId: z.string() }).nullable(),
      changes: z.array(
        z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
      ),
      source: z.string(),
      authMethod: z.string().nullable(),
      ip: z.string().nullable(),
    }),
  ),
  nextBefore: z.number().nullable(),
});

const checkpointSchema = z.object({ seq: z.number(), hash: z.string(), count: z.number(), at: z.string() });
const problemSchema = z.object({
  code: z.enum(['forged', 'truncated', 'rewritten', 'missing']),
  seq: z.number().nullable(),
  th: z.string(),
  en: z.string(),
});
const chainSchema = z.object({
  ok: z.boolean(),
  events: z.number(),
  lastSeq: z.number().nullable(),
  firstBadSeq: z.number().nullable(),
  reason: z.string().nullable(),
});

/**
 * Reading the audit trail: data controllers, for the people in their scope (OTEPC: everything).
 * The chain's status and its signed checkpoints (ADR 0115) concern the whole trail but carry no
 * personal data (sequence numbers, hashes, counts and times): every holder of audit.read.
 */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/audit/events',
    {
      schema: {
        tags: ['บันทึกการตรวจสอบ (audit)'],
        summary: 'เหตุการณ์ในบันทึกการตรวจสอบ กรองตามบุคคล ผู้กระทำ รายการ ประเภท และช่วงเวลา (newest first)',
        querystring: z
          .object({
            personId: z.string().uuid().optional(),
            person: nationalId.optional(),
            actor: nationalId.optional(),
            item: z.enum(RECORD_ITEM_KEYS, { error: 'err.invalid' }).optional(),
            group: z.enum(AUDIT_EVENT_GROUP_KEYS, { error: 'err.invalid' }).optional(),
            from: isoDate.optional(),
            to: isoDate.optional(),
            before: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          })
          .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'err.dateRange' }),
        response: { 200: auditEventPage },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      if (!hasPermission(req.ctx.actor, 'audit.read')) throw new AppError('forbidden');
      const q = req.query;
      return listAuditEvents(req.ctx.h.db, req.ctx.actor, {
        personId: q.personId,
        personNationalId: q.person,
        actorNationalId: q.actor,
        item: q.item,
        group: q.group,
        from: q.from,
        to: q.to,
        before: q.before,
        limit: q.limit,
      });
    },
  );
};

export const auditChainRoutes: FastifyPluginAsyncZod = async (app) => {
  const cfg = app.khruConfig;
  app.get(
    '/api/v1/audit/chain',
    {
      schema: {
        tags: ['บันทึกการตรวจสอบ (audit)'],
        summary: 'ตรวจห่วงโซ่บันทึกการตรวจสอบกับจุดตรวจสอบที่ลงนาม (chain status against signed checkpoints)',
        response: {
          200: z.object({
            ok: z.boolean(),
            chain: chainSchema,
            checkpoints: z.number(),
            latest: checkpointSchema.nullable(),
            uncovered: z.object({
              events: z.number(),
              fromSeq: z.number().nullable(),
              since: z.string().nullable(),
              firstAt: z.string().nullable(),
            }),
            problems: z.array(problemSchema),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      if (!hasPermission(req.ctx.actor, 'audit.read')) throw new AppError('forbidden');
      const v = await auditChainStatus(cfg, req.ctx.h);
      const c = v.chain;
      return {
        ...v,
        chain: {
          ok: c.ok,
          events: c.events,
          lastSeq: c.ok ? c.lastSeq : null,
          firstBadSeq: c.ok ? null : c.firstBadSeq,
          reason: c.ok ? null : c.reason,
        },
      };
    },
  );
  app.post(
    '/api/v1/audit/checkpoints',
    {
      schema: {
        tags: ['บันทึกการตรวจสอบ (audit)'],
        summary: 'ลงนามจุดตรวจสอบของห่วงโซ่ ณ ขณะนี้ (sign a checkpoint of the chain head now)',
        response: { 200: checkpointSchema.extend({ created: z.boolean() }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      if (!hasPermission(req.ctx.actor, 'audit.read')) throw new AppError('forbidden');
      const r = await createAuditCheckpoint(cfg, req.ctx.h).catch((e: unknown) => {
        req.log.error({ err: e }, 'audit checkpoint refused');
        throw new AppError('auditChainBroken');
      });
      const { seq, hash, count, at } = r.checkpoint;
      return { seq, hash, count, at, created: r.created };
    },
  );
  app.get(
    '/api/v1/audit/checkpoints/export',
    {
      schema: {
        tags: ['บันทึกการตรวจสอบ (audit)'],
        summary: 'ส่งออกจุดตรวจสอบที่ลงนามพร้อมกุญแจสาธารณะ (export signed checkpoints and public keys)',
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      if (!hasPermission(req.ctx.actor, 'audit.read')) throw new AppError('forbidden');
      const doc = await auditCheckpointExport(cfg);
      return reply
        .header('content-disposition', 'attachment; filename="khru-audit-checkpoints.json"')
        .type('application/json')
        .send(JSON.stringify(doc, null, 2));
    },
  );
};
