import { useTranslation } from 'react-i18next';
import type { VendorReceipt } from '../../../preload/contract';
import { useFormat } from '../../hooks/useFormat';
import { TokenDisplay } from './TokenDisplay';
import { Line } from './QuoteLines';

// The test ids keep the ones of a counter-made key change (sale-key-change-1/2, sale-token), so a
// sale reads the same to tests and to support whichever side made its tokens.
const TEST_ID: Record<VendorReceipt['tokens'][number]['kind'], string> = {
  kct1: 'sale-key-change-1',
  kct2: 'sale-key-change-2',
  credit: 'sale-token',
  fbe: 'sale-fbe-token',
  engineering: 'sale-engineering-token',
};

/** A server's tokens (XMLVend): every one, numbered and labelled in the order the meter takes them. */
export function VendorTokens({ receipt }: { receipt: VendorReceipt }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="result-token" data-testid="sale-vendor-tokens">
      {receipt.tokens.length > 1 && <p className="result-note">{t('vendorReceipt.order')}</p>}
      <ol className="key-change-steps">
        {receipt.tokens.map((tok, i) => (
          <li key={`${tok.kind}-${i}`}>
            <span className="headline-label">
              {t('vendorReceipt.step', { n: f.whole(i + 1), label: t(`vendorReceipt.kind.${tok.kind}`) })}
              {tok.energyTenths !== null && tok.energyTenths > 0 && tok.kind !== 'kct1' && tok.kind !== 'kct2' && (
                <span className="muted"> · <bdi>{f.energy(tok.energyTenths)}</bdi></span>
              )}
            </span>
            <TokenDisplay token={tok.digits} testId={TEST_ID[tok.kind]} />
          </li>
        ))}
      </ol>
    </div>
  );
}

const KNOWN_LINES = new Set(['CreditVendTx', 'ServiceChrgTx', 'DebtRecoveryTx', 'PayAccTx', 'VAT', 'Tax']);

/** The server's own breakdown: its receipt number, tariff, and each transaction with its amount. */
export function VendorLines({ receipt }: { receipt: VendorReceipt }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <dl className="lines lines-compact" data-testid="sale-vendor-lines">
      <Line label={t('vendorReceipt.serverReceipt')}>
        <bdi dir="ltr" className="mono" data-testid="sale-server-receipt">{receipt.receiptNo}</bdi>
      </Line>
      {receipt.tariffName && (
        <Line label={t('vendorReceipt.serverTariff')}>
          <bdi>{receipt.tariffName}</bdi>
        </Line>
      )}
      {receipt.lines.map((l, i) => (
        <div className="line line-deduction" key={i} data-testid="sale-vendor-line" data-type={l.type}>
          <dt>
            {/* A credit vend of no money is the free basic electricity given with the sale. */}
            {l.type === 'CreditVendTx' && l.minor === 0 ? t('vendorReceipt.line.free') : KNOWN_LINES.has(l.type) ? t(`vendorReceipt.line.${l.type}`) : <bdi>{l.type}</bdi>}
            {l.desc && <>: <bdi>{l.desc}</bdi></>}
          </dt>
          <dd><bdi>{f.money(l.minor)}</bdi></dd>
        </div>
      ))}
    </dl>
  );
}
