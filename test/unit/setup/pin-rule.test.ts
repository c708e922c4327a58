import { describe, expect, it } from 'vitest';
import { weakPinReason } from '../../../main/auth/pin-rule';
import { isoDecimals } from '../../../main/common/currency';
import { isTimeZone } from '../../../main/setup/rules';

describe('the PIN rule', () => {
  it.each(['0000', '1111', '999999', '1234', '4321', '123456', '9876', '7890', '0987', '8901', '012345678901'])('refuses %s, saying why in both languages', (pin) => {
    const why = weakPinReason(pin);
    expect(why?.en).toMatch(/repeated|consecutive/);
    expect(why?.ar).toMatch(/مكرراً|متتالية/);
  });
  it.each(['2580', '1357', '1235', '1122', '90210', '4829', '13579246'])('accepts %s', (pin) => {
    expect(weakPinReason(pin)).toBeNull();
  });
});

describe('currency and time zone facts from ICU', () => {
  it('takes the minor unit of a currency from the runtime, not a hand list', () => {
    expect([isoDecimals('SAR'), isoDecimals('KWD'), isoDecimals('JPY')]).toEqual([2, 3, 0]);
  });
  it('knows IANA zones and their accepted aliases, and nothing else', () => {
    expect(['Asia/Aden', 'Asia/Riyadh', 'UTC', 'Europe/London'].every(isTimeZone)).toBe(true);
    expect(['Mars/Olympus', '', 'GMT+25'].some(isTimeZone)).toBe(false);
  });
});
