/**
 * Roles of ระเบียบ ก.ค.ศ. คู่มือ ข้อ 1 and who sees what (ข้อ 6.1), as data. The record owner is
 * not an assignment: every user linked to a person owns that record (ข้อ 6.1.1).
 */
export const ROLES = [
  'records_officer',
  'data_entry_clerk',
  'access_controller',
  'certifier',
  'data_controller',
  'school_director',
  'district_director',
  'provincial_officer',
  'agency_head',
] as const;
export type Role = (typeof ROLES)[number];

/** Typed `resource.action` permissions shared with the web app. */
export type Permission =
  | 'record.read'
  | 'record.edit'
  | 'record.certify'
  | 'access.manage'
  | 'access.appointController'
  | 'audit.read'
  | 'reference.manage';

/**
 * scope: which people a role reaches —
 *  office: people whose office is the assignment's office or below it (ข้อ 6.1.5–6.1.6, 6.1.8);
 *  assigned: only the people listed on the assignment (ข้อ 6.1.2, 6.1.4);
 *  province: people of offices in the assignment office's province (ศึกษาธิการจังหวัด, ข้อ 6.1.7).
 * itemRestricted: the role reaches only the record items listed on the assignment (ข้อ 6.1.3).
 */
export const ROLE_DEFS: Record<
  Role,
  {
    scope: 'office' | 'assigned' | 'province';
    permissions: Permission[];
    itemRestricted?: true;
    th: string;
    en: string;
  }
> = {
  records_officer: {
    scope: 'assigned',
    permissions: ['record.read', 'record.edit'],
    th: 'ผู้จัดทำทะเบียนประวัติ',
    en: 'Records officer',
  },
  data_entry_clerk: {
    scope: 'office',
    permissions: ['record.read', 'record.edit'],
    itemRestricted: true,
    th: 'ผู้บันทึกรายการทะเบียนประวัติ',
    en: 'Data-entry clerk',
  },
  access_controller: {
    scope: 'assigned',
    permissions: ['record.read', 'access.manage'],
    th: 'ผู้ควบคุมการเข้าใช้งาน',
    en: 'Access controller',
  },
  certifier: {
    scope: 'office',
    permissions: ['record.read', 'record.certify'],
    th: 'ผู้รับรองทะเบียนประวัติ',
    en: 'Certifier',
  },
  data_controller: {
    scope: 'office',
    permissions: ['record.read', 'audit.read', 'reference.manage'],
    th: 'ผู้ควบคุมข้อมูลทะเบียนประวัติ',
    en: 'Data controller',
  },
  school_director: {
    scope: 'office',
    permissions: ['record.read'],
    th: 'ผู้อำนวยการสถานศึกษา',
    en: 'School director',
  },
  district_director: {
    scope: 'office',
    permissions: ['record.read'],
    th: 'ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา',
    en: 'District director',
  },
  provincial_officer: {
    scope: 'province',
    permissions: ['record.read'],
    th: 'ศึกษาธิการจังหวัด',
    en: 'Provincial education officer',
  },
  agency_head: { scope: 'office', permissions: ['record.read'], th: 'หัวหน้าส่วนราชการ', en: 'Head of agency' },
};

/** Roles an office's access controller may grant (ข้อ 2.2.3); OTEPC appoints access controllers (ข้อ 2.2.2). */
export const GRANTABLE_BY_ACCESS_CONTROLLER: Role[] = ['records_officer', 'data_entry_clerk'];
