import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../transport';
import '../../styles/printer.css';

/**
 * The receipt exactly as the printer gets it: main renders the 1-bit bitmap that is sent as
 * raster, and it is shown here pixel for pixel (scaled by CSS with crisp edges, never redrawn).
 * `version` re-fetches it when something that changes the receipt (a print, a copy) happened.
 */
export function ReceiptPreview({ saleId, version }: { saleId: string; version: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<{ url: string; widthMm: number } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setFailed(false);
    invoke('receipts.preview', { id: saleId })
      .then((p) => live && setSrc({ url: `data:image/png;base64,${p.png}`, widthMm: p.widthMm }))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [saleId, version]);
  if (failed) return <p className="muted">{t('receipt.previewFailed')}</p>;
  if (!src) return <p className="muted">{t('app.loading')}</p>;
  return (
    <figure className="receipt-preview" data-testid="receipt-preview">
      <img src={src.url} alt={t('receipt.previewAlt', { width: src.widthMm })} />
      <figcaption className="muted">{t('receipt.previewCaption', { width: src.widthMm })}</figcaption>
    </figure>
  );
}
