/**
 * A person's service status in the register and the transfer events that change it, as one pure
 * state machine (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 5.2–5.4, seed 002):
 *  - ข้อ 5.2.1 ย้ายภายในกระทรวง: the new office records the move order. Khru opens it as a move
 *    request that the holding office confirms or disputes (ADR 0111): in service → transfer
 *    pending → in service (at the new office when confirmed, at the old one when disputed).
 *  - ข้อ 5.2.2 โอนภายในกระทรวง: the old office records ให้โอน (→ transfer pending), the new office
 *    records รับโอน (→ in service at the new office).
 *  - ข้อ 5.2.3 / 5.3 โอนไปกระทรวงอื่น หรือออกจากราชการ: the old office records the order and
 *    จำหน่ายออกจากระบบ (→ removed). Not while a move or transfer is open: the record is on its way
 *    to another office of the ministry, which must first receive it or be refused.
 *  - ข้อ 5.4 บรรจุกลับ: only a removed record comes back (→ in service).
 * One open move or transfer per person at a time: the same transfer cannot be recorded twice.
 * The database holds the same rule as a partial unique index (workflow_cases_one_open_transfer).
 */

export const SERVICE_STATES = ['inService', 'transferPending', 'removed'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

export const SERVICE_EVENTS = [
  'requestMove',
  'confirmMove',
  'disputeMove',
  'transferOut',
  'receiveTransfer',
  'remove',
  'reappoint',
] as const;
export type ServiceEvent = (typeof SERVICE_EVENTS)[number];

/** Why an event is refused in a state (each a 409 with its own Thai message). */
export type ServiceRefusal = 'transferOpen' | 'removedAlready' | 'stillInService' | 'noOpenTransfer';

export const SERVICE_REFUSALS: Record<ServiceRefusal, { th: string; en: string }> = {
  transferOpen: {
    th: 'บุคคลนี้มีเรื่องย้ายหรือโอนที่ยังไม่เสร็จอยู่แล้ว (รอสังกัดเดิมยืนยันหรือรอสังกัดใหม่รับโอน) จึงบันทึกย้าย โอน หรือจำหน่ายซ้ำไม่ได้ (ข้อ 5.2, 5.3)',
    en: 'This person already has an open move or transfer (awaiting the holding office or the receiving office); another move, transfer or removal cannot be recorded until it is closed',
  },
  removedAlready: {
    th: 'ทะเบียนประวัตินี้ถูกจำหน่ายออกจากระบบแล้ว จึงย้าย โอน หรือจำหน่ายอีกไม่ได้ (ข้อ 5.3) หากกลับเข้ารับราชการให้บันทึกคำสั่งบรรจุกลับ (ข้อ 5.4)',
    en: 'This record has been removed from the register; it cannot be moved, transferred or removed again (re-appointment brings it back)',
  },
  stillInService: {
    th: 'บุคคลนี้ยังรับราชการอยู่ในระบบ จึงบันทึกคำสั่งบรรจุกลับไม่ได้ (ข้อ 5.4)',
    en: 'This person is still in service; re-appointment applies only to a removed record',
  },
  noOpenTransfer: {
    th: 'ไม่มีเรื่องย้ายหรือโอนที่รอดำเนินการของบุคคลนี้',
    en: 'This person has no open move or transfer',
  },
};

/** The state from what the database holds: the person's status and whether a move/transfer is open. */
export function serviceStateOf(personStatus: string, openTransfer: boolean): ServiceState {
  if (personStatus === 'removed') return 'removed';
  return openTransfer ? 'transferPending' : 'inService';
}

export type ServiceStep = { ok: true; next: ServiceState } | { ok: false; refusal: ServiceRefusal };

const TABLE: Record<ServiceState, Partial<Record<ServiceEvent, ServiceState>>> = {
  inService: { requestMove: 'transferPending', transferOut: 'transferPending', remove: 'removed' },
  transferPending: { confirmMove: 'inService', disputeMove: 'inService', receiveTransfer: 'inService' },
  removed: { reappoint: 'inService' },
};

/** The next state after `event`, or why the event is refused in `state`. */
export function serviceStep(state: ServiceState, event: ServiceEvent): ServiceStep {
  const next = TABLE[state][event];
  if (next) return { ok: true, next };
  if (state === 'removed') return { ok: false, refusal: 'removedAlready' };
  if (state === 'transferPending') return { ok: false, refusal: 'transferOpen' };
  return { ok: false, refusal: event === 'reappoint' ? 'stillInService' : 'noOpenTransfer' };
}

/** Workflow kinds that hold a person's record "on its way" (at most one open per person). */
export const OPEN_TRANSFER_KINDS = ['move', 'transfer'] as const;

/** The earliest order date Khru accepts (1 Jan 2500 B.E.): older orders are typing errors. */
export const EARLIEST_ORDER_DATE = '1957-01-01';

/**
 * An order's date (วันที่ลงในคำสั่ง): a real date, not after today in Bangkok (an order is dated
 * when it is signed; a B.E. year typed as C.E., 2569-…, is five centuries ahead), not before 2500.
 * Returns the message key of the problem, or null.
 */
export function orderDateProblem(orderDate: string, today: string): string | null {
  if (orderDate > today) return 'err.orderDate.future';
  if (orderDate < EARLIEST_ORDER_DATE) return 'err.orderDate.tooOld';
  return null;
}
