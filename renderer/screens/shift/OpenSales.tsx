import { useTranslation } from 'react-i18next';
import type { ShiftTotals } from '../../../preload/contract';
import { useFormat } from '../../hooks/useFormat';

/** Sales still waiting on their outcome (pending, unknown) and refused ones, by receipt number. */
export function OpenSales({ totals }: { totals: ShiftTotals }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = [...totals.open, ...totals.failed];
  if (rows.length === 0) return <p className="muted" data-testid="report-open-none">{t('shift.noOpenSales')}</p>;
  return (
    <table className="table day-table" data-testid="report-open">
      <caption>{t('shift.openSales')}</caption>
      <thead>
        <tr>
          <th>{t('history.receiptNo')}</th>
          <th>{t('history.meter')}</th>
          <th>{t('history.amount')}</th>
          <th>{t('history.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.saleId} data-testid="report-open-row" data-status={s.status}>
            <td><bdi dir="ltr" className="mono">{s.receiptNo}</bdi></td>
            <td><bdi dir="ltr" className="mono">{s.meterNumber}</bdi></td>
            <td><bdi>{f.money(s.chargedMinor)}</bdi></td>
            <td><span className={`pill status-${s.status}`}>{t(`status.${s.status}`)}</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
