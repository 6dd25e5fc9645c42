/**
 * Workflow kinds as data: statuses, who may take which action from which status, and the
 * business-day deadline of each waiting status. Pure (shared by server and web).
 *
 * Routing of corrections follows ระเบียบ ก.ค.ศ. คู่มือ ข้อ 4.2–4.3:
 *  - date of birth: the agency asks ก.ค.ศ.; once ก.ค.ศ. approves, สำนักงาน ก.ค.ศ. applies (ข้อ 4.2.1);
 *  - appointment date: the district director / head of agency, with the อ.ก.ค.ศ. approval (ข้อ 4.2.2);
 *  - anything else: checked by the records officer, ordered by the director (ข้อ 4.2.3);
 *  - additions: recorded by the records officer with the director's approval (ข้อ 4.3).
 */

/** Roles as the workflows see them, relative to the person the case is about. */
export const WORKFLOW_ROLES = [
  'owner',
  'records_officer',
  'data_entry_clerk',
  'certifier',
  'director',
  'otepc',
] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

export const WORKFLOW_ROLE_LABELS: Record<WorkflowRole, string> = {
  owner: 'เจ้าของประวัติ',
  records_officer: 'ผู้จัดทำทะเบียนประวัติ',
  data_entry_clerk: 'ผู้บันทึกรายการทะเบียนประวัติ',
  certifier: 'ผู้รับรองทะเบียนประวัติ',
  director: 'ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา/หัวหน้าส่วนราชการ',
  otepc: 'สำนักงาน ก.ค.ศ. (ผู้ควบคุมข้อมูลทะเบียนประวัติ)',
};

export type Transition = {
  from: string;
  action: string;
  to: string;
  roles: readonly WorkflowRole[];
  /** The actor may not be the person concerned nor whoever filed the case (no self-approval). */
  independent?: true;
  /** A reason is mandatory (returns and rejections). */
  reasonRequired?: true;
  /** An approval reference (มติ ก.ค.ศ., อ.ก.ค.ศ.) is mandatory. */
  referenceRequired?: true;
  /** Taking this action applies the requested change to the record. */
  applies?: true;
  /** The step needs the actor's personal signature with this decision (ADR 0107). */
  signature?: 'owner-attest' | 'officer-verify' | 'certify';
  /** Taken by the system (e.g. a Digital ID login), never through the actions API. */
  system?: true;
};

export type WorkflowDef = {
  th: string;
  /** Regulation clause the routing comes from. */
  clause: string;
  initial: string;
  /**
   * The case is opened by the officer who then works it (onboarding): opening it does not bar
   * that officer from its independent steps; only the person concerned is barred.
   */
  openedByOfficer?: true;
  statuses: Record<
    string,
    {
      th: string;
      final?: true;
      /** Deadline: n business days after entering the status (ข้อ 4.4). */
      dueBusinessDays?: number;
      /** Deadline: n calendar days after a date of the case (`data[dueFrom]`), as ข้อ 3.2–3.3 count. */
      dueDays?: number;
      dueFrom?: string;
    }
  >;
  transitions: readonly Transition[];
};

const RETURNED = { th: 'ส่งคืนเจ้าของประวัติแก้ไข' };
const REJECTED = { th: 'ไม่อนุมัติ', final: true } as const;
const APPLIED = { th: 'บันทึกแก้ไขทะเบียนประวัติแล้ว', final: true } as const;
const WITHDRAWN = { th: 'เจ้าของประวัติถอนคำขอ', final: true } as const;

/** Returns and withdrawals shared by every correction kind. */
const ownerLoop = (reviewStatus: string, reviewers: readonly WorkflowRole[]): Transition[] => [
  {
    from: reviewStatus,
    action: 'return',
    to: 'returned',
    roles: reviewers,
    independent: true,
    reasonRequired: true,
  },
  { from: 'returned', action: 'resubmit', to: 'submitted', roles: ['owner'] },
  { from: 'returned', action: 'withdraw', to: 'withdrawn', roles: ['owner'] },
  { from: 'submitted', action: 'withdraw', to: 'withdrawn', roles: ['owner'] },
];

/**
 * ข้อ 4.4: once there is an order or approval, the records officer records it "ทันทีอย่างช้าไม่เกิน
 * ๕ วันทำการ" — the deadline of every "approved, to be recorded" status.
 */
const RECORD_WITHIN = 5;

export const WORKFLOWS = {
  'correction.birthDate': {
    th: 'คำขอแก้ไขวัน เดือน ปีเกิด',
    clause: 'ข้อ 4.2.1',
    initial: 'submitted',
    statuses: {
      submitted: { th: 'รอส่วนราชการต้นสังกัดเสนอ ก.ค.ศ.' },
      awaiting_kks: { th: 'รอมติ ก.ค.ศ.' },
      returned: RETURNED,
      rejected: REJECTED,
      withdrawn: WITHDRAWN,
      applied: APPLIED,
    },
    transitions: [
      { from: 'submitted', action: 'forward', to: 'awaiting_kks', roles: ['director'], independent: true },
      {
        from: 'submitted',
        action: 'reject',
        to: 'rejected',
        roles: ['director'],
        independent: true,
        reasonRequired: true,
      },
      // ก.ค.ศ. resolves; สำนักงาน ก.ค.ศ. records the resolution and applies it (ข้อ 4.2.1).
      {
        from: 'awaiting_kks',
        action: 'apply',
        to: 'applied',
        roles: ['otepc'],
        independent: true,
        referenceRequired: true,
        applies: true,
      },
      {
        from: 'awaiting_kks',
        action: 'reject',
        to: 'rejected',
        roles: ['otepc'],
        independent: true,
        reasonRequired: true,
        referenceRequired: true,
      },
      ...ownerLoop('submitted', ['director']),
    ],
  },
  'correction.appointmentDate': {
    th: 'คำขอแก้ไขวัน เดือน ปี ที่บรรจุ',
    clause: 'ข้อ 4.2.2',
    initial: 'submitted',
    statuses: {
      submitted: { th: 'รอผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาอนุมัติ (โดยอนุมัติ อ.ก.ค.ศ.)' },
      approved: { th: 'อนุมัติแล้ว รอบันทึก', dueBusinessDays: RECORD_WITHIN },
      returned: RETURNED,
      rejected: REJECTED,
      withdrawn: WITHDRAWN,
      applied: APPLIED,
    },
    transitions: [
      {
        from: 'submitted',
        action: 'approve',
        to: 'approved',
        roles: ['director'],
        independent: true,
        referenceRequired: true,
      },
      {
        from: 'submitted',
        action: 'reject',
        to: 'rejected',
        roles: ['director'],
        independent: true,
        reasonRequired: true,
      },
      {
        from: 'approved',
        action: 'apply',
        to: 'applied',
        roles: ['records_officer'],
        independent: true,
        applies: true,
      },
      ...ownerLoop('submitted', ['director']),
    ],
  },
  'correction.other': {
    th: 'คำขอแก้ไขข้อมูลทะเบียนประวัติ',
    clause: 'ข้อ 4.2.3',
    initial: 'submitted',
    statuses: {
      submitted: { th: 'รอผู้จัดทำทะเบียนประวัติตรวจสอบเอกสาร' },
      verified: { th: 'ตรวจสอบแล้ว รอผู้มีอำนาจสั่งแก้ไข' },
      approved: { th: 'อนุมัติแล้ว รอบันทึก', dueBusinessDays: RECORD_WITHIN },
      returned: RETURNED,
      rejected: REJECTED,
      withdrawn: WITHDRAWN,
      applied: APPLIED,
    },
    transitions: [
      { from: 'submitted', action: 'verify', to: 'verified', roles: ['records_officer'], independent: true },
      { from: 'verified', action: 'approve', to: 'approved', roles: ['director'], independent: true },
      {
        from: 'verified',
        action: 'reject',
        to: 'rejected',
        roles: ['director'],
        independent: true,
        reasonRequired: true,
      },
      {
        from: 'approved',
        action: 'apply',
        to: 'applied',
        roles: ['records_officer'],
        independent: true,
        applies: true,
      },
      ...ownerLoop('submitted', ['records_officer']),
    ],
  },
  addition: {
    th: 'คำขอเพิ่มเติมข้อมูลทะเบียนประวัติ',
    clause: 'ข้อ 4.3',
    initial: 'submitted',
    statuses: {
      submitted: { th: 'รอผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาอนุมัติ' },
      approved: { th: 'อนุมัติแล้ว รอบันทึก', dueBusinessDays: RECORD_WITHIN },
      returned: RETURNED,
      rejected: REJECTED,
      withdrawn: WITHDRAWN,
      applied: APPLIED,
    },
    transitions: [
      { from: 'submitted', action: 'approve', to: 'approved', roles: ['director'], independent: true },
      {
        from: 'submitted',
        action: 'reject',
        to: 'rejected',
        roles: ['director'],
        independent: true,
        reasonRequired: true,
      },
      {
        from: 'approved',
        action: 'apply',
        to: 'applied',
        roles: ['records_officer'],
        independent: true,
        applies: true,
      },
      ...ownerLoop('submitted', ['director']),
    ],
  },
  onboarding: {
    th: 'การจัดทำทะเบียนประวัติข้าราชการบรรจุใหม่',
    clause: 'ข้อ 3',
    initial: 'identity',
    openedByOfficer: true,
    statuses: {
      // ข้อ 3.2: identify with Digital ID, enter, attest and sign "ภายใน ๕ วัน นับแต่วันรายงานตัว".
      identity: { th: 'รอเจ้าของประวัติยืนยันตัวตนด้วย Digital ID', dueDays: 5, dueFrom: 'reportDate' },
      owner_entry: {
        th: 'เจ้าของประวัติบันทึกข้อมูลและลงลายมือชื่อ',
        dueDays: 5,
        dueFrom: 'reportDate',
      },
      // ข้อ 3.3–3.4: checked and certified "ภายในสิบห้าวันนับแต่วันที่ได้รับการบรรจุและแต่งตั้ง".
      officer_check: {
        th: 'ผู้จัดทำทะเบียนประวัติตรวจสอบกับเอกสารหลักฐาน',
        dueDays: 15,
        dueFrom: 'appointmentDate',
      },
      certifying: { th: 'รอผู้รับรองทะเบียนประวัติลงนามรับรอง', dueDays: 15, dueFrom: 'appointmentDate' },
      certified: { th: 'รับรองทะเบียนประวัติแล้ว', final: true },
    },
    transitions: [
      { from: 'identity', action: 'identify', to: 'owner_entry', roles: ['owner'], system: true },
      {
        from: 'owner_entry',
        action: 'submit',
        to: 'officer_check',
        roles: ['owner'],
        signature: 'owner-attest',
      },
      {
        from: 'officer_check',
        action: 'return',
        to: 'owner_entry',
        roles: ['records_officer'],
        independent: true,
        reasonRequired: true,
      },
      {
        from: 'officer_check',
        action: 'verify',
        to: 'certifying',
        roles: ['records_officer'],
        independent: true,
        signature: 'officer-verify',
      },
      {
        from: 'certifying',
        action: 'return',
        to: 'owner_entry',
        roles: ['certifier'],
        independent: true,
        reasonRequired: true,
      },
      {
        from: 'certifying',
        action: 'certify',
        to: 'certified',
        roles: ['certifier'],
        independent: true,
        signature: 'certify',
      },
    ],
  },
  // ข้อ 5.2.2: the old office records "ให้โอน", the new office records "รับโอน"; the record moves then.
  transfer: {
    th: 'การโอนภายในกระทรวงศึกษาธิการ',
    clause: 'ข้อ 5.2.2',
    initial: 'awaiting_receipt',
    openedByOfficer: true,
    statuses: {
      awaiting_receipt: { th: 'สังกัดเดิมบันทึกคำสั่งให้โอนแล้ว รอสังกัดใหม่บันทึกคำสั่งรับโอน' },
      received: { th: 'สังกัดใหม่บันทึกคำสั่งรับโอนแล้ว', final: true },
      duplicate: { th: 'ปิดเป็นเรื่องซ้ำ (มีเรื่องโอนของบุคคลนี้ที่เปิดก่อนอยู่แล้ว)', final: true },
    },
    transitions: [
      {
        from: 'awaiting_receipt',
        action: 'receive',
        to: 'received',
        roles: ['records_officer'],
        system: true,
      },
    ],
  },
  // ข้อ 5.2.1: the new office records the move order; the holding office confirms it (then the record
  // moves) or disputes it with a reason (nothing moves). ADR 0111. Its steps are the transfers
  // module's commands (they change the person's office), never the generic actions API.
  move: {
    th: 'การย้ายภายในกระทรวงศึกษาธิการ',
    clause: 'ข้อ 5.2.1',
    initial: 'awaiting_confirmation',
    openedByOfficer: true,
    statuses: {
      awaiting_confirmation: { th: 'สังกัดใหม่บันทึกคำสั่งย้ายแล้ว รอสังกัดเดิมยืนยัน' },
      confirmed: { th: 'สังกัดเดิมยืนยันแล้ว ทะเบียนประวัติย้ายไปสังกัดใหม่', final: true },
      disputed: { th: 'สังกัดเดิมโต้แย้งคำสั่งย้าย ทะเบียนประวัติไม่ย้าย', final: true },
      duplicate: { th: 'ปิดเป็นเรื่องซ้ำ (มีเรื่องย้ายของบุคคลนี้ที่เปิดก่อนอยู่แล้ว)', final: true },
    },
    transitions: [
      {
        from: 'awaiting_confirmation',
        action: 'confirmMove',
        to: 'confirmed',
        roles: ['records_officer'],
        system: true,
      },
      {
        from: 'awaiting_confirmation',
        action: 'disputeMove',
        to: 'disputed',
        roles: ['records_officer'],
        reasonRequired: true,
        system: true,
      },
    ],
  },
} as const satisfies Record<string, WorkflowDef>;

export type WorkflowKind = keyof typeof WORKFLOWS;
export const WORKFLOW_KINDS = Object.keys(WORKFLOWS) as WorkflowKind[];

export const ACTION_LABELS: Record<string, string> = {
  forward: 'เสนอ ก.ค.ศ.',
  verify: 'ตรวจสอบถูกต้อง',
  approve: 'อนุมัติ',
  reject: 'ไม่อนุมัติ',
  return: 'ส่งคืนแก้ไข',
  resubmit: 'ยื่นใหม่',
  withdraw: 'ถอนคำขอ',
  apply: 'บันทึกแก้ไขทะเบียนประวัติ',
  identify: 'ยืนยันตัวตนด้วย Digital ID',
  submit: 'ยื่น/รับรองข้อมูลและลงลายมือชื่อ',
  certify: 'ลงนามรับรองทะเบียนประวัติ',
  transferOut: 'บันทึกคำสั่งให้โอน',
  receive: 'บันทึกคำสั่งรับโอน',
  requestMove: 'บันทึกคำสั่งย้าย (สังกัดใหม่)',
  confirmMove: 'ยืนยันการย้าย (สังกัดเดิม)',
  disputeMove: 'โต้แย้งคำสั่งย้าย (สังกัดเดิม)',
};

/**
 * Items 3.2.1–3.2.15 the new teacher enters herself while her onboarding case is at the
 * owner-entry step (ข้อ 3.2): photo, name, personal data, family, addresses, licences, education.
 */
export const ONBOARDING_OWNER_ITEMS = [
  'personal',
  'names',
  'family',
  'addresses',
  'licences',
  'education',
  'photos',
] as const;
