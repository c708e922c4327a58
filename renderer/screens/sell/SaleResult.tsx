import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../preload/contract';
import { useSaleFlow } from '../../stores/sale';
import { useFormat } from '../../hooks/useFormat';
import { TokenDisplay } from './TokenDisplay';
import { VendorLines, VendorTokens } from './VendorTokens';
import { QuoteLines } from './QuoteLines';
import { PrintStatus } from './PrintStatus';
import { useSaleFollowUp } from '../../hooks/useSaleFollowUp';

function explanationKey(sale: Sale): string {
  const sts = sale.product === 'sts_kwh';
  switch (sale.status) {
    case 'issued':
      if (sale.product === 'settlement' || sale.kind === 'settlement') return 'statusText.issuedSettlement';
      return sts ? 'statusText.issuedSts' : 'statusText.issuedAcrel';
    case 'pending':
      return sts ? 'statusText.pendingSts' : 'statusText.pendingAcrel';
    default:
      return `statusText.${sale.status}`;
  }
}

/** A sale that carried a key change: three tokens, labelled and numbered in the order they are entered. */
function KeyChangeTokens({ sale, keyChange }: { sale: Sale; keyChange: [string, string] }) {
  const { t } = useTranslation();
  const steps = [
    { label: t('keys.keyChange.first'), token: keyChange[0], testId: 'sale-key-change-1' },
    { label: t('keys.keyChange.second'), token: keyChange[1], testId: 'sale-key-change-2' },
    { label: t('keys.keyChange.credit'), token: sale.token!, testId: 'sale-token' },
  ];
  return (
    <div className="result-token" data-testid="sale-key-change">
      <p className="result-note">{t('keys.keyChange.order')}</p>
      <ol className="key-change-steps">
        {steps.map((s) => (
          <li key={s.testId}>
            <span className="headline-label">
              {s.label}
              {s.testId === 'sale-token' && sale.tokenSource === 'local' && <span className="muted"> · {t('result.tokenLocal')}</span>}
            </span>
            <TokenDisplay token={s.token} testId={s.testId} />
          </li>
        ))}
      </ol>
    </div>
  );
}

/** After confirming: the outcome in plain words, the token, the receipt. */
export function SaleResult({ onNewSale }: { onNewSale(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sale = useSaleFlow((s) => s.sale);
  const newSaleRef = useRef<HTMLButtonElement>(null);
  useEffect(() => newSaleRef.current?.focus(), [sale?.id]);
  useSaleFollowUp();
  if (!sale) return null;
  const sts = sale.product === 'sts_kwh';
  const settle = sale.product === 'settlement' || sale.kind === 'settlement' ? sale.debt : null;

  return (
    <section className={`panel result status-${sale.status}`} data-testid="sale-result" aria-live="polite">
      <header className="result-head">
        <h2 className="result-status" data-testid="sale-status" data-status={sale.status}>
          {t(`status.${sale.status}`)}
        </h2>
        <p className="result-explain">{t(explanationKey(sale), { receiptNo: sale.receiptNo })}</p>
        {sale.errorMessage && sale.status !== 'issued' && (
          <p className={sale.status === 'failed' ? 'result-error' : 'result-note'} data-testid="sale-reason">
            {f.text(sale.errorMessage)}
          </p>
        )}
      </header>

      {sts && sale.token && sale.vendorReceipt && <VendorTokens receipt={sale.vendorReceipt} />}

      {sts && sale.token && !sale.vendorReceipt && sale.keyChangeTokens && <KeyChangeTokens sale={sale} keyChange={sale.keyChangeTokens} />}

      {sts && sale.token && !sale.vendorReceipt && !sale.keyChangeTokens && (
        <div className="result-token">
          <span className="headline-label">
            {t('result.token')}
            {sale.tokenSource === 'local' && <span className="muted"> · {t('result.tokenLocal')}</span>}
          </span>
          <TokenDisplay token={sale.token} />
        </div>
      )}

      <div className="result-facts">
        <div className="fact">
          <span className="fact-label">{t('result.receiptNo')}</span>
          <bdi dir="ltr" className="fact-value mono" data-testid="sale-receipt-no">
            {sale.receiptNo}
          </bdi>
        </div>
        {settle && (
          <div className="fact">
            <span className="fact-label">{t('quote.debtAfter')}</span>
            <bdi className="fact-value" data-testid="sale-debt-after">
              {f.money(settle.afterMinor)}
            </bdi>
          </div>
        )}
        {sale.status !== 'failed' && !settle && (
          <div className="fact">
            <span className="fact-label">{sts ? t('quote.energy') : t('quote.credit')}</span>
            <bdi className="fact-value" data-testid="sale-value">
              {sts ? f.energy(sale.energyTenths ?? 0) : f.money(sale.valueMinor)}
            </bdi>
          </div>
        )}
        <div className="fact">
          <span className="fact-label">{t('result.meter')}</span>
          <bdi dir="ltr" className="fact-value mono">
            {sale.meterNumber}
          </bdi>
        </div>
        <div className="fact">
          <span className="fact-label">{t('quote.change')}</span>
          <bdi className="fact-value">{f.money(sale.changeMinor)}</bdi>
        </div>
      </div>

      <PrintStatus />

      <details className="result-details">
        <summary>{t('quote.title')}</summary>
        {sale.vendorReceipt ? <VendorLines receipt={sale.vendorReceipt} /> : <QuoteLines quote={sale} compact />}
      </details>

      <button ref={newSaleRef} type="button" className="btn btn-primary btn-block" data-testid="new-sale" onClick={onNewSale}>
        {t('sell.newSale')} <kbd dir="ltr">Esc</kbd>
      </button>
    </section>
  );
}
