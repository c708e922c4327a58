import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/useFormat';

export interface Interval {
  at: string;
  importTenths: number;
  /** Energy used since the reading before (null for the first one). */
  usedTenths: number | null;
}

export function intervals(readings: { at: string; importTenths: number }[]): Interval[] {
  return readings.map((r, i) => {
    const prev = readings[i - 1];
    return { ...r, usedTenths: prev ? Math.max(0, r.importTenths - prev.importTenths) : null };
  });
}

const W = 480;
const H = 64;

/** Energy used per interval, oldest to newest (time runs left to right in both languages). */
export function ReadingsChart({ readings }: { readings: { at: string; importTenths: number }[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const bars = intervals(readings).slice(1);
  const max = Math.max(1, ...bars.map((b) => b.usedTenths ?? 0));
  const step = W / bars.length;
  const first = readings[0];
  const last = readings[readings.length - 1];
  return (
    <figure className="chart" data-testid="meter-readings-chart">
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={t('meters.readings.chart')}>
        {bars.map((b, i) => {
          const h = Math.max(1, ((b.usedTenths ?? 0) / max) * (H - 4));
          return (
            <rect key={b.at} x={i * step + step * 0.15} y={H - h} width={step * 0.7} height={h} className="chart-bar">
              <title>{`${f.dateTime(b.at)} — ${f.energy(b.usedTenths ?? 0)}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="chart-axis" dir="ltr">
        <bdi>{first ? f.time(first.at) : ''}</bdi>
        <span className="muted">{t('meters.readings.chartMax', { energy: f.energy(max) })}</span>
        <bdi>{last ? f.time(last.at) : ''}</bdi>
      </figcaption>
    </figure>
  );
}
