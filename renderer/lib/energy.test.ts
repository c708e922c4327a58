import { describe, expect, it } from 'vitest';
import { parseKwhToTenths } from './energy';

describe('kWh typed by the cashier -> 0.1 kWh units, exactly', () => {
  it('reads whole kWh and one decimal place, Arabic-Indic digits included', () => {
    expect(parseKwhToTenths('12.5')).toEqual({ ok: true, tenths: 125 });
    expect(parseKwhToTenths('10')).toEqual({ ok: true, tenths: 100 });
    expect(parseKwhToTenths(' 0.1 ')).toEqual({ ok: true, tenths: 1 });
    expect(parseKwhToTenths('7.')).toEqual({ ok: true, tenths: 70 });
    expect(parseKwhToTenths('١٢٫٥')).toEqual({ ok: true, tenths: 125 });
    expect(parseKwhToTenths('1820162.4')).toEqual({ ok: true, tenths: 18_201_624 }); // the most one token carries
  });
  it('refuses anything else with a message in both languages saying what is wrong', () => {
    const why = (text: string) => {
      const r = parseKwhToTenths(text);
      if (r.ok) throw new Error(`${text} should be refused`);
      expect(r.message.ar).toMatch(/[\u0600-\u06FF]/);
      return r.message.en;
    };
    expect(why('')).toMatch(/enter the energy/i);
    expect(why('12.55')).toMatch(/one decimal place/i);
    expect(why('0')).toMatch(/0\.1 kWh/);
    expect(why('0.0')).toMatch(/0\.1 kWh/);
    for (const bad of ['abc', '-5', '1,5', '1.2.3', '1e3', '12 kWh']) expect(why(bad)).toMatch(/invalid energy/i);
    expect(why('1820162.5')).toMatch(/at most 1,820,162.4 kWh/);
    expect(why('99999999999999999999')).toMatch(/at most/);
  });
});
