import { describe, expect, it } from 'vitest';
import { latestWins } from './latest';

describe('latestWins: only the newest request may write its answer', () => {
  it('makes an earlier request stale once a newer one starts', () => {
    const latest = latestWins();
    const first = latest.begin();
    expect(first()).toBe(true);
    const second = latest.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('drops an answer that arrives after a newer one, whatever the order of arrival', async () => {
    const latest = latestWins();
    const shown: string[] = [];
    const request = async (answer: string, ms: number) => {
      const isLatest = latest.begin();
      await new Promise((r) => setTimeout(r, ms));
      if (isLatest()) shown.push(answer);
    };
    await Promise.all([request('old', 20), request('new', 1)]);
    expect(shown).toEqual(['new']);
  });

  it('dropAll makes every request already started stale, and later ones count again', () => {
    const latest = latestWins();
    const a = latest.begin();
    latest.dropAll();
    expect(a()).toBe(false);
    const b = latest.begin();
    expect(b()).toBe(true);
  });

  it('keeps separate kinds of request apart', () => {
    const searches = latestWins();
    const refreshes = latestWins();
    const search = searches.begin();
    refreshes.begin();
    expect(search()).toBe(true);
  });
});
