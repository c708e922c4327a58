import { useTranslation } from 'react-i18next';
import { useMaintenance } from '../../stores/metersMaintenance';
import { useFormat } from '../../hooks/useFormat';
import { groupToken } from '../../lib/token';
import { MaintenancePrint } from './MaintenancePrint';

/** The engineering token, big, in five groups of four Latin digits, with what it does and until when. */
export function MaintenanceResult() {
  const { t } = useTranslation();
  const f = useFormat();
  const r = useMaintenance((s) => s.result);
  if (!r) return null;
  const grouped = groupToken(r.code);
  return (
    <div className="result-token maint-token" aria-live="polite">
      <span className="headline-label">
        {t(`meters.maint.actions.${r.action}`)} · {t(`meters.maint.purposes.${r.purpose}`)}
      </span>
      <output className="token" dir="ltr" lang="en" translate="no" data-testid="maintenance-token" aria-label={grouped}>
        {grouped}
      </output>
      <span className="maint-expiry" data-testid="maintenance-expiry">
        {t('meters.maint.expires')} <bdi>{f.dateTime(r.expiresAt)}</bdi>
        <span className="muted">
          {' · '}
          {t('meters.maint.tid')} <bdi dir="ltr">{r.tid}</bdi>
        </span>
      </span>
      <MaintenancePrint result={r} />
    </div>
  );
}
