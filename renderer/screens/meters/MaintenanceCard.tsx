import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { useMaintenance, type MaintenanceAction, type Purpose } from '../../stores/metersMaintenance';
import { generateMaintenanceCode } from '../../actions/metersMaintenance';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Card } from './Card';
import { Segmented } from './Segmented';
import { MaintenanceResult } from './MaintenanceResult';

const PURPOSES: Purpose[] = ['maintenance', 'repair', 'check'];
const ACTIONS: MaintenanceAction[] = ['clear_tamper', 'clear_credit', 'set_power_limit'];
const VALIDITY = [15, 60, 240, 1440, 10_080];

/** STS engineering tokens for a technician: clear tamper, clear credit, set the power limit. */
export function MaintenanceCard() {
  const { t } = useTranslation();
  const kind = useMeters((s) => s.meter?.kind);
  const m = useMaintenance();
  if (kind !== 'sts') {
    return (
      <Card title={t('meters.maint.title')} testId="meter-maintenance">
        <p className="muted">{t('meters.maint.stsOnly')}</p>
      </Card>
    );
  }
  return (
    <Card title={t('meters.maint.title')} testId="meter-maintenance">
      <form
        className="maint-form"
        onSubmit={(e) => {
          e.preventDefault();
          void generateMaintenanceCode();
        }}
      >
        <Segmented name="maint-purpose" legend={t('meters.maint.purpose')} options={PURPOSES} value={m.purpose} label={(p) => t(`meters.maint.purposes.${p}`)} onChange={(purpose) => m.edit({ purpose })} />
        <Segmented name="maint-action" legend={t('meters.maint.action')} options={ACTIONS} value={m.action} label={(a) => t(`meters.maint.actions.${a}`)} onChange={(action) => m.edit({ action })} />
        <div className="maint-row">
          {m.action === 'set_power_limit' && (
            <div className="field">
              <label className="field-label" htmlFor="maint-power">
                {t('meters.maint.power')}
              </label>
              <input id="maint-power" className="input" data-testid="maintenance-power" dir="ltr" inputMode="numeric" autoComplete="off" value={m.powerLimitText} onChange={(e) => m.edit({ powerLimitText: e.target.value })} />
            </div>
          )}
          <div className="field">
            <label className="field-label" htmlFor="maint-validity">
              {t('meters.maint.validity')}
            </label>
            <select id="maint-validity" className="input select" data-testid="maintenance-validity" value={m.validMinutes} onChange={(e) => m.edit({ validMinutes: Number(e.target.value) })}>
              {VALIDITY.map((v) => (
                <option key={v} value={v}>
                  {t(`meters.maint.valid.${v}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-primary maint-generate" data-testid="maintenance-generate" disabled={m.busy} aria-busy={m.busy}>
            {m.busy ? t('meters.maint.generating') : t('meters.maint.generate')}
          </button>
        </div>
        <ErrorMessage message={m.error} />
      </form>
      <MaintenanceResult />
    </Card>
  );
}
