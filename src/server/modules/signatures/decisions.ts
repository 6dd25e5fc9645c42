import type { WorkflowRole } from '../../../domain/workflow/index.ts';

/**
 * What a personal signature on a record means, in the words of the ก.ค.ศ.๑๖ form
 * (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.2–3.4), and who may give it.
 */
export const SIGN_DECISIONS = {
  'owner-attest': {
    th: 'ขอรับรองว่าข้อมูลที่ข้าพเจ้ากรอกเป็นความจริงทุกประการ (เจ้าของประวัติ)',
    clause: 'ข้อ 3.2',
    role: 'owner',
  },
  'officer-verify': {
    th: 'ตรวจสอบข้อมูลถูกต้องแล้ว (ผู้จัดทำทะเบียนประวัติ)',
    clause: 'ข้อ 3.3',
    role: 'records_officer',
  },
  certify: {
    th: 'รับรองความถูกต้องของข้อมูลทะเบียนประวัติ (ผู้รับรองทะเบียนประวัติ)',
    clause: 'ข้อ 3.4',
    role: 'certifier',
  },
} as const satisfies Record<string, { th: string; clause: string; role: WorkflowRole }>;

export type SignDecision = keyof typeof SIGN_DECISIONS;
export const SIGN_DECISION_KEYS = Object.keys(SIGN_DECISIONS) as SignDecision[];
