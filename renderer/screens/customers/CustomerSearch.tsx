import { useTranslation } from 'react-i18next';
import { useCustomers } from '../../stores/customers';
import { PAGE, searchCustomers } from '../../actions/customersSearch';
import { openCustomer } from '../../actions/customersSave';

/** Search by meter number, phone or name; results as rows (Enter or a tap opens one). */
export function CustomerSearch() {
  const { t } = useTranslation();
  const { query, results, more, searched, busy, patch } = useCustomers();
  return (
    <section className="panel customers-list" aria-labelledby="cs-title">
      <h2 id="cs-title" className="day-title">{t('customers.title')}</h2>
      <form className="field-row" role="search" onSubmit={(e) => { e.preventDefault(); void searchCustomers(); }}>
        <input className="input" data-testid="customers-search" aria-label={t('customers.searchLabel')} placeholder={t('customers.searchLabel')} autoFocus
          value={query} onChange={(e) => patch({ query: e.target.value })} />
        <button type="submit" className="btn btn-primary" data-testid="customers-search-submit" disabled={busy || !query.trim()}>
          {t('customers.search')} <kbd dir="ltr">Enter</kbd>
        </button>
      </form>
      <p className="field-hint">{t('customers.searchHint')}</p>
      {searched && results.length === 0 && <p className="muted" data-testid="customers-none">{t('customers.none')}</p>}
      {more && <p className="customers-more" role="status" data-testid="customers-more">{t('customerSearch.firstPage', { count: PAGE })}</p>}
      <ul className="customer-rows">
        {results.map((c) => (
          <li key={c.id}>
            <button type="button" className="customer-row" data-testid="customer-row" data-id={c.id} onClick={() => void openCustomer(c.id)}>
              <span className="customer-name"><bdi>{c.nameAr}</bdi>{c.nameLatin && <span className="muted"> · <bdi>{c.nameLatin}</bdi></span>}</span>
              {c.phone && <bdi dir="ltr" className="mono muted">{c.phone}</bdi>}
              <span className="customer-meters">
                {c.meters.map((m) => <bdi key={m.number} dir="ltr" className={`mono meter-chip${m.active ? '' : ' is-inactive'}`}>{m.number}</bdi>)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
