import { useTranslation } from 'react-i18next';
import { useSaleFlow } from '../../stores/sale';
import { useFormat } from '../../hooks/useFormat';
import { QuoteLines } from './QuoteLines';
import { EnergyCost } from './EnergyCost';

/** What the sale will be, before confirming. Re-quoted as the amount / tendered change. */
export function QuotePanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const quote = useSaleFlow((s) => s.quote);
  const quoting = useSaleFlow((s) => s.quoting);
  const priceChanged = useSaleFlow((s) => s.priceChanged);
  if (!quote) {
    return (
      <section className="panel quote-empty" aria-busy={quoting}>
        <p className="muted">{quoting ? t('sell.quoting') : t('quote.empty')}</p>
      </section>
    );
  }
  const sts = quote.product === 'sts_kwh';
  const byEnergy = quote.requestedEnergyTenths != null; // sold by kWh: the money is the answer
  // An account payment (postpaid/credit): no energy, the debt before and after instead.
  const settle = quote.product === 'settlement' || quote.kind === 'settlement' ? quote.debt : null;
  return (
    <section className={`panel quote ${quoting ? 'is-stale' : ''} ${priceChanged ? 'is-new-price' : ''}`} data-testid="quote-panel" data-product={quote.product} aria-busy={quoting}>
      <header className="panel-head">
        <h2>{t(`quote.product.${settle ? 'settlement' : quote.product}`)}</h2>
        <bdi className="muted">{quote.customerName}</bdi>
      </header>
      {quote.keyNotice && (
        <p className={quote.keyNotice.code === 'KEY_CHANGE' ? 'quote-key-notice is-info' : 'quote-key-notice'} role="status" data-testid="quote-key-notice" data-code={quote.keyNotice.code}>
          {f.text(quote.keyNotice.message)}
        </p>
      )}
      {priceChanged && (
        <p className="quote-new-price" role="status" data-testid="price-changed">
          {t('quote.priceChanged')}
        </p>
      )}
      <div className="headline">
        {settle ? (
          <>
            <span className="headline-label">{t('quote.debtAfter')}</span>
            <bdi className="headline-value" data-testid="quote-debt-after">
              {f.money(settle.afterMinor)}
            </bdi>
            <span className="headline-sub">
              {t('quote.debtBefore')}: <bdi>{f.money(settle.beforeMinor)}</bdi> · {t('quote.paid')}: <bdi>{f.money(settle.recoveredMinor)}</bdi>
            </span>
          </>
        ) : sts && byEnergy ? (
          <EnergyCost quote={quote} />
        ) : sts ? (
          <>
            <span className="headline-label">{t('quote.energy')}</span>
            <bdi className="headline-value" data-testid="quote-energy">
              {f.energy(quote.energyTenths ?? 0)}
            </bdi>
            <span className="headline-sub">
              {t('quote.energyCost')}: <bdi>{f.money(quote.valueMinor)}</bdi>
            </span>
          </>
        ) : (
          <>
            <span className="headline-label">{t('quote.credit')}</span>
            <bdi className="headline-value" data-testid="quote-credit">
              {f.money(quote.valueMinor)}
            </bdi>
            {quote.estimatedEnergyTenths !== null && (
              <span className="headline-sub" data-testid="quote-energy">
                {t('quote.estimated', { energy: f.energy(quote.estimatedEnergyTenths) })}
              </span>
            )}
          </>
        )}
      </div>
      <QuoteLines quote={quote} />
    </section>
  );
}
