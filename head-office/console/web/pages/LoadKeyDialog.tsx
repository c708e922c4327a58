import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KEY_FILE_MAX, type KeyFileCheck, type KeyLoadAnswer } from '../../../leases/console-wire';
import { checkKeyFile, loadKeyFile } from '../actions/vending-keys';
import { Dialog } from '../components/Dialog';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { dateTime } from '../lib/format';
import { useLang } from '../lib/lang';

/**
 * Loads a supply group's vending key from a key file (the format `load-key` reads): first the file
 * is checked at the head office and its key's check value shown, to compare with the key
 * certificate; the administrator types the certificate's KCV to confirm, and says so when the key
 * replaces the one in use. The file's text lives in this dialog only until it closes.
 */
export function LoadKeyDialog({ open, onClose, onLoaded }: { open: boolean; onClose: () => void; onLoaded: (a: KeyLoadAnswer) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<KeyFileCheck | null>(null);
  const [kcv, setKcv] = useState('');
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reset = () => {
    setText('');
    setChecked(null);
    setKcv('');
    setReplace(false);
    setError(null);
  };
  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    if (f.size > KEY_FILE_MAX) {
      setError(t('vendingKeys.fileTooBig', { max: KEY_FILE_MAX }));
      return;
    }
    setError(null);
    setText(await f.text());
  };
  const step = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!checked) {
        setChecked(await checkKeyFile(text));
      } else {
        const answer = await loadKeyFile(text, kcv, replace);
        reset();
        onLoaded(answer);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const a = checked?.attributes;
  return (
    <Dialog open={open} testId="load-key-dialog" title={checked ? t('vendingKeys.confirmTitle') : t('vendingKeys.loadTitle')} onCancel={close} onSubmit={() => void step()}
      actions={<>
        {checked
          ? <button type="button" className="btn" disabled={busy} onClick={() => { setChecked(null); setError(null); }}>{t('vendingKeys.back')}</button>
          : <button type="button" className="btn" disabled={busy} onClick={close}>{t('common.cancel')}</button>}
        {checked
          ? <button type="submit" className="btn btn-primary" disabled={busy || (checked.inUse !== null && !replace)} data-testid="key-load">{checked.inUse ? t('vendingKeys.loadReplace') : t('vendingKeys.load')}</button>
          : <button type="submit" className="btn btn-primary" disabled={busy || text.trim() === ''} data-testid="key-check">{t('vendingKeys.check')}</button>}
      </>}>
      {!checked && (
        <>
          <p className="muted">{t('vendingKeys.loadIntro')}</p>
          <Field id="key-file" label={t('vendingKeys.file')}>
            <input id="key-file" type="file" accept=".key,.txt,text/plain" data-testid="key-file" onChange={(e) => void pick(e)} />
          </Field>
          <Field id="key-text" label={t('vendingKeys.text')} hint={t('vendingKeys.textHint')}>
            <textarea id="key-text" className="input key-file-text" dir="ltr" spellCheck={false} autoComplete="off" maxLength={KEY_FILE_MAX} data-testid="key-text"
              value={text} onChange={(e) => setText(e.target.value)} aria-describedby="key-text-hint" />
          </Field>
        </>
      )}
      {checked && a && (
        <>
          <dl className="key-check" data-testid="key-attributes">
            <dt>SGC</dt><dd><bdi dir="ltr">{a.sgc}</bdi></dd>
            <dt>KRN</dt><dd>{a.krn}</dd>
            <dt>{t('vendingKeys.keyType')}</dt><dd>{a.keyType}</dd>
            <dt>{t('vendingKeys.baseDate')}</dt><dd>{a.baseDate}</dd>
            <dt>EA / DKGA</dt><dd><bdi dir="ltr">EA{a.ea} · DKGA{a.dkga}</bdi></dd>
            <dt>{t('vendingKeys.expires')}</dt><dd>{a.expiresOn ?? t('vendingKeys.noExpiry')}</dd>
          </dl>
          <p>{t('vendingKeys.kcvIs')}</p>
          <p className="key-kcv-big" dir="ltr" data-testid="key-kcv">{checked.kcv}</p>
          {checked.fileKcv && <p className="muted">{t('vendingKeys.fileKcvMatches', { kcv: checked.fileKcv })}</p>}
          <Field id="key-cert-kcv" label={t('vendingKeys.certificateKcv')} hint={t('vendingKeys.certificateKcvHint')}>
            <input id="key-cert-kcv" className="input key-kcv" dir="ltr" required minLength={6} maxLength={6} pattern="[0-9A-Fa-f]{6}" autoComplete="off" autoFocus
              data-testid="key-cert-kcv" value={kcv} onChange={(e) => setKcv(e.target.value.toUpperCase())} aria-describedby="key-cert-kcv-hint" />
          </Field>
          {checked.inUse && (
            <div className="notice" data-testid="key-in-use">
              <p>{t('vendingKeys.inUse', { kcv: checked.inUse.kcv, by: checked.inUse.loadedBy, when: dateTime(checked.inUse.loadedAt, lang) })}</p>
              <label className="check-row">
                <input type="checkbox" data-testid="key-replace" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
                <span>{t('vendingKeys.replaceIt', { kcv: checked.inUse.kcv })}</span>
              </label>
            </div>
          )}
        </>
      )}
      <ErrorText error={error} />
    </Dialog>
  );
}
