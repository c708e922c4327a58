import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../preload/contract';
import { useHistory } from '../../stores/history';
import { closeHistorySale } from '../../actions/historyDetail';
import { reprintFromHistory } from '../../actions/historyReprint';
import { useFormat } from '../../hooks/useFormat';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TokenDisplay } from '../sell/TokenDisplay';
import { ReceiptPreview } from '../printer/ReceiptPreview';

/** One sale from the history: token big, the facts, Reprint (supervisor approval from the 2nd copy). */
export function HistoryDetail({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const f = useFormat();
  const reprint = useHistory((s) => s.reprint);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);
  const run = async () => {
    setBusy(true);
    await reprintFromHistory(sale.id);
    setBusy(false);
  };
  return (
    <section className="panel history-detail" data-testid="history-detail" data-receipt-no={sale.receiptNo} aria-labelledby="hd-title">
      <header className="day-report-head">
        <h2 id="hd-title" className="day-title">{t('history.receiptNo')} <bdi dir="ltr" className="mono">{sale.receiptNo}</bdi></h2>
        <span className={`pill status-${sale.status}`}>{t(`status.${sale.status}`)}</span>
        <button type="button" className="btn btn-small btn-ghost" data-testid="history-detail-close" onClick={closeHistorySale}>
          {t('history.back')} <kbd dir="ltr">Esc</kbd>
        </button>
      </header>
      {sale.token && <TokenDisplay token={sale.token} />}
      <dl className="kv">
        <dt>{t('history.time')}</dt><dd><bdi>{f.dateTime(sale.createdAt)}</bdi></dd>
        <dt>{t('history.meter')}</dt><dd><bdi dir="ltr" className="mono">{sale.meterNumber}</bdi></dd>
        <dt>{t('history.customer')}</dt><dd><bdi>{sale.customerName ?? '—'}</bdi></dd>
        <dt>{t('history.amount')}</dt><dd><bdi>{f.money(sale.chargedMinor)}</bdi> · {t(`shift.methods.${sale.paymentMethod}`)}</dd>
        {sale.product === 'sts_kwh' ? (
          <><dt>{t('shift.energy')}</dt><dd><bdi>{f.energy(sale.energyTenths ?? 0)}</bdi></dd></>
        ) : (
          <><dt>{t('shift.credit')}</dt><dd><bdi>{f.money(sale.valueMinor)}</bdi></dd></>
        )}
        <dt>{t('history.cashier')}</dt><dd><bdi>{sale.cashier}</bdi></dd>
        <dt>{t('result.print')}</dt><dd>{t(`result.printStatus.${sale.printStatus}`)}</dd>
      </dl>
      {sale.errorMessage && sale.status !== 'issued' && <p className="muted">{f.text(sale.errorMessage)}</p>}
      <div className="day-actions">
        <button type="button" className="btn btn-primary" data-testid="history-reprint" disabled={busy} aria-busy={busy} onClick={() => void run()}>
          {busy ? t('result.printing') : t('history.reprint')} <kbd dir="ltr">F8</kbd>
        </button>
        <button type="button" className="btn btn-ghost" data-testid="history-preview" aria-expanded={preview} onClick={() => setPreview(!preview)}>
          {preview ? t('receipt.hidePreview') : t('receipt.showPreview')}
        </button>
        {reprint && !reprint.error && (
          <span className="sync-ok" role="status" data-testid="history-reprint-result">
            {reprint.printed ? (reprint.copy ? t('result.printedCopy') : t('result.printed')) : t('pending.queued')}
          </span>
        )}
      </div>
      <ErrorMessage message={reprint?.error ?? null} />
      {preview && <ReceiptPreview saleId={sale.id} version={`${sale.printStatus}:${reprint?.copy ?? ''}`} />}
    </section>
  );
}
