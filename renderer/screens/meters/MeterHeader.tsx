import { useTranslation } from 'react-i18next';
import type { MeterSummary } from '../../../preload/contract';
import { useFormat } from '../../hooks/useFormat';
import { useMeters } from '../../stores/meters';
import { refreshAll } from '../../actions/metersRefresh';
import { closeMeter } from '../../actions/metersLookup';
import { refreshCredit } from '../../actions/metersCredit';

/** Who and what the open meter is: kind, number, customer, payment mode, tariff. */
export function MeterHeader({ meter }: { meter: MeterSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const loading = useMeters((s) => s.status.loading || s.balance.loading || s.readings.loading);
  return (
    <header className={`meter-head kind-${meter.kind}`}>
      <div className="meter-head-id">
        <span className={`badge badge-${meter.kind}`}>{t(`meter.kind.${meter.kind}`)}</span>
        <bdi dir="ltr" className="mono meter-number" data-testid="meters-number">
          {meter.number}
        </bdi>
        <bdi className="meter-head-customer">{meter.customerName ?? t('meter.noName')}</bdi>
        {meter.customerPhone && (
          <bdi dir="ltr" className="muted">
            {meter.customerPhone}
          </bdi>
        )}
      </div>
      <dl className="meter-head-facts">
        <div>
          <dt>{t('meters.head.mode')}</dt>
          <dd data-testid="meters-mode">{t(`meter.mode.${meter.paymentMode}`)}</dd>
        </div>
        <div>
          <dt>{t('meter.tariff')}</dt>
          <dd>{f.text(meter.tariffName)}</dd>
        </div>
      </dl>
      <div className="meter-head-actions">
        <button type="button" className="btn btn-small" data-testid="meters-refresh-all" disabled={loading} onClick={() => void Promise.all([refreshAll(), refreshCredit()])}>
          {loading ? t('meters.reading') : t('meters.refreshAll')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" data-testid="meters-close" onClick={closeMeter}>
          {t('meters.close')}
        </button>
      </div>
    </header>
  );
}
