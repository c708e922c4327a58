import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SALE_STATUSES, type SaleRowView } from '../../wire';
import { loadCounters } from '../actions/counters';
import { EMPTY_SEARCH, searchSales, type SalesSearch } from '../actions/sales';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { dateTime, kwh, money } from '../lib/format';
import { useLang } from '../lib/lang';
import { useLoad } from '../lib/use-load';
import { PagedFoot } from '../components/PagedFoot';

interface Results {
  search: SalesSearch;
  sales: SaleRowView[];
  next: string | null;
}

export function SalesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const counters = useLoad(loadCounters);
  const [form, setForm] = useState<SalesSearch>(EMPTY_SEARCH);
  const [results, setResults] = useState<Results | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof SalesSearch) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  // A page of results, or the next page after the shown ones (the same search, kept with them).
  const run = async (more: boolean) => {
    const search = more && results ? results.search : form;
    if (search.fromDay && search.toDay && search.toDay < search.fromDay) {
      setError(t('sales.badRange'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const page = await searchSales(search, more && results ? results.next : null);
      setResults({ search, sales: more && results ? [...results.sales, ...page.sales] : page.sales, next: page.next });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page" data-testid="sales-page">
      <header className="page-head">
        <div>
          <h1>{t('sales.title')}</h1>
          <p className="muted">{t('sales.intro')}</p>
        </div>
      </header>
      <form className="panel search-form" data-testid="sales-search" onSubmit={(e) => { e.preventDefault(); void run(false); }}>
        <Field id="s-counter" label={t('sales.counter')}>
          <select id="s-counter" className="input" value={form.counterId} onChange={set('counterId')}>
            <option value="">{t('sales.anyCounter')}</option>
            {counters.data?.map((c) => <option key={c.id} value={String(c.id)}>{c.name}</option>)}
          </select>
        </Field>
        <Field id="s-meter" label={t('sales.meter')}>
          <input id="s-meter" className="input" dir="ltr" inputMode="numeric" maxLength={64} value={form.meter} onChange={set('meter')} />
        </Field>
        <Field id="s-receipt" label={t('sales.receipt')}>
          <input id="s-receipt" className="input" dir="ltr" type="number" min={1} step={1} value={form.receiptNo} onChange={set('receiptNo')} />
        </Field>
        <Field id="s-status" label={t('sales.status')}>
          <select id="s-status" className="input" value={form.status} onChange={set('status')}>
            <option value="">{t('sales.anyStatus')}</option>
            {SALE_STATUSES.map((s) => <option key={s} value={s}>{t(`sales.statuses.${s}`)}</option>)}
          </select>
        </Field>
        <Field id="s-from" label={t('sales.from')}>
          <input id="s-from" className="input" dir="ltr" type="date" value={form.fromDay} onChange={set('fromDay')} />
        </Field>
        <Field id="s-to" label={t('sales.to')}>
          <input id="s-to" className="input" dir="ltr" type="date" value={form.toDay} onChange={set('toDay')} />
        </Field>
        <div className="search-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="sales-search-submit">{t('sales.search')}</button>
          <button type="button" className="btn" disabled={busy} onClick={() => { setForm(EMPTY_SEARCH); setResults(null); setError(null); }}>{t('sales.clear')}</button>
        </div>
      </form>
      <ErrorText error={error ?? counters.error} />
      {results && results.sales.length === 0 && <p className="panel muted" data-testid="sales-empty">{t('sales.empty')}</p>}
      {results && results.sales.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="sales-table">
              <thead>
                <tr>
                  <th>{t('sales.when')}</th><th>{t('sales.counter')}</th><th className="num">{t('sales.receipt')}</th><th>{t('sales.meter')}</th>
                  <th>{t('sales.product')}</th><th>{t('sales.status')}</th><th>{t('sales.cashier')}</th><th>{t('sales.payment')}</th>
                  <th className="num">{t('sales.amount')}</th><th className="num">{t('sales.energy')}</th>
                </tr>
              </thead>
              <tbody>
                {results.sales.map((s) => (
                  <tr key={s.saleId} data-testid="sale-row" data-sale={s.saleId}>
                    <td>{dateTime(s.soldAt, lang)}</td>
                    <td><bdi>{s.counterName}</bdi></td>
                    <td className="num"><bdi dir="ltr">{s.receiptNo}</bdi></td>
                    <td><bdi className="mono" dir="ltr">{s.meterNumber}</bdi></td>
                    <td>{t(`sales.products.${s.product}`, { defaultValue: s.product })}</td>
                    <td><span className={`tag tag-${s.status}`}>{t(`sales.statuses.${s.status}`)}</span></td>
                    <td><bdi>{s.cashier}</bdi></td>
                    <td>{t(`sales.payments.${s.paymentMethod}`, { defaultValue: s.paymentMethod })}</td>
                    <td className="num" data-testid="sale-amount"><bdi>{money(s.chargedMinor, s.currency, lang)}</bdi></td>
                    <td className="num">{s.energyTenths === null ? t('common.none') : kwh(s.energyTenths, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PagedFoot testId="sales" shown={t('sales.shown', { count: results.sales.length })} hasMore={!!results.next} busy={busy} onMore={() => void run(true)} moreLabel={t('sales.more')} endLabel={t('sales.end')} />
        </>
      )}
    </section>
  );
}
