import { describe, expect, it } from 'vitest';
import { dutyConflict, officesOverlap, rolesIncompatible } from './separation-of-duties.ts';

describe('separation of duties (ข้อ 2.2.1, 3.4)', () => {
  it('entering and certifying roles are incompatible, either way round', () => {
    expect(rolesIncompatible('records_officer', 'certifier')).toBe(true);
    expect(rolesIncompatible('certifier', 'data_entry_clerk')).toBe(true);
    expect(rolesIncompatible('records_officer', 'data_entry_clerk')).toBe(false);
    expect(rolesIncompatible('access_controller', 'records_officer')).toBe(false);
    expect(rolesIncompatible('certifier', 'district_director')).toBe(false);
  });
  it('offices overlap when one lies under the other', () => {
    expect(officesOverlap('/OTEPC/OBEC/SPP-KK1/', '/OTEPC/OBEC/SPP-KK1/SCH-40-001/')).toBe(true);
    expect(officesOverlap('/OTEPC/OBEC/SPP-KK1/SCH-40-001/', '/OTEPC/OBEC/SPP-KK1/')).toBe(true);
    expect(officesOverlap('/OTEPC/OBEC/SPP-KK1/', '/OTEPC/OBEC/SPP-MK1/')).toBe(false);
  });
  it('finds the held role that conflicts over the same records', () => {
    const held = [
      { role: 'records_officer', officePath: '/OTEPC/OBEC/SPP-KK1/' },
      { role: 'school_director', officePath: '/OTEPC/OBEC/SPP-MK1/SCH-44-001/' },
    ];
    expect(dutyConflict('certifier', '/OTEPC/OBEC/SPP-KK1/SCH-40-001/', held)).toEqual(held[0]);
    expect(dutyConflict('certifier', '/OTEPC/OBEC/SPP-MK1/', held)).toBeNull();
    expect(dutyConflict('data_entry_clerk', '/OTEPC/OBEC/SPP-KK1/', held)).toBeNull();
  });
});
