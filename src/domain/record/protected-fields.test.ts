import { describe, expect, it } from 'vitest';
import { WORKFLOWS } from '../workflow/definitions.ts';
import {
  correctionOnlyFields,
  mayWriteField,
  PROTECTED_FIELD_KEYS,
  PROTECTED_FIELDS,
  refusedWrites,
} from './protected-fields.ts';

describe('protected personal fields (ข้อ 4.2.1, 4.2.2)', () => {
  const before = { birthDate: '1980-01-01', appointmentDate: '2005-05-01' };
  const both = { birthDate: '1981-01-01', appointmentDate: '2006-05-01' };

  it('an established record refuses direct changes of both dates; onboarding writes them', () => {
    expect(refusedWrites(before, both, { via: 'direct', stage: 'established' })).toEqual([
      'birthDate',
      'appointmentDate',
    ]);
    expect(refusedWrites(before, both, { via: 'direct', stage: 'onboarding' })).toEqual([]);
    expect(correctionOnlyFields('established')).toEqual(['birthDate', 'appointmentDate']);
    expect(correctionOnlyFields('onboarding')).toEqual([]);
  });

  it('a field sent unchanged, or not sent, is no change; other fields are not protected', () => {
    const same = { ...before, bloodGroup: 'A', subjectGroup: 'ภาษาไทย' };
    expect(refusedWrites(before, same, { via: 'direct', stage: 'established' })).toEqual([]);
    expect(refusedWrites(before, { bloodGroup: 'B' }, { via: 'direct', stage: 'established' })).toEqual([]);
    expect(mayWriteField('bloodGroup', { via: 'direct', stage: 'established' })).toBe(true);
    // null → a date is a change too (a record imported without one is still established)
    expect(
      refusedWrites(
        { birthDate: null },
        { birthDate: '1980-01-01' },
        { via: 'direct', stage: 'established' },
      ),
    ).toEqual(['birthDate']);
  });

  it('each date is written only by the correction of its own kind', () => {
    expect(refusedWrites(before, both, { via: 'correction', workflow: 'correction.birthDate' })).toEqual([
      'appointmentDate',
    ]);
    expect(
      refusedWrites(before, both, { via: 'correction', workflow: 'correction.appointmentDate' }),
    ).toEqual(['birthDate']);
    for (const kind of ['correction.other', 'addition', 'onboarding', 'move'])
      expect(refusedWrites(before, both, { via: 'correction', workflow: kind })).toEqual([
        'birthDate',
        'appointmentDate',
      ]);
  });

  it('names real workflows whose clause is the one cited, and whose applying step needs the approval reference', () => {
    for (const f of PROTECTED_FIELD_KEYS) {
      const def = WORKFLOWS[PROTECTED_FIELDS[f].workflow];
      expect(def.clause).toBe(PROTECTED_FIELDS[f].clause);
      expect(PROTECTED_FIELDS[f].th).toContain(`ต้องยื่นคำขอแก้ไข (${PROTECTED_FIELDS[f].clause})`);
      // ก.ค.ศ.'s resolution / อ.ก.ค.ศ.'s approval is recorded on the way to the applying step.
      const steps = def.transitions as readonly {
        action: string;
        referenceRequired?: true;
        applies?: true;
      }[];
      expect(steps.some((t) => t.referenceRequired && t.action !== 'reject')).toBe(true);
      expect(steps.filter((t) => t.applies).length).toBe(1);
    }
    // ข้อ 4.2.1: only สำนักงาน ก.ค.ศ. applies a date of birth.
    const dob = WORKFLOWS['correction.birthDate'].transitions as readonly {
      applies?: true;
      roles: readonly string[];
    }[];
    expect(dob.find((t) => t.applies)!.roles).toEqual(['otepc']);
  });
});
