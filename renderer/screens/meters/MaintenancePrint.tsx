import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { MaintenanceOut } from '../../stores/metersMaintenance';
import { invoke, toFailure } from '../../transport';
import '../../styles/maintenance-print.css';

/** Prints the engineering token on the receipt printer (its own slip: not a credit purchase). */
export function MaintenancePrint({ result }: { result: MaintenanceOut }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const print = async () => {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const r = await invoke('meters.printMaintenanceCode', { meterNumber: result.meterNumber, tid: result.tid, code: result.code });
      if (r.printed) setDone(result.code);
      else setError(r.error);
    } catch (e) {
      setError(toFailure(e).error.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="maint-print">
      <button type="button" className="btn" data-testid="maintenance-print" disabled={busy} aria-busy={busy} onClick={() => void print()}>
        {busy ? t('meters.maint.printing') : t('meters.maint.print')}
      </button>
      {done === result.code && <span className="muted" role="status" data-testid="maintenance-printed">{t('meters.maint.printed')}</span>}
      <ErrorMessage message={error} />
    </div>
  );
}
