import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_BY } from '../../../../reports/wire';
import type { CounterView } from '../../../wire';
import { loadSalesByDay } from '../../actions/reports';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { chartOf, currenciesOf, totalsByGroup, addDays, type CurrencyInAnswer } from '../../lib/report-pivot';
import { today } from '../../lib/report-format';
import { rangeProblem, type GroupBy, type SalesFilters } from '../../lib/report-query';
import { useReport } from '../../lib/use-report';
import { CounterSelect } from './CounterSelect';
import { CsvLink } from './CsvLink';
import { DayRange } from './DayRange';
import { SalesChart } from './SalesChart';
import { SalesTotalsTable } from './SalesTotalsTable';

const PRODUCTS = ['sts_kwh', 'acrel_credit', 'settlement'] as const;

/** The page's first question: every counter's sales of the last 7 days. */
export const defaultSalesFilters = (): SalesFilters => ({ from: addDays(today(), -6), to: today(), by: 'counter', counter: '', product: '' });

export function SalesByDayReport({ counters, filters: f, onFilters }: { counters: readonly CounterView[]; filters: SalesFilters; onFilters: (f: SalesFilters) => void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState('');
  const problem = rangeProblem(f);
  const r = useReport(problem ? null : f, loadSalesByDay);
  // Figures of an earlier range stay hidden while the range on screen is not one to ask for.
  const a = problem ? undefined : r.data;
  const currencies = a ? currenciesOf(a.rows) : [];
  // The picked currency while the answer has it; otherwise the one with the most sales.
  const cur = currencies.find((c) => c.unit === picked) ?? currencies[0];
  const unitLabel = (c: CurrencyInAnswer) => (c.flags.length === 0 ? c.currency : `${c.currency} · ${t('reports.decimals', { n: c.decimals ?? '?' })}`);
  const set = (change: Partial<SalesFilters>) => onFilters({ ...f, ...change });

  return (
    <div className="report" data-testid="sales-report" aria-busy={r.loading}>
      <form className="panel report-filters" onSubmit={(e) => e.preventDefault()}>
        <DayRange idPrefix="sd" from={f.from} to={f.to} onChange={set} />
        <Field id="sd-by" label={t('reports.groupBy')}>
          <select id="sd-by" className="input" value={f.by} onChange={(e) => set({ by: e.target.value as GroupBy })}>
            {GROUP_BY.map((b) => <option key={b} value={b}>{t(`reports.by.${b}`)}</option>)}
          </select>
        </Field>
        <CounterSelect id="sd-counter" value={f.counter} counters={counters} onChange={(counter) => set({ counter })} />
        <Field id="sd-product" label={t('reports.product')}>
          <select id="sd-product" className="input" value={f.product} onChange={(e) => set({ product: e.target.value })}>
            <option value="">{t('reports.allProducts')}</option>
            {PRODUCTS.map((p) => <option key={p} value={p}>{t(`reports.products.${p}`)}</option>)}
          </select>
        </Field>
        {currencies.length > 1 && (
          <Field id="sd-currency" label={t('reports.currency')}>
            <select id="sd-currency" className="input" value={cur?.unit ?? ''} onChange={(e) => setPicked(e.target.value)} data-testid="currency-picker">
              {currencies.map((c) => <option key={c.unit} value={c.unit}>{unitLabel(c)}</option>)}
            </select>
          </Field>
        )}
        <div className="report-actions">
          <button type="button" className="btn btn-small" disabled={r.loading || problem !== null} onClick={r.reload}>{t('common.refresh')}</button>
          <CsvLink request={{ kind: 'sales-by-day', filters: f }} disabled={problem !== null && problem !== 'long'} />
        </div>
      </form>
      {problem && <ErrorText error={t(`reports.range.${problem}`)} />}
      <ErrorText error={r.error} />
      {!a && r.loading && <p className="panel muted">{t('common.loading')}</p>}
      {a && (
        <>
          <p className="muted report-note">
            {t('reports.daysIn', { zone: a.timeZone })}
            {currencies.length > 1 && <> {t('reports.oneCurrency', { count: currencies.length })}</>}
          </p>
          {a.truncated && <p className="notice" data-testid="report-truncated">{t('reports.truncated')}</p>}
          {!cur ? (
            <p className="panel muted" data-testid="sales-report-empty">{t('reports.sales.empty')}</p>
          ) : (
            <>
              {cur.flags.map((flag) => <p key={flag} className="notice" data-testid="money-flag">{t(`reports.moneyFlags.${flag}`, { currency: cur.currency, n: cur.decimals ?? '?' })}</p>)}
              <SalesChart chart={chartOf(a.rows, cur.unit, a.from, a.to)} currency={cur.currency} decimals={cur.decimals} />
              <SalesTotalsTable by={a.by} totals={totalsByGroup(a.rows, cur.unit)} currency={cur.currency} decimals={cur.decimals} />
            </>
          )}
        </>
      )}
    </div>
  );
}
