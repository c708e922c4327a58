// The one backoff helper: each policy gives exactly what its user (printer queue, outbox, vendor
// HTTP retries) has always waited, and never more than the cap.
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../main/common/backoff';

describe('backoffDelay', () => {
  it("'none' doubles from the base and stops at the cap", () => {
    const p = { baseMs: 2_000, maxMs: 60_000, jitter: 'none' as const };
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((n) => backoffDelay(n, p))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it("'equal' is half fixed and half random: never zero, never above the cap", () => {
    const at = (r: number) => (n: number) => backoffDelay(n, { baseMs: 1_000, maxMs: 8_000, jitter: 'equal', random: () => r });
    expect([0, 1, 2, 3, 10].map(at(0))).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    expect([0, 1, 2, 3, 10].map(at(0.999999))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it("'added' adds up to one base of random to the doubled delay, then caps", () => {
    const p = (r: number) => ({ baseMs: 300, maxMs: 1_000, jitter: 'added' as const, random: () => r });
    expect(backoffDelay(0, p(0))).toBe(300);
    expect(backoffDelay(0, p(0.5))).toBe(450);
    expect(backoffDelay(1, p(0.5))).toBe(750);
    expect(backoffDelay(2, p(0.5))).toBe(1_000);
  });

  it('a negative or huge retry count stays within the bounds', () => {
    expect(backoffDelay(-3, { baseMs: 100, maxMs: 1_000, jitter: 'none' })).toBe(100);
    expect(backoffDelay(1e9, { baseMs: 100, maxMs: 1_000, jitter: 'equal', random: () => 0.5 })).toBe(750);
  });
});
