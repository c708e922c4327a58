import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/useFormat';
import { gaps, PERIOD_COLOURS, segments, type PeriodView } from './periods';

const pct = (m: number) => `${(m / 1440) * 100}%`;
const TICKS = [0, 3, 6, 9, 12, 15, 18, 21, 24];

/**
 * The day as one bar, 00:00 to 24:00, each period in its colour, gaps hatched, a marker at "now".
 * Time runs left to right in both languages (like the HH:MM digits it is read with).
 */
export function TimelineBar({ periods, nowMinute }: { periods: PeriodView[]; nowMinute?: number | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const segs = segments(periods);
  return (
    <figure className="timeline" aria-label={t('tariffs.timeline')}>
      <div className="timeline-bar" dir="ltr" data-testid="timeline-bar">
        {segs.map((s) => {
          const p = periods[s.index]!;
          return (
            <div key={`${s.index}-${s.from}`} className="timeline-seg" style={{ insetInlineStart: pct(s.from), inlineSize: pct(s.to - s.from), background: PERIOD_COLOURS[s.index % 8] }}
              title={`${f.text(p.name)} ${p.start}–${p.end} · ${f.price(p.pricePerKwh)}`}>
              {s.to - s.from >= 150 ? <span className="timeline-label"><bdi>{f.text(p.name)}</bdi></span> : null}
            </div>
          );
        })}
        {gaps(periods).map(([a, b]) => (
          <div key={`gap-${a}`} className="timeline-gap" style={{ insetInlineStart: pct(a), inlineSize: pct(b - a) }} title={t('tariffs.gap')} />
        ))}
        {nowMinute != null ? <div className="timeline-now" style={{ insetInlineStart: pct(nowMinute) }} title={t('tariffs.now')} /> : null}
      </div>
      <div className="timeline-ticks" dir="ltr" aria-hidden="true">
        {TICKS.map((h) => (
          <span key={h} style={{ insetInlineStart: pct(h * 60) }}>{`${String(h).padStart(2, '0')}:00`}</span>
        ))}
      </div>
      <figcaption className="timeline-legend">
        {periods.map((p, i) => (
          <span key={i} className={p.active ? 'legend-item' : 'legend-item legend-off'}>
            <i style={{ background: PERIOD_COLOURS[i % 8] }} />
            <bdi>{f.text(p.name)}</bdi> <span className="mono" dir="ltr">{p.start}–{p.end}</span> <span>{f.price(p.pricePerKwh)}</span>
            {p.active ? null : <span className="muted"> ({t('tariffs.inactive')})</span>}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
