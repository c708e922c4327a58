import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../preload/contract';
import { invoke } from '../../transport';
import { useFormat } from '../../hooks/useFormat';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from './useAction';

type ReadBack = ChannelOutput<'tariffs.readBack'>;

/** Load the schedule into the cloud meters (through the outbox) and check what they hold. */
export function PushPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [queued, setQueued] = useState<string[] | null>(null);
  const [check, setCheck] = useState<ReadBack | null>(null);
  const { busy, error, run } = useAction();
  const push = async () => { const r = await run(() => invoke('tariffs.push', { code })); if (r) setQueued(r.queued); };
  const readBack = async () => { const r = await run(() => invoke('tariffs.readBack', { code })); if (r) setCheck(r); };
  return (
    <section className="panel" aria-labelledby="push-title" data-testid="push-panel">
      <h3 id="push-title">{t('tariffs.pushTitle')}</h3>
      <p className="muted">{t('tariffs.pushHint')}</p>
      <div className="editor-actions">
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void push()} data-testid="push">{t('tariffs.push')}</button>
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void readBack()} data-testid="read-back">{t('tariffs.readBack')}</button>
      </div>
      {queued ? <p className="ok-note" role="status">{queued.length ? t('tariffs.queued', { count: queued.length }) : t('tariffs.noCloudMeters')}</p> : null}
      {check && check.checked === 0 ? <p className="muted" data-testid="read-back-result">{t('tariffs.noCloudMeters')}</p> : null}
      {check && check.checked > 0 ? (
        <div className="read-back" data-testid="read-back-result">
          <p>{t('tariffs.checked', { checked: check.checked, agree: check.agree.length })}</p>
          {check.disagree.length ? (
            <table className="disagree-table">
              <caption>{t('tariffs.disagreeing', { count: check.disagree.length })}</caption>
              <thead><tr><th>{t('tariffs.meter')}</th><th>{t('tariffs.problem')}</th></tr></thead>
              <tbody>
                {check.disagree.map((d) => (
                  <tr key={d.meterNumber}><td className="mono" dir="ltr">{d.meterNumber}</td><td title={d.problem.en}>{f.text(d.problem)}</td></tr>
                ))}
              </tbody>
            </table>
          ) : <p className="ok-note">{t('tariffs.allAgree')}</p>}
        </div>
      ) : null}
      <ErrorMessage message={error} />
    </section>
  );
}
