import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  OPEN_TRANSFER_KINDS,
  type ServiceEvent,
  type ServiceState,
  serviceStateOf,
  serviceStep,
} from '../../../../domain/transfer/service-status.ts';
import { schema, type Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/errors.ts';

const { workflowCases } = schema;

/** The open move or transfer case of a person, if any (at most one: unique index). */
export async function openTransferOf(tx: Tx, personId: string) {
  const [c] = await tx
    .select()
    .from(workflowCases)
    .where(
      and(
        eq(workflowCases.personId, personId),
        inArray(workflowCases.kind, [...OPEN_TRANSFER_KINDS]),
        isNull(workflowCases.closedAt),
      ),
    );
  return c ?? null;
}

/**
 * Enforces the service-status machine (ข้อ 5.2–5.4) for `event` on a person whose row the caller
 * has locked (`for update`): refused events are a 409 naming why; returns the next state.
 */
export async function requireServiceStep(
  tx: Tx,
  person: { id: string; status: string },
  event: ServiceEvent,
): Promise<ServiceState> {
  const open = await openTransferOf(tx, person.id);
  const step = serviceStep(serviceStateOf(person.status, !!open), event);
  if (!step.ok) throw new AppError(step.refusal);
  return step.next;
}

/** A unique violation of the one-open-transfer index (two requests raced) is the same 409. */
export function isOneOpenTransferViolation(err: unknown): boolean {
  for (
    let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined;
    e;
  ) {
    if (
      e.code === '23505' &&
      `${e.constraint ?? ''}${e.message ?? ''}`.includes('workflow_cases_one_open_transfer')
    )
      return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Runs `fn`, turning a race on the one-open-transfer index into the state machine's 409. */
export async function oneOpenTransfer<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isOneOpenTransferViolation(err)) throw new AppError('transferOpen');
    throw err;
  }
}
