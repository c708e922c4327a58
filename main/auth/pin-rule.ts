// What makes a PIN too easy to guess: the same digit throughout (0000, 111111) or a run of
// consecutive digits up or down (1234, 4321, 123456, 9876, 7890). Such PINs are the first ones
// anyone tries at a till, so a new PIN that is one is refused with the reason in both languages.
import type { Bilingual } from '../../preload/contract';

const isRun = (digits: number[], step: 1 | -1) => digits.every((d, i) => i === 0 || d === (digits[i - 1]! + step + 10) % 10);

/** Null when the PIN is acceptable, otherwise why it is not. */
export function weakPinReason(pin: string): Bilingual | null {
  const digits = [...pin].map(Number);
  if (digits.every((d) => d === digits[0])) {
    return { en: 'The PIN must not be one digit repeated (such as 0000 or 1111): choose digits that are hard to guess.', ar: 'يجب ألا يكون الرقم السري رقماً واحداً مكرراً (مثل 0000 أو 1111): اختر أرقاماً يصعب تخمينها.' };
  }
  // 7890 and 8901 count too: on a keypad 0 follows 9.
  if (isRun(digits, 1) || isRun(digits, -1)) {
    return { en: 'The PIN must not be consecutive digits (such as 1234 or 4321): choose digits that are hard to guess.', ar: 'يجب ألا يكون الرقم السري أرقاماً متتالية (مثل 1234 أو 4321): اختر أرقاماً يصعب تخمينها.' };
  }
  return null;
}
