// The sell screen's meter lookup when main is slow: Enter again supersedes the lookup still on its
// way, and whatever order the answers land in, only the newest reaches the screen; the field is
// never left "finding" for an answer that no longer fits.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeterSummary } from '../../preload/contract';
import { useSaleFlow } from '../stores/sale';
import { lookupMeter } from './lookupMeter';

/** Each meters.lookup call waits until the test answers it. */
const pending: { query: string; answer(found: MeterSummary[]): void }[] = [];
vi.mock('../transport', () => ({
  invoke: (_channel: string, input: { query: string }) =>
    new Promise<MeterSummary[]>((resolve) => { pending.push({ query: input.query, answer: resolve }); }),
  toFailure: (e: unknown) => e,
}));

const meter = (number: string): MeterSummary => ({
  number, kind: 'sts', customerName: 'أحمد', customerNameLatin: 'Ahmed', customerPhone: null, paymentMode: 'prepaid', tariffName: { ar: 'سكني', en: 'Residential' },
});
const settle = () => new Promise((r) => setTimeout(r, 0));
const type = (text: string) => useSaleFlow.getState().patch({ meterQuery: text });

beforeEach(() => {
  pending.length = 0;
  useSaleFlow.getState().reset();
});

describe('lookupMeter: latest wins', () => {
  it('a newer Enter is not refused while the first lookup is still on its way', async () => {
    type('0400000');
    const first = lookupMeter();
    type('04000001018');
    const second = lookupMeter();
    expect(pending.map((p) => p.query)).toEqual(['0400000', '04000001018']);
    // The newer answer lands first, the old one last: the old one must not overwrite it.
    pending[1]!.answer([meter('04000001018')]);
    expect(await second).toBe(true);
    pending[0]!.answer([meter('04000001018'), meter('04000001026')]);
    expect(await first).toBe(false);
    const s = useSaleFlow.getState();
    expect(s.meter?.number).toBe('04000001018');
    expect(s.candidates).toEqual([]);
    expect(s.looking).toBe(false);
  });

  it('an answer for a number the cashier has since changed is dropped, and the field is free again', async () => {
    type('0400000');
    const lookup = lookupMeter();
    expect(useSaleFlow.getState().looking).toBe(true);
    type('0400000101'); // typing goes on while main answers
    pending[0]!.answer([meter('04000001018'), meter('04000001026')]);
    expect(await lookup).toBe(false);
    const s = useSaleFlow.getState();
    expect(s.candidates).toEqual([]);
    expect(s.meter).toBeNull();
    expect(s.looking).toBe(false); // Find works again
    type('04000001018');
    const again = lookupMeter();
    await settle();
    pending[1]!.answer([meter('04000001018')]);
    expect(await again).toBe(true);
  });

  it('several matches for the newest query are offered as a choice', async () => {
    type('بن لادن');
    const lookup = lookupMeter();
    pending[0]!.answer([meter('04000001018'), meter('04000001026')]);
    expect(await lookup).toBe(false);
    expect(useSaleFlow.getState().candidates.map((m) => m.number)).toEqual(['04000001018', '04000001026']);
    expect(useSaleFlow.getState().looking).toBe(false);
  });
});
