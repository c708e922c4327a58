import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyLoadAnswer, VendingKeyView } from '../../../leases/console-wire';
import { loadVendingKeys, retireVendingKey } from '../actions/vending-keys';
import { Dialog } from '../components/Dialog';
import { ErrorText } from '../components/ErrorText';
import { dateTime } from '../lib/format';
import { useLang } from '../lib/lang';
import { useLoad } from '../lib/use-load';
import { LoadKeyDialog } from './LoadKeyDialog';
import '../styles/leases.css';

/** The supply groups' vending keys the head office holds (administrators): by check value, never the key. */
export function VendingKeysPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const keys = useLoad(loadVendingKeys);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState<KeyLoadAnswer | null>(null);
  const [retiring, setRetiring] = useState<VendingKeyView | null>(null);
  const [busy, setBusy] = useState(false);
  const [retireError, setRetireError] = useState<unknown>(null);

  const retire = async () => {
    if (!retiring) return;
    setBusy(true);
    setRetireError(null);
    try {
      await retireVendingKey(retiring.id);
      setRetiring(null);
      setLoaded(null);
      keys.reload();
    } catch (e) {
      setRetireError(e);
    } finally {
      setBusy(false);
    }
  };
  const stateTag = (k: VendingKeyView) => {
    if (k.state === 'retired') {
      return (
        <div className="lease-state">
          <span className="tag">{t('vendingKeys.state.retired')}</span>
          <span className="muted">{t('vendingKeys.retiredWhen', { when: dateTime(k.retiredAt, lang), by: k.retiredBy ?? t('common.none') })}</span>
        </div>
      );
    }
    return <span className={k.state === 'expired' ? 'tag tag-danger' : 'tag tag-ok'}>{t(`vendingKeys.state.${k.state}`)}</span>;
  };

  return (
    <section className="page" data-testid="keys-page">
      <header className="page-head">
        <div>
          <h1>{t('vendingKeys.title')}</h1>
          <p className="muted">{t('vendingKeys.intro')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn btn-small" onClick={keys.reload} disabled={keys.loading}>{t('common.refresh')}</button>
          <button type="button" className="btn btn-primary btn-small" data-testid="key-new" onClick={() => setLoading(true)}>{t('vendingKeys.loadButton')}</button>
        </div>
      </header>
      {loaded && (
        <p className="notice" role="status" data-testid="key-loaded">
          {loaded.replaced
            ? t('vendingKeys.loadedReplacing', { sgc: loaded.key.sgc, krn: loaded.key.krn, kcv: loaded.key.kcv, old: loaded.replaced.kcv })
            : t('vendingKeys.loaded', { sgc: loaded.key.sgc, krn: loaded.key.krn, kcv: loaded.key.kcv })}
        </p>
      )}
      <ErrorText error={keys.error} />
      {keys.data && keys.data.length === 0 && <p className="panel muted" data-testid="keys-empty">{t('vendingKeys.empty')}</p>}
      {keys.data && keys.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="keys-table">
            <thead>
              <tr>
                <th>SGC</th><th className="num">KRN</th><th className="num">{t('vendingKeys.keyType')}</th><th className="num">{t('vendingKeys.baseDate')}</th>
                <th>EA</th><th>DKGA</th><th>KCV</th><th>{t('vendingKeys.expires')}</th><th>{t('vendingKeys.loadedBy')}</th><th>{t('vendingKeys.stateTitle')}</th><th>{t('vendingKeys.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id} data-testid="key-row" data-kcv={k.kcv} data-state={k.state} className={k.state === 'retired' ? 'is-revoked' : undefined}>
                  <td><bdi className="mono" dir="ltr">{k.sgc}</bdi></td>
                  <td className="num">{k.krn}</td>
                  <td className="num">{k.keyType}</td>
                  <td className="num">{k.baseDate}</td>
                  <td><bdi dir="ltr">{k.ea}</bdi></td>
                  <td><bdi dir="ltr">{k.dkga}</bdi></td>
                  <td><bdi className="key-kcv" dir="ltr">{k.kcv}</bdi></td>
                  <td><bdi dir="ltr">{k.expiresOn ?? t('vendingKeys.noExpiry')}</bdi></td>
                  <td><bdi>{k.loadedBy}</bdi><br /><span className="muted">{dateTime(k.loadedAt, lang)}</span></td>
                  <td data-testid="key-state">{stateTag(k)}</td>
                  <td>{k.state !== 'retired' && (
                    <button type="button" className="btn btn-small btn-danger-outline" data-testid="key-retire" onClick={() => { setRetireError(null); setRetiring(k); }}>{t('vendingKeys.retire')}</button>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadKeyDialog open={loading} onClose={() => setLoading(false)} onLoaded={(a) => { setLoading(false); setLoaded(a); keys.reload(); }} />
      <Dialog open={retiring !== null} danger testId="retire-dialog" title={t('vendingKeys.retireTitle', { sgc: retiring?.sgc ?? '', krn: retiring?.krn ?? '', kcv: retiring?.kcv ?? '' })}
        onCancel={() => !busy && setRetiring(null)} onSubmit={() => void retire()}
        actions={<>
          <button type="button" className="btn" disabled={busy} onClick={() => setRetiring(null)}>{t('common.cancel')}</button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid="retire-confirm">{t('vendingKeys.retireConfirm')}</button>
        </>}>
        <p>{t('vendingKeys.retireBody')}</p>
        <ErrorText error={retireError} />
      </Dialog>
    </section>
  );
}
