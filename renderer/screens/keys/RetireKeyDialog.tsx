import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { useKeys } from '../../stores/keys';
import { retireKey } from '../../actions/keysRetire';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ModalActions, ModalDialog, ModalTitle } from '../../components/ModalDialog';

/** Retiring a key is final: the admin confirms with the key's SGC, KRN and KCV in front of them. */
export function RetireKeyDialog() {
  const { t } = useTranslation();
  const k = useKeys((s) => s.retiring);
  const [error, setError] = useState<Bilingual | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => { if (!busy) useKeys.getState().patch({ retiring: null }); };
  const confirm = async () => {
    setBusy(true);
    setError(await retireKey());
    setBusy(false);
  };
  return (
    <ModalDialog open={k !== null} prefix="day-dialog" testId="key-retire-dialog" titleId="key-retire-title" onOpen={() => setError(null)} onCancel={close} onSubmit={() => void confirm()}>
      {k && (
        <>
          <ModalTitle prefix="day-dialog" id="key-retire-title">{t('keys.retireTitle')}</ModalTitle>
          <p>
            SGC <bdi dir="ltr" className="mono">{k.sgc}</bdi> · KRN <bdi dir="ltr" className="mono">{k.krn}</bdi> · {t('keys.kcv')} <bdi dir="ltr" className="mono key-kcv">{k.kcv ?? '—'}</bdi>
          </p>
          <p className="result-note">{t('keys.retireWarning')}</p>
          <ErrorMessage message={error} />
          <ModalActions prefix="day-dialog" cancelLabel={t('approval.cancel')} onCancel={close} busy={busy}>
            <button type="submit" className="btn btn-danger" data-testid="key-retire-confirm" disabled={busy}>{t('keys.retireConfirm')}</button>
          </ModalActions>
        </>
      )}
    </ModalDialog>
  );
}
