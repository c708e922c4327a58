import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaseView } from '../../../leases/console-wire';
import { releaseLease } from '../actions/leases';
import { Dialog } from '../components/Dialog';
import { ErrorText } from '../components/ErrorText';
import { dateTime } from '../lib/format';
import { useLang } from '../lib/lang';

/**
 * An operator's release of a lease. Only an EXPIRED lease can be released: a running one is
 * explained, not offered (its counter may be offline and selling with it, and nothing can reach it
 * to stop); if the service still finds it running, its refusal is shown as it came.
 */
export function ReleaseLeaseDialog({ lease, expired, onClose, onReleased }: { lease: LeaseView | null; expired: boolean; onClose: () => void; onReleased: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };
  const release = async () => {
    if (!lease || !expired) return;
    setBusy(true);
    setError(null);
    try {
      await releaseLease(lease.meter);
      onReleased();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const vars = { meter: lease?.meter ?? '', counter: lease?.counterName ?? '', until: dateTime(lease?.expiresAt ?? null, lang) };
  return (
    <Dialog open={lease !== null} danger={expired} testId="release-dialog" title={t('leases.releaseTitle', { meter: vars.meter })} onCancel={close} onSubmit={() => void release()}
      actions={<>
        <button type="button" className="btn" disabled={busy} onClick={close}>{expired ? t('common.cancel') : t('common.close')}</button>
        {expired && <button type="submit" className="btn btn-danger" disabled={busy} data-testid="release-confirm">{t('leases.releaseConfirm')}</button>}
      </>}>
      {expired
        ? <p>{t('leases.releaseExpiredBody', vars)}</p>
        : <p className="notice" data-testid="release-running">{t('leases.releaseRunningBody', vars)}</p>}
      <p className="muted">{t('leases.releaseWhy')}</p>
      <ErrorText error={error} />
    </Dialog>
  );
}
