import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaseEventView } from '../../../leases/console-wire';
import { loadLeaseHistory } from '../actions/leases';
import { ErrorText } from '../components/ErrorText';
import { dateTime } from '../lib/format';
import { useLang } from '../lib/lang';
import { byText } from './LeaseStateCell';

/** Who held one meter when: its lease events, newest first, as the head office recorded them. */
export function LeaseHistory({ meter, onClose }: { meter: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [events, setEvents] = useState<LeaseEventView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setEvents(null);
    setError(null);
    loadLeaseHistory(meter).then((e) => live && setEvents(e), (e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [meter]);
  return (
    <section className="panel lease-history" data-testid="lease-history" aria-labelledby="lease-history-title">
      <header className="page-head">
        <h2 id="lease-history-title">{t('leases.historyTitle')} <bdi className="mono" dir="ltr">{meter}</bdi></h2>
        <button type="button" className="btn btn-small" data-testid="lease-history-close" onClick={onClose}>{t('common.close')}</button>
      </header>
      <ErrorText error={error} />
      {events === null && !error && <p className="muted">{t('common.loading')}</p>}
      {events && events.length === 0 && <p className="muted">{t('leases.historyEmpty')}</p>}
      {events && events.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr><th>{t('leases.when')}</th><th>{t('leases.event')}</th><th>{t('leases.counter')}</th><th>{t('leases.until')}</th><th>{t('leases.by.title')}</th></tr>
            </thead>
            <tbody>
              {events.map((e, i) => (
                <tr key={i} data-testid="lease-event" data-event={e.event}>
                  <td>{dateTime(e.at, lang)}</td>
                  <td><span className={e.event === 'released' ? 'tag' : 'tag tag-ok'}>{t(`leases.events.${e.event}`)}</span></td>
                  <td><bdi>{e.counterName}</bdi></td>
                  <td>{e.expiresAt ? dateTime(e.expiresAt, lang) : t('common.none')}</td>
                  <td>{byText(e.by, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
