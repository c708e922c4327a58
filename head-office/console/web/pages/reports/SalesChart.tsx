import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLang } from '../../lib/lang';
import { compactMoney, dayLabel, reportMoney } from '../../lib/report-format';
import type { ChartPoint, ChartSeries } from '../../lib/report-pivot';
import { seriesColor } from '../../lib/series-colors';

interface Props {
  chart: { series: ChartSeries[]; points: ChartPoint[] };
  currency: string;
  decimals: number | null;
}

/**
 * Delivered sales' charged money per day, one stacked bar per day, a colour per group. In Arabic
 * the days run right to left (the first day at the right) and the money axis stands at the right.
 */
export function SalesChart({ chart, currency, decimals }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const rtl = lang === 'ar';
  const money = (minor: number) => reportMoney(minor, currency, decimals, lang);
  const order = new Map(chart.series.map((s, i) => [s.id, i]));
  return (
    <figure className="panel report-chart" data-testid="sales-chart" data-series={chart.series.length} data-days={chart.points.length}>
      <figcaption className="report-chart-title">{t('reports.sales.chartTitle', { currency })}</figcaption>
      <div className="report-chart-box">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={chart.points} margin={{ top: 8, right: 12, bottom: 4, left: 12 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" reversed={rtl} interval={0} tickFormatter={(d: string) => dayLabel(d, lang)} tick={{ fontSize: 12 }} />
            <YAxis orientation={rtl ? 'right' : 'left'} width={64} tickFormatter={(v: number) => compactMoney(v, decimals, lang)} tick={{ fontSize: 12 }} allowDecimals={false} />
            <Tooltip
              cursor={{ fill: 'rgb(11 61 92 / 0.06)' }}
              content={({ active, payload, label }) => {
                if (!active || !payload?.length) return null;
                // The chart's order (the busiest group first, as in the legend), not the tooltip's alphabetical one.
                const shown = payload.filter((p) => Number(p.value) !== 0).sort((x, y) => (order.get(String(x.dataKey)) ?? 0) - (order.get(String(y.dataKey)) ?? 0));
                const total = payload.reduce((s, p) => s + Number(p.value ?? 0), 0);
                return (
                  <div className="chart-tip" dir={rtl ? 'rtl' : 'ltr'}>
                    <div className="chart-tip-day">{dayLabel(String(label), lang, true)}</div>
                    {shown.map((p) => (
                      <div key={String(p.dataKey)} className="chart-tip-row">
                        <span className="swatch" style={{ background: p.color }} />
                        <bdi>{p.name}</bdi>
                        <span className="chart-tip-money">{money(Number(p.value))}</span>
                      </div>
                    ))}
                    <div className="chart-tip-row chart-tip-total">
                      <span>{t('reports.total')}</span>
                      <span className="chart-tip-money">{money(total)}</span>
                    </div>
                  </div>
                );
              }}
            />
            <Legend content={() => (
              <ul className="chart-legend" data-testid="chart-legend">
                {chart.series.map((s, i) => (
                  <li key={s.id} data-testid="legend-item">
                    <span className="swatch" style={{ background: seriesColor(i) }} aria-hidden="true" />
                    <bdi>{s.label[lang]}</bdi>
                  </li>
                ))}
              </ul>
            )} />
            {chart.series.map((s, i) => (
              <Bar key={s.id} dataKey={s.id} name={s.label[lang]} stackId="day" fill={seriesColor(i)} isAnimationActive={false} maxBarSize={56} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
