import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';

/** Asks before deleting; a refusal (e.g. still used by a meter) stays in the dialog, in the language on screen. */
export function DeleteDialog({ open, title, body, run, onClose }: { open: boolean; title: string; body: string; run: () => Promise<unknown>; onClose: (deleted: boolean) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = (deleted: boolean) => {
    setError(null);
    onClose(deleted);
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
      close(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} danger testId="delete-dialog" title={title} onCancel={() => !busy && close(false)} onSubmit={() => void submit()}
      actions={<>
        <button type="button" className="btn" disabled={busy} onClick={() => close(false)}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-danger" disabled={busy} data-testid="delete-confirm">{t('masterData.delete')}</button>
      </>}>
      <p>{body}</p>
      <ErrorText error={error} />
    </Dialog>
  );
}
