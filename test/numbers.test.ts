import { describe, expect, it } from 'vitest';
import { formatId, parseValue } from '../src/parse/numbers.js';

const src = { file: 'x', page: null, line: 1 };
const p = (s: string, e: 'any' | 'money' | 'percent' = 'any') => {
  const v = parseValue(s, src, e);
  return [v.kind, v.value, v.decimals, v.unit ?? '', v.grade ?? ''];
};

describe('numbers as printed (DOMAIN §5)', () => {
  it.each([
    ['3.898.085.541', ['money', 3898085541, 0, '', '']],
    ['89,55%', ['percent', 89.55, 2, '', '']],
    ['91,5', ['number', 91.5, 1, '', '']],
    ['29,700,000', ['money', 29700000, 0, '', '']],
    ['84.02', ['number', 84.02, 2, '', '']],
    ['97.5', ['number', 97.5, 1, '', '']],
    ['26.538.300,00', ['number', 26538300, 2, '', '']],
    ['Rp. 2.865.379.541,-', ['money', 2865379541, 0, '', '']],
    ['Rp2.113.771.967', ['money', 2113771967, 0, '', '']],
    ['100 %', ['percent', 100, 0, '', '']],
    ['125,00%', ['percent', 125, 2, '', '']],
    ['18 Orang', ['number', 18, 0, 'orang', '']],
    ['85 (Nilai IKM)', ['number', 85, 0, 'nilai ikm', '']],
    ['84.02 (Nilai IKM)', ['number', 84.02, 2, 'nilai ikm', '']],
    ['B (69)', ['grade', 69, 0, '', 'B']],
    ['A (85,44)', ['grade', 85.44, 2, '', 'A']],
    ['85 % B', ['grade', 85, 0, '', 'B']],
    ['B', ['grade', null, 0, '', 'B']],
    ['6.850 Laporan', ['number', 6850, 0, 'laporan', '']],
    ['-', ['empty', null, 0, '', '']],
    ['', ['empty', null, 0, '', '']],
  ])('%s', (raw, want) => expect(p(raw)).toEqual(want));

  it('never reads an unreadable value as zero', () => {
    const v = parseValue('1.2.3,4,5', src);
    expect(v.kind).toBe('unreadable');
    expect(v.value).toBeNull();
  });
  it('takes a numbered label in a value cell for text, and several values or digits after the number for unreadable', () => {
    expect(parseValue('3) Jumlah Dokumen Penataan Organisasi dan Tata Laksana', src).kind).toBe('text');
    expect(parseValue('1. Persentase desa', src).kind).toBe('text');
    expect(parseValue('100% 100%', src).kind).toBe('unreadable');
    expect(parseValue('2) 45 orang', src).kind).toBe('unreadable');
    expect(parseValue('5.560.000o3', src).kind).toBe('unreadable');
  });
  it('formats the Indonesian way', () => {
    expect(formatId(2657062192)).toBe('2.657.062.192');
    expect(formatId(117.6470588, 2)).toBe('117,65');
  });
});

describe('any printed number is read or called unreadable (#19)', () => {
  it.each([
    ['2,000 digits', '9'.repeat(2000)],
    ['100,000 digits and spaces', '12345 '.repeat(16666)],
    ['malformed separators', '1.2.3,4,5'],
    ['double minus', '--5'],
    ['float overflow', '1e309'],
    ['run-together amounts', '2.865.379.5412.657.062.192'],
    ['19 digits', '1.000.000.000.000.000.000'],
    ['19 digits as money', 'Rp 1000000000000000000'],
  ])('%s: unreadable, never Infinity or zero', (_, s) => {
    for (const e of ['any', 'money', 'percent'] as const) {
      const v = parseValue(s, src, e);
      expect(v.kind).toBe('unreadable');
      expect(v.value).toBeNull();
    }
  });
  it('says when a number is too long to be an amount', () => {
    expect(parseValue('7'.repeat(2000), src).note).toContain('18 digit');
  });
  it('keeps the printed digits of every value it reads: the exact twin of the float', () => {
    const v = parseValue('Rp. 923.456.789.012.345.681,50', src);
    expect([v.kind, v.digits, v.decimals]).toEqual(['money', '92345678901234568150', 2]);
    expect(parseValue('089,5%', src).digits).toBe('895');
    expect(parseValue('0,05', src).digits).toBe('5');
    expect(parseValue('B (69)', src).digits).toBe('69');
  });
});
