import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../preload/contract';
import { useFormat } from '../../hooks/useFormat';

/** One labelled figure of a breakdown (also the vending server's, VendorTokens.tsx). */
export function Line({ label, children, className = '' }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={`line ${className}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Tariff, deductions, charged / tendered / change: shared by the quote and the sale result. */
export function QuoteLines({ quote, compact = false }: { quote: Quote; compact?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = (testId: string) => (compact ? undefined : testId);
  return (
    <dl className={`lines ${compact ? 'lines-compact' : ''}`}>
      {quote.server ? (
        // The vending server priced it: its tariff, not the counter's period and price.
        <Line label={t('vendorReceipt.serverTariff')}>
          <bdi data-testid={id('quote-server-tariff')}>{quote.server.tariffName ?? t('vendorReceipt.serverPriced')}</bdi>
        </Line>
      ) : (
        <>
          <Line label={t('quote.period')}>
            {f.text(quote.tariff.periodName)}{' '}
            <bdi dir="ltr" className="muted">
              {quote.tariff.periodStart}–{quote.tariff.periodEnd}
            </bdi>
          </Line>
          <Line label={t('quote.price')}>
            <bdi data-testid={id('quote-price')}>{f.price(quote.tariff.pricePerKwh)}</bdi>
          </Line>
        </>
      )}
      <Line label={t('quote.amount')}>
        <bdi>{f.money(quote.amountMinor)}</bdi>
      </Line>
      {quote.deductions.length === 0 ? (
        <Line label={t('quote.noDeductions')} className="line-deduction muted">
          <bdi>{f.money(0)}</bdi>
        </Line>
      ) : (
        quote.deductions.map((d, i) => (
          <Line key={`${d.kind}-${i}`} label={f.text(d.label) || t(`deduction.${d.kind}`)} className="line-deduction">
            <bdi>{f.money(-d.amountMinor)}</bdi>
          </Line>
        ))
      )}
      <Line label={t('quote.charged')} className="line-total">
        <bdi data-testid={id('quote-charged')}>{f.money(quote.chargedMinor)}</bdi>
      </Line>
      <Line label={t('quote.tendered')}>
        <bdi data-testid={id('quote-tendered')}>{f.money(quote.tenderedMinor)}</bdi>
      </Line>
      <Line label={t('quote.change')} className="line-change">
        <bdi data-testid={id('quote-change')}>{f.money(quote.changeMinor)}</bdi>
      </Line>
    </dl>
  );
}
