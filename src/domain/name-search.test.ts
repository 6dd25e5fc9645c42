import { describe, expect, it } from 'vitest';
import { classifySearchEntry, stripNameTitles } from './name-search.ts';

describe('stripNameTitles', () => {
  it('drops the form’s prefixes, with or without a space (ข้อ 3.2.2 (1))', () => {
    expect(stripNameTitles('นางสาวปิยะนุช ใจดี')).toBe('ปิยะนุช ใจดี');
    expect(stripNameTitles('นางสาว ปิยะนุช')).toBe('ปิยะนุช');
    expect(stripNameTitles('นาง  สมศรี   มีสุข')).toBe('สมศรี มีสุข');
    expect(stripNameTitles('นายสมชาย')).toBe('สมชาย');
    expect(stripNameTitles('น.ส.ปิยะนุช')).toBe('ปิยะนุช');
  });
  it('drops several titles in a row: rank and academic', () => {
    expect(stripNameTitles('ว่าที่ร้อยตรี ดร.สมชาย เก่งมาก')).toBe('สมชาย เก่งมาก');
    expect(stripNameTitles('ว่าที่ ร.ต.หญิง สมหญิง')).toBe('สมหญิง');
    expect(stripNameTitles('ผศ.ดร.วิชัย')).toBe('วิชัย');
  });
  it('keeps a name that only starts like a title, and a query that is only a title', () => {
    expect(stripNameTitles('นาง')).toBe('นาง');
    expect(stripNameTitles('นางนวล')).toBe('นวล'); // ambiguous: นาง + นวล, found either way by substring
    expect(stripNameTitles('ปิยะนุช')).toBe('ปิยะนุช');
    expect(stripNameTitles('ใจดี')).toBe('ใจดี');
  });
});

describe('classifySearchEntry', () => {
  it('reads a national ID with dashes, spaces or Thai digits', () => {
    expect(classifySearchEntry('3-1001-00000-01-4')).toEqual({ kind: 'nationalId', digits: '3100100000014' });
    expect(classifySearchEntry(' 3100100000014 ')).toEqual({ kind: 'nationalId', digits: '3100100000014' });
    expect(classifySearchEntry('๓-๑๐๐๑-๐๐๐๐๐-๐๑-๔')).toEqual({ kind: 'nationalId', digits: '3100100000014' });
  });
  it('says how many digits a mistyped ID has', () => {
    expect(classifySearchEntry('3-1001-00000-01')).toEqual({
      kind: 'badIdLength',
      digits: '310010000001',
      count: 12,
    });
    expect(classifySearchEntry('31001000000145')).toMatchObject({ kind: 'badIdLength', count: 14 });
  });
  it('treats anything else as a name, without its title', () => {
    expect(classifySearchEntry('นางสาวปิยะนุช')).toEqual({ kind: 'name', q: 'ปิยะนุช' });
    expect(classifySearchEntry('   ')).toEqual({ kind: 'empty' });
  });
});
