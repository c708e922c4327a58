import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../roles';
import type { CounterView } from '../../wire';
import { loadCounters, revokeCounter } from '../actions/counters';
import { Dialog } from '../components/Dialog';
import { ErrorText } from '../components/ErrorText';
import { dateTime, whole } from '../lib/format';
import { useLang } from '../lib/lang';
import { useLoad } from '../lib/use-load';
import { useMe } from '../session';
import { EnrolmentCodeDialog } from './EnrolmentCodeDialog';

export function CountersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const counters = useLoad(loadCounters);
  const [making, setMaking] = useState(false);
  const [revoking, setRevoking] = useState<CounterView | null>(null);
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<unknown>(null);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(null);
    try {
      await revokeCounter(revoking.id);
      setRevoking(null);
      counters.reload();
    } catch (e) {
      setRevokeError(e);
    } finally {
      setBusy(false);
    }
  };
  const count = (n: number | null) => (n === null ? t('common.none') : whole(n, lang));
  const isAdmin = roleAtLeast(me.role, 'admin');

  return (
    <section className="page" data-testid="counters-page">
      <header className="page-head">
        <div>
          <h1>{t('counters.title')}</h1>
          <p className="muted">{t('counters.intro')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn btn-small" onClick={counters.reload} disabled={counters.loading}>{t('common.refresh')}</button>
          {roleAtLeast(me.role, 'operator') && (
            <button type="button" className="btn btn-primary btn-small" data-testid="new-code" onClick={() => setMaking(true)}>{t('counters.newCode')}</button>
          )}
        </div>
      </header>
      <ErrorText error={counters.error} />
      {counters.data && counters.data.length === 0 && <p className="panel muted" data-testid="counters-empty">{t('counters.empty')}</p>}
      {counters.data && counters.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="counters-table">
            <thead>
              <tr>
                <th>{t('counters.name')}</th><th>{t('counters.key')}</th><th>{t('counters.enrolled')}</th><th>{t('counters.lastSeen')}</th>
                <th>{t('counters.version')}</th><th className="num">{t('counters.pending')}</th><th className="num">{t('counters.unknown')}</th>
                <th>{t('counters.state')}</th>{isAdmin && <th>{t('counters.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {counters.data.map((c) => (
                <tr key={c.id} data-testid="counter-row" data-counter={c.name} className={c.revokedAt ? 'is-revoked' : undefined}>
                  <td><bdi>{c.name}</bdi></td>
                  <td><bdi className="mono" dir="ltr">{c.apiKey}</bdi></td>
                  <td>{c.enrolledAt ? dateTime(c.enrolledAt, lang) : <span className="muted">{t('counters.notEnrolled', { when: dateTime(c.createdAt, lang) })}</span>}</td>
                  <td>{dateTime(c.lastSeenAt, lang)}</td>
                  <td><bdi className="mono" dir="ltr">{c.appVersion ?? t('common.none')}</bdi></td>
                  <td className="num">{count(c.pendingSales)}</td>
                  <td className={c.unknownSales ? 'num is-warn' : 'num'}>{count(c.unknownSales)}</td>
                  <td data-testid="counter-state">{c.revokedAt ? <span className="tag tag-danger">{t('counters.revoked', { when: dateTime(c.revokedAt, lang) })}</span> : <span className="tag tag-ok">{t('counters.active')}</span>}</td>
                  {isAdmin && (
                    <td>{!c.revokedAt && <button type="button" className="btn btn-small btn-danger-outline" data-testid="revoke" onClick={() => { setRevokeError(null); setRevoking(c); }}>{t('counters.revoke')}</button>}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <EnrolmentCodeDialog open={making} onClose={() => { setMaking(false); counters.reload(); }} />
      <Dialog open={revoking !== null} danger testId="revoke-dialog" title={t('counters.revokeTitle', { name: revoking?.name ?? '' })} onCancel={() => !busy && setRevoking(null)} onSubmit={() => void revoke()}
        actions={<>
          <button type="button" className="btn" disabled={busy} onClick={() => setRevoking(null)}>{t('common.cancel')}</button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid="revoke-confirm">{t('counters.revokeConfirm')}</button>
        </>}>
        <p>{t('counters.revokeBody')}</p>
        <ErrorText error={revokeError} />
      </Dialog>
    </section>
  );
}
