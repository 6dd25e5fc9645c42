import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RECORD_ITEM_KEYS } from '../../../domain/record/items.ts';
import { isoDate, optIsoDate, optText } from '../../../domain/record/primitives.ts';
import { ROLE_DEFS, ROLES } from '../../platform/authz/index.ts';
import { requireActor } from '../../platform/http/context.ts';
import { grantRole, resetSecondFactor, reviewRole, revokeRole } from './access.commands.ts';
import { listAssignments, personSignIn, searchOfficeUsers } from './access.queries.ts';

const assignment = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  role: z.string(),
  roleTh: z.string(),
  officeId: z.string(),
  officeName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  lastReviewedAt: z.string(),
  revokedAt: z.string().nullable(),
  reference: z.string().nullable(),
  peopleCount: z.number(),
  itemKeys: z.array(z.string()),
});

/** Access control (ผู้ควบคุมการเข้าใช้งาน): grant, revoke and review scoped role assignments. */
export const accessRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['สิทธิการเข้าใช้งาน (access)'];

  app.get(
    '/api/v1/access/assignments',
    {
      schema: {
        tags,
        summary: 'สิทธิที่กำหนดในหน่วยงานที่ดูแล (assignments in administered offices)',
        querystring: z.object({ includeRevoked: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ items: z.array(assignment) }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const rows = await listAssignments(req.ctx, req.query.includeRevoked === 'true');
      return {
        items: rows.map((r) => ({
          ...r,
          roleTh: ROLE_DEFS[r.role as keyof typeof ROLE_DEFS]?.th ?? r.role,
          lastReviewedAt: new Date(r.lastReviewedAt).toISOString(),
          revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
          itemKeys: r.itemKeys ?? [],
        })),
      };
    },
  );

  app.post(
    '/api/v1/access/users/search',
    {
      schema: {
        tags,
        summary: 'ค้นหาผู้ใช้ในหน่วยงานที่ดูแล เพื่อกำหนดสิทธิ',
        body: z.object({ officeId: z.string().uuid(), q: z.string().max(100).default('') }),
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string() })) }),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const items = await searchOfficeUsers(req.ctx, req.body.officeId, req.body.q);
      return { items };
    },
  );

  app.post(
    '/api/v1/access/assignments',
    {
      schema: {
        tags,
        summary: 'กำหนดสิทธิ (grant a scoped role)',
        body: z.object({
          userId: z.string().uuid({ error: 'err.required' }),
          role: z.enum(ROLES, { error: 'err.choice' }),
          officeId: z.string().uuid({ error: 'err.required' }),
          startDate: isoDate,
          endDate: optIsoDate,
          reference: optText(300),
          personIds: z.array(z.string().uuid()).max(10_000).default([]),
          itemKeys: z.array(z.enum(RECORD_ITEM_KEYS, { error: 'err.choice' })).default([]),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const a = await grantRole(req.ctx, req.body);
      return reply.status(201).send({ id: a.id });
    },
  );

  app.get(
    '/api/v1/access/people/:personId/sign-in',
    {
      schema: {
        tags,
        summary: 'สถานะการเข้าสู่ระบบของบุคคล (บัญชี แอปยืนยันตัวตน) สำหรับผู้ควบคุมการเข้าใช้งาน',
        params: z.object({ personId: z.string().uuid() }),
        response: {
          200: z.object({
            account: z
              .object({
                userId: z.string(),
                authenticator: z.boolean(),
                lastLoginAt: z.string().nullable(),
                isSelf: z.boolean(),
              })
              .nullable(),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return { account: await personSignIn(req.ctx, req.params.personId) };
    },
  );

  app.post(
    '/api/v1/access/users/:userId/second-factor/reset',
    {
      schema: {
        tags,
        summary: 'รีเซ็ตการยืนยันตัวตนขั้นที่สองที่สูญหาย หลังตรวจบัตรที่สำนักงาน (reset a lost second factor)',
        params: z.object({ userId: z.string().uuid() }),
        body: z.object({ reason: z.string().trim().min(1, { error: 'err.required' }).max(300) }),
        response: { 200: z.object({ userId: z.string(), hadAuthenticator: z.boolean() }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const r = await resetSecondFactor(req.ctx, req.params.userId, req.body.reason);
      return { userId: req.params.userId, hadAuthenticator: r.hadTotp };
    },
  );

  app.post(
    '/api/v1/access/assignments/:assignmentId/revoke',
    {
      schema: {
        tags,
        summary: 'ถอดถอนสิทธิ (revoke)',
        params: z.object({ assignmentId: z.string().uuid() }),
        body: z.object({ reason: z.string().min(1, { error: 'err.required' }).max(300) }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const r = await revokeRole(req.ctx, req.params.assignmentId, req.body.reason);
      return { id: r.id };
    },
  );

  app.post(
    '/api/v1/access/assignments/:assignmentId/review',
    {
      schema: {
        tags,
        summary: 'บันทึกการทบทวนสิทธิ (yearly review)',
        params: z.object({ assignmentId: z.string().uuid() }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const r = await reviewRole(req.ctx, req.params.assignmentId);
      return { id: r.id };
    },
  );
};
