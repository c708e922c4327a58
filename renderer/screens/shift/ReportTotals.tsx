import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftTotals } from '../../../preload/contract';
import { useFormat } from '../../hooks/useFormat';

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="day-fact">
      <span className="day-fact-label">{label}</span>
      <bdi className="day-fact-value" data-testid={testId}>{value}</bdi>
    </div>
  );
}

interface TotalsRow {
  key: string;
  label: ReactNode;
  count: number;
  chargedMinor: number;
  /** kWh column, for the tariff-period table only */
  energy?: string;
  attrs?: Record<string, string>;
}

/** One small table of the report: a label, how many sales, how much money (and kWh). */
function TotalsTable({ caption, rows }: { caption: string; rows: TotalsRow[] }) {
  const f = useFormat();
  return (
    <table className="table day-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} {...r.attrs}>
            <th scope="row">{r.label}</th>
            <td><bdi>{r.count}</bdi></td>
            <td><bdi>{f.money(r.chargedMinor)}</bdi></td>
            {r.energy !== undefined && <td><bdi>{r.energy}</bdi></td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Totals of a shift (X and Z alike): headline facts and three small tables. */
export function ReportTotals({ totals }: { totals: ShiftTotals }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <div className="day-facts">
        <Fact label={t('shift.salesCount')} value={String(totals.salesCount)} testId="report-sales-count" />
        <Fact label={t('shift.charged')} value={f.money(totals.chargedMinor)} testId="report-charged" />
        <Fact label={t('shift.tokens')} value={String(totals.tokensIssued)} testId="report-tokens" />
        <Fact label={t('shift.energy')} value={f.energy(totals.energyTenths)} testId="report-energy" />
        <Fact label={t('shift.credit')} value={f.money(totals.creditMinor)} testId="report-credit" />
      </div>
      <div className="day-tables">
        <TotalsTable caption={t('shift.byProduct')} rows={totals.byProduct.map((p) => ({
          key: p.product, label: t(`shift.products.${p.product}`), count: p.count, chargedMinor: p.chargedMinor,
          attrs: { 'data-testid': 'report-product', 'data-product': p.product },
        }))} />
        <TotalsTable caption={t('shift.byPayment')} rows={totals.byPaymentMethod.map((p) => ({
          key: p.method, label: t(`shift.methods.${p.method}`), count: p.count, chargedMinor: p.chargedMinor,
          attrs: { 'data-testid': 'report-method', 'data-method': p.method },
        }))} />
        <TotalsTable caption={t('shift.byPeriod')} rows={totals.byTariffPeriod.map((p) => ({
          key: `${p.scheduleCode}|${p.periodName.en}`,
          label: <><bdi dir="ltr" className="mono">{p.scheduleCode}</bdi> · {f.text(p.periodName)}</>,
          count: p.count, chargedMinor: p.chargedMinor, energy: p.energyTenths > 0 ? f.energy(p.energyTenths) : '—',
        }))} />
      </div>
    </>
  );
}
