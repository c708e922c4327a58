import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleStatus } from '../../../preload/contract';
import { emptyFilters, useHistory, type HistoryFilters as Filters } from '../../stores/history';
import { searchHistory } from '../../actions/historySearch';
import { loadLastTokens } from '../../actions/historyLastTokens';
import { CashierFilter } from './CashierFilter';

const SALE_STATUSES: SaleStatus[] = ['paid', 'issued', 'pending', 'unknown', 'failed'];

/** Meter, receipt number, customer, from/to day, status, and the cashier for supervisors. Enter searches. */
export function HistoryFilters() {
  const { t } = useTranslation();
  const filters = useHistory((s) => s.filters);
  const busy = useHistory((s) => s.busy);
  const set = useHistory((s) => s.setFilter);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void searchHistory();
  };
  const text = (k: Exclude<keyof Filters, 'status' | 'cashierId'>, ltr = false, type = 'text') => (
    <label className="field">
      <span className="field-label">{t(`history.filters.${k}`)}</span>
      <input className="input" type={type} dir={ltr ? 'ltr' : undefined} inputMode={k === 'receipt' || k === 'meter' ? 'numeric' : undefined}
        data-testid={`history-${k}`} value={filters[k]} onChange={(e) => set(k, e.target.value)} />
    </label>
  );
  return (
    <form className="panel history-filters" onSubmit={submit} role="search" aria-label={t('history.title')}>
      {text('meter', true)}
      {text('receipt', true)}
      {text('customer')}
      {text('from', true, 'date')}
      {text('to', true, 'date')}
      <label className="field">
        <span className="field-label">{t('history.filters.status')}</span>
        <select className="input" data-testid="history-status" value={filters.status} onChange={(e) => set('status', e.target.value as Filters['status'])}>
          <option value="">{t('history.anyStatus')}</option>
          {SALE_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </label>
      <CashierFilter />
      <div className="history-filter-actions">
        <button type="submit" className="btn btn-primary" data-testid="history-search" disabled={busy} aria-busy={busy}>
          {t('history.search')} <kbd dir="ltr">Enter</kbd>
        </button>
        <button type="button" className="btn" data-testid="last-tokens-open" disabled={!filters.meter.trim()} onClick={() => void loadLastTokens(filters.meter)}>
          {t('history.lastTokens')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => useHistory.getState().patch({ filters: emptyFilters })}>
          {t('history.clear')}
        </button>
      </div>
    </form>
  );
}
