import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../roles';
import type { LeaseView } from '../../../leases/console-wire';
import { loadCounters } from '../actions/counters';
import { EMPTY_FILTER, loadLeases, type LeaseFilter } from '../actions/leases';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { dateTime } from '../lib/format';
import { useLang } from '../lib/lang';
import { useLoad } from '../lib/use-load';
import { useMe } from '../session';
import { LeaseHistory } from './LeaseHistory';
import { LeaseStateCell } from './LeaseStateCell';
import { ReleaseLeaseDialog } from './ReleaseLeaseDialog';
import '../styles/leases.css';
import { PagedFoot } from '../components/PagedFoot';

interface Shown {
  filter: LeaseFilter;
  leases: LeaseView[];
  next: string | null;
  /** The head office's clock minus the browser's when the first page came. */
  skewMs: number;
}

/** Every meter's local-vending lease: who holds it until when, its history, and (operators) the release of an expired one. */
export function LeasesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const counters = useLoad(loadCounters);
  const [form, setForm] = useState<LeaseFilter>(EMPTY_FILTER);
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [history, setHistory] = useState<string | null>(null);
  // Bumped by every load and every "History" click: the open history is asked again with them.
  const [historyRev, setHistoryRev] = useState(0);
  const [releasing, setReleasing] = useState<LeaseView | null>(null);
  const isOperator = roleAtLeast(me.role, 'operator');

  // The first page of `filter`, or the page after the shown ones (the same filter, kept with them).
  const run = async (filter: LeaseFilter, more: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const page = await loadLeases(filter, more && shown ? shown.next : null);
      const skewMs = more && shown ? shown.skewMs : Date.parse(page.serverTime) - Date.now();
      setShown({ filter, leases: more && shown ? [...shown.leases, ...page.leases] : page.leases, next: page.next, skewMs });
      if (!more) setHistoryRev((n) => n + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void run(EMPTY_FILTER, false);
    // The first page once; then the form and the buttons ask.
  }, []);
  const set = (k: keyof LeaseFilter) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const expiredNow = (l: LeaseView) => l.state === 'expired' || (l.state === 'held' && Date.parse(l.expiresAt) <= Date.now() + (shown?.skewMs ?? 0));

  return (
    <section className="page" data-testid="leases-page">
      <header className="page-head">
        <div>
          <h1>{t('leases.title')}</h1>
          <p className="muted">{t('leases.intro')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run(shown?.filter ?? form, false)}>{t('common.refresh')}</button>
        </div>
      </header>
      <form className="panel search-form" data-testid="leases-filter" onSubmit={(e) => { e.preventDefault(); void run(form, false); }}>
        <Field id="l-counter" label={t('leases.counter')}>
          <select id="l-counter" className="input" value={form.counterId} onChange={set('counterId')}>
            <option value="">{t('leases.anyCounter')}</option>
            {counters.data?.map((c) => <option key={c.id} value={String(c.id)}>{c.name}</option>)}
          </select>
        </Field>
        <Field id="l-meter" label={t('leases.meter')}>
          <input id="l-meter" className="input" dir="ltr" inputMode="numeric" maxLength={32} value={form.meter} onChange={set('meter')} />
        </Field>
        <div className="search-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="leases-search">{t('leases.search')}</button>
          <button type="button" className="btn" disabled={busy} onClick={() => { setForm(EMPTY_FILTER); void run(EMPTY_FILTER, false); }}>{t('leases.clear')}</button>
        </div>
      </form>
      <ErrorText error={error ?? counters.error} />
      {history !== null && <LeaseHistory key={historyRev} meter={history} onClose={() => setHistory(null)} />}
      {shown && shown.leases.length === 0 && <p className="panel muted" data-testid="leases-empty">{t('leases.empty')}</p>}
      {shown && shown.leases.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="leases-table">
              <thead>
                <tr>
                  <th>{t('leases.meter')}</th><th>{t('leases.counter')}</th><th>{t('leases.granted')}</th><th>{t('leases.renewed')}</th>
                  <th>{t('leases.expires')}</th><th>{t('leases.stateTitle')}</th><th>{t('leases.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.leases.map((l) => (
                  <tr key={l.meter} data-testid="lease-row" data-meter={l.meter} data-state={l.state} className={l.state === 'released' ? 'is-revoked' : undefined}>
                    <td><bdi className="mono" dir="ltr">{l.meter}</bdi></td>
                    <td><bdi>{l.counterName}</bdi></td>
                    <td>{dateTime(l.grantedAt, lang)}</td>
                    <td>{dateTime(l.renewedAt, lang)}</td>
                    <td>{dateTime(l.expiresAt, lang)}</td>
                    <td data-testid="lease-state"><LeaseStateCell lease={l} skewMs={shown.skewMs} /></td>
                    <td>
                      <div className="row-actions">
                        <button type="button" className="btn btn-small" data-testid="lease-history-open" onClick={() => { setHistory(l.meter); setHistoryRev((n) => n + 1); }}>{t('leases.history')}</button>
                        {isOperator && l.state !== 'released' && (
                          <button type="button" className="btn btn-small btn-danger-outline" data-testid="lease-release" onClick={() => setReleasing(l)}>{t('leases.release')}</button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PagedFoot testId="leases" shown={t('leases.shown', { count: shown.leases.length })} hasMore={!!shown.next} busy={busy} onMore={() => void run(shown.filter, true)} moreLabel={t('leases.more')} endLabel={t('leases.end')} />
        </>
      )}
      <ReleaseLeaseDialog lease={releasing} expired={releasing !== null && expiredNow(releasing)} onClose={() => setReleasing(null)}
        onReleased={() => { setReleasing(null); void run(shown?.filter ?? form, false); }} />
    </section>
  );
}
