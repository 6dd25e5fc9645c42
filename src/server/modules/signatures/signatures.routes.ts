import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/context.ts';
import { registerCredential, registrationOptions } from './commands/register-credential.ts';
import { prepareSigning, signRecord } from './commands/sign-record.ts';
import { listSignatures, verifySignature } from './commands/verify-signature.ts';
import { SIGN_DECISION_KEYS } from './decisions.ts';
import { activeCredentialsOf } from './queries.ts';

const b64 = z
  .string()
  .max(20_000)
  .regex(/^[A-Za-z0-9_-]*={0,2}$/, { error: 'err.invalid' });
const passthrough = z.record(z.string(), z.unknown());

/** Personal signatures (ADR 0107): passkey registration, sign a record, verify a signature. */
export const signaturesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ลายมือชื่ออิเล็กทรอนิกส์ (signatures)'];

  app.get(
    '/api/v1/signing/credentials',
    { schema: { tags, summary: 'กุญแจลงนาม (passkeys) ของฉัน' } },
    async (req) => {
      requireActor(req.ctx);
      const items = await activeCredentialsOf(req.ctx.h.db, req.ctx.actor.userId);
      return { items };
    },
  );

  app.post(
    '/api/v1/signing/credentials/options',
    {
      schema: {
        tags,
        summary: 'เริ่มลงทะเบียนกุญแจลงนาม (WebAuthn registration options)',
        body: z.object({}).optional(),
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return registrationOptions(req.ctx);
    },
  );

  app.post(
    '/api/v1/signing/credentials',
    {
      schema: {
        tags,
        summary: 'ลงทะเบียนกุญแจลงนาม (verify the registration response)',
        body: z.object({
          response: z
            .object({ id: b64, rawId: b64, type: z.literal('public-key'), response: passthrough })
            .passthrough(),
          label: z.string().trim().max(100).nullish(),
        }),
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const r = await registerCredential(
        req.ctx,
        req.body.response as unknown as RegistrationResponseJSON,
        req.body.label ?? null,
      );
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/api/v1/people/:personId/sign-request',
    {
      schema: {
        tags,
        summary: 'สิ่งที่จะลงนาม: สรุปภาษาไทยและข้อมูลที่ลงนาม (what exactly is signed)',
        params: z.object({ personId: z.string() }),
        querystring: z.object({ decision: z.enum(SIGN_DECISION_KEYS as [string, ...string[]]) }),
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return prepareSigning(req.ctx, req.params.personId, req.query.decision as never);
    },
  );

  app.post(
    '/api/v1/signatures',
    {
      schema: {
        tags,
        summary: 'ลงลายมือชื่ออิเล็กทรอนิกส์ (store a WebAuthn assertion over the payload)',
        body: z.object({
          payload: z.string().min(2).max(4000),
          response: z
            .object({
              id: b64,
              rawId: b64,
              type: z.literal('public-key'),
              response: z
                .object({
                  authenticatorData: b64,
                  clientDataJSON: b64,
                  signature: b64,
                  userHandle: b64.nullish(),
                })
                .passthrough(),
            })
            .passthrough(),
        }),
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const r = await signRecord(
        req.ctx,
        req.body.payload,
        req.body.response as unknown as AuthenticationResponseJSON,
      );
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/api/v1/signatures/:signatureId/verify',
    {
      schema: {
        tags,
        summary: 'ตรวจสอบลายมือชื่ออิเล็กทรอนิกส์และการแก้ไขหลังลงนาม',
        params: z.object({ signatureId: z.string() }),
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return verifySignature(req.ctx, req.params.signatureId);
    },
  );

  app.get(
    '/api/v1/people/:personId/signatures',
    {
      schema: { tags, summary: 'ลายมือชื่อบนทะเบียนประวัตินี้', params: z.object({ personId: z.string() }) },
    },
    async (req) => {
      requireActor(req.ctx);
      return { items: await listSignatures(req.ctx, req.params.personId) };
    },
  );
};
