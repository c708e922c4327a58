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
        <table className="table day-table">
          <caption>{t('shift.byProduct')}</caption>
          <tbody>
            {totals.byProduct.map((p) => (
              <tr key={p.product} data-testid="report-product" data-product={p.product}>
                <th scope="row">{t(`shift.products.${p.product}`)}</th>
                <td><bdi>{p.count}</bdi></td>
                <td><bdi>{f.money(p.chargedMinor)}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table day-table">
          <caption>{t('shift.byPayment')}</caption>
          <tbody>
            {totals.byPaymentMethod.map((p) => (
              <tr key={p.method} data-testid="report-method" data-method={p.method}>
                <th scope="row">{t(`shift.methods.${p.method}`)}</th>
                <td><bdi>{p.count}</bdi></td>
                <td><bdi>{f.money(p.chargedMinor)}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table day-table">
          <caption>{t('shift.byPeriod')}</caption>
          <tbody>
            {totals.byTariffPeriod.map((p) => (
              <tr key={`${p.scheduleCode}|${p.periodName.en}`}>
                <th scope="row"><bdi dir="ltr" className="mono">{p.scheduleCode}</bdi> · {f.text(p.periodName)}</th>
                <td><bdi>{p.count}</bdi></td>
                <td><bdi>{f.money(p.chargedMinor)}</bdi></td>
                <td><bdi>{p.energyTenths > 0 ? f.energy(p.energyTenths) : '—'}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
