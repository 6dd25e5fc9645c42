import { describe, expect, it } from 'vitest';
import { LEAVE_TYPES } from '../../../domain/record/enums.ts';
import { cellOf, columnIndex, type ItemRow, toEntry } from './format.ts';

const row = (keys: string[], cells: string[]): ItemRow => ({ rowNo: 2, cells, cols: columnIndex(keys) });

describe('toEntry (an item row read by cell index → the API entry shape)', () => {
  it('reads the fields wherever the file put them, converting by kind; a missing column is null', () => {
    const keys = ['note', 'nationalId', 'level', 'usedForAppointment', 'institution', 'from'];
    const e = toEntry(
      'education',
      row(keys, [' ', '1101700203451', 'bachelor', 'ใช่', ' มหาวิทยาลัย ', '2555-06']),
    );
    expect(e).toEqual({
      level: 'bachelor',
      institution: 'มหาวิทยาลัย',
      from: '2555-06',
      to: null,
      degree: null,
      major: null,
      minor: null,
      usedForAppointment: true,
    });
  });

  it('nests leave cells as {times, days}; an empty or absent cell is 0, a number that does not parse stays text', () => {
    const keys = ['nationalId', 'fiscalYear', 'sick.times', 'sick.days', 'personal.days'];
    const e = toEntry('leave', row(keys, ['1101700203451', '2568', '2', '', 'x']));
    expect(e.fiscalYear).toBe(2568);
    expect(e.sick).toEqual({ times: 2, days: 0 });
    expect(e.personal).toEqual({ times: 0, days: 'x' });
    for (const t of LEAVE_TYPES) expect(e[t]).toHaveProperty('times');
  });

  it('a repeated heading: the last column of that key wins; cellOf gives "" for a key the file lacks', () => {
    const r = row(['nationalId', 'category', 'text', 'text'], ['1', 'other', 'ก่อน', 'หลัง']);
    expect(toEntry('others', r)).toEqual({ category: 'other', text: 'หลัง' });
    expect(cellOf(r, 'id')).toBe('');
    expect(cellOf(r, 'nationalId')).toBe('1');
  });
});
