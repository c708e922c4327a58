import { useTranslation } from 'react-i18next';
import { kwh } from '../../lib/format';
import { useLang } from '../../lib/lang';
import { reportMoney } from '../../lib/report-format';
import type { GroupTotals } from '../../lib/report-pivot';
import type { GroupBy } from '../../lib/report-query';
import { seriesColor } from '../../lib/series-colors';

interface Props {
  by: GroupBy;
  totals: { groups: GroupTotals[]; total: GroupTotals };
  currency: string;
  decimals: number | null;
}

/** Each group's totals over the range (the chart's colours beside them) and their sum, in one currency. */
export function SalesTotalsTable({ by, totals, currency, decimals }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = (minor: number) => <bdi>{reportMoney(minor, currency, decimals, lang)}</bdi>;
  const cells = (g: GroupTotals) => (
    <>
      <td className="num" data-testid="sold-count">{g.sold.count}</td>
      <td className="num" data-testid="sold-charged">{money(g.sold.chargedMinor)}</td>
      <td className="num">{money(g.sold.valueMinor)}</td>
      <td className="num" data-testid="sold-energy">{kwh(g.sold.energyTenths, lang)}</td>
      <td className="num col-open" data-testid="open-count">{g.open.count}</td>
      <td className="num col-open" data-testid="open-charged">{money(g.open.chargedMinor)}</td>
      <td className="num col-refunded" data-testid="refunded-count">{g.refunded.count}</td>
      <td className="num col-refunded" data-testid="refunded-charged">{money(g.refunded.chargedMinor)}</td>
    </>
  );
  return (
    <div className="table-wrap">
      <table className="table report-table" data-testid="sales-totals">
        <caption className="sr-only">{t('reports.sales.tableCaption', { currency })}</caption>
        <thead>
          <tr>
            <th rowSpan={2} scope="col">{t(`reports.by.${by}`)}</th>
            <th colSpan={4} scope="colgroup" className="group-head">{t('reports.sales.sold')}</th>
            <th colSpan={2} scope="colgroup" className="group-head col-open" title={t('reports.sales.openWhy')}>{t('reports.sales.open')}</th>
            <th colSpan={2} scope="colgroup" className="group-head col-refunded" title={t('reports.sales.refundedWhy')}>{t('reports.sales.refunded')}</th>
          </tr>
          <tr>
            <th className="num" scope="col">{t('reports.sales.count')}</th>
            <th className="num" scope="col">{t('reports.sales.charged')}</th>
            <th className="num" scope="col">{t('reports.sales.value')}</th>
            <th className="num" scope="col">{t('reports.sales.energy')}</th>
            <th className="num col-open" scope="col">{t('reports.sales.count')}</th>
            <th className="num col-open" scope="col">{t('reports.sales.charged')}</th>
            <th className="num col-refunded" scope="col">{t('reports.sales.count')}</th>
            <th className="num col-refunded" scope="col">{t('reports.sales.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.groups.map((g, i) => (
            <tr key={g.key} data-testid="group-row" data-key={g.key}>
              <th scope="row" className="group-name">
                <span className="swatch" style={{ background: seriesColor(i) }} aria-hidden="true" />
                <bdi>{g.label[lang]}</bdi>
              </th>
              {cells(g)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="total-row">
            <th scope="row">{t('reports.total')}</th>
            {cells(totals.total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
