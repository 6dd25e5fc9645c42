import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { fieldMessage } from '../../../domain/i18n/fields.ts';
import { LEAVE_TYPE_LABELS } from '../../../domain/record/enums.ts';
import { langOf } from './context.ts';
import { AppError, ERROR_CODES, type ErrorCode, messageFor } from './errors.ts';

type Issue = { path: PropertyKey[]; message: string };

function fieldsFromIssues(issues: Issue[], lang: 'th' | 'en') {
  return issues.map((i) => {
    const field = i.path.map(String).join('.');
    const key = i.message.startsWith('err.') ? i.message : 'err.invalid';
    return { field, messageKey: key, message: fieldMessage(field, key, lang, LEAVE_TYPE_LABELS) };
  });
}

/** The one error handler: Thai (or English) message for 4xx, generic text for 5xx, details in the log. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const lang = req.ctx?.lang ?? 'th';
    let code: ErrorCode;
    let fields: { field: string; messageKey: string; message: string }[] = [];
    if (hasZodFastifySchemaValidationErrors(err)) {
      code = 'validation';
      fields = fieldsFromIssues(
        err.validation.map((v) => ({
          path: v.instancePath.split('/').filter(Boolean),
          message: v.message ?? 'err.invalid',
        })),
        lang,
      );
    } else if (err instanceof ZodError) {
      code = 'validation';
      fields = fieldsFromIssues(err.issues as Issue[], lang);
    } else if (err instanceof AppError) {
      code = err.code;
      fields = err.fields.map((f) => ({
        ...f,
        message: fieldMessage(f.field, f.messageKey, lang, LEAVE_TYPE_LABELS),
      }));
    } else if (err.statusCode === 429) {
      code = 'tooManyRequests';
    } else if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      code = 'payloadTooLarge';
    } else if (err.statusCode === 415) {
      code = 'unsupportedMedia';
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      code = err.statusCode === 404 ? 'notFound' : 'validation';
    } else {
      code = 'internal';
    }
    const status = ERROR_CODES[code].status;
    if (status >= 500) req.log.error({ err }, 'unhandled error');
    else if (status === 403 || status === 401)
      req.log.info({ code, route: req.routeOptions.url }, 'access denied');
    void reply.status(status).send({ error: { code, message: messageFor(code, lang), fields } });
  });
  app.setNotFoundHandler((req, reply) => {
    const lang = req.ctx?.lang ?? 'th';
    void reply
      .status(404)
      .send({ error: { code: 'notFound', message: messageFor('notFound', lang), fields: [] } });
  });
}

/**
 * Errors the router raises before any hook or the error handler runs (Fastify's
 * `frameworkErrors`): a URL that is not valid percent-encoded UTF-8 (FST_ERR_BAD_URL, e.g. %FF or
 * an encoded lone surrogate) and a parameter over the router's length limit
 * (FST_ERR_MAX_PARAM_LENGTH). They get the same Thai error shape as every other refusal.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(req);
  const code: ErrorCode = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uriTooLong' : 'validation';
  const fields =
    code === 'validation'
      ? [
          {
            field: 'url',
            messageKey: 'err.invalid',
            message: fieldMessage('url', 'err.invalid', lang, LEAVE_TYPE_LABELS),
          },
        ]
      : [];
  req.log.info({ code: err.code }, 'bad url');
  void reply
    .status(ERROR_CODES[code].status)
    .header('cache-control', 'no-store')
    .send({ error: { code, message: messageFor(code, lang), fields } });
}
