import { useTranslation } from 'react-i18next';
import { useSaleFlow } from '../../stores/sale';
import { clearMeter } from '../../actions/lookupMeter';
import { useFormat } from '../../hooks/useFormat';
import { showLastTokens } from '../../actions/historyLastTokens';

/** The meter found: kind, customer, tariff. */
export function MeterCard({ onChange }: { onChange(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const meter = useSaleFlow((s) => s.meter);
  const locked = useSaleFlow((s) => s.sale !== null || s.pendingSell !== null);
  if (!meter) return null;
  return (
    <section className={`meter-card kind-${meter.kind}`} data-testid="meter-card" data-kind={meter.kind}>
      <div className="meter-card-head">
        <span className={`badge badge-${meter.kind}`}>{t(`meter.kind.${meter.kind}`)}</span>
        <bdi dir="ltr" className="mono meter-number">
          {meter.number}
        </bdi>
        {!locked && (
          <button
            type="button"
            className="btn btn-link"
            onClick={() => {
              clearMeter();
              onChange();
            }}
          >
            {t('sell.changeMeter')}
          </button>
        )}
        {meter.kind === 'sts' && (
          <button type="button" className="btn btn-link" data-testid="meter-last-tokens" onClick={() => showLastTokens(meter.number)}>
            {t('history.lastTokens')}
          </button>
        )}
      </div>
      <dl className="kv">
        <dt>{t('meter.customer')}</dt>
        <dd className="meter-customer">{meter.customerName ? <bdi>{(f.lang === 'en' && meter.customerNameLatin) || meter.customerName}</bdi> : <span className="muted">{t('meter.noName')}</span>}</dd>
        {meter.customerPhone && (
          <>
            <dt>{t('meter.phone')}</dt>
            <dd>
              <bdi dir="ltr">{meter.customerPhone}</bdi>
            </dd>
          </>
        )}
        <dt>{t('meter.tariff')}</dt>
        <dd>
          {f.text(meter.tariffName)} · {t(`meter.mode.${meter.paymentMode}`)}
        </dd>
      </dl>
      {meter.paymentMode !== 'prepaid' && (
        <p className="meter-warning" role="note" data-testid="meter-warning">
          {t('meter.notPrepaid')}
        </p>
      )}
    </section>
  );
}
