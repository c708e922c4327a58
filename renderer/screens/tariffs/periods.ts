// Period geometry for the timeline: minutes of the day, segments (a period crossing midnight is
// drawn as two), and one colour per period index so the bar, the legend and the editor agree.
export interface PeriodView { name: { ar: string; en: string }; start: string; end: string; pricePerKwh: string; active: boolean }

export const PERIOD_COLOURS = ['#1d4ed8', '#15803d', '#b91c1c', '#7e22ce', '#b45309', '#0e7490', '#be185d', '#4b5563'];

export function minuteOf(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 1440 && Number(m[2]) < 60 ? v : null;
}

export interface Segment { index: number; from: number; to: number }

/** [from, to) minute ranges of the active periods, in day order. */
export function segments(periods: PeriodView[]): Segment[] {
  const out: Segment[] = [];
  periods.forEach((p, index) => {
    const s = minuteOf(p.start);
    const e = minuteOf(p.end);
    if (!p.active || s === null || e === null || s >= 1440) return;
    if (e > s) out.push({ index, from: s, to: e });
    else {
      out.push({ index, from: s, to: 1440 });
      if (e > 0) out.push({ index, from: 0, to: e });
    }
  });
  return out.sort((a, b) => a.from - b.from);
}

/** Minutes of the day no active period covers, as [from, to) ranges (shown hatched). */
export function gaps(periods: PeriodView[]): [number, number][] {
  const covered = new Array<boolean>(1440).fill(false);
  for (const s of segments(periods)) for (let m = s.from; m < s.to; m++) covered[m] = true;
  const out: [number, number][] = [];
  for (let m = 0; m < 1440; m++) {
    if (covered[m] || (m > 0 && !covered[m - 1])) continue;
    let e = m;
    while (e < 1440 && !covered[e]) e++;
    out.push([m, e]);
  }
  return out;
}
