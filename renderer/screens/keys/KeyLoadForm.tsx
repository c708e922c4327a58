import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, KeyAttributes, KeyEntry } from '../../../preload/contract';
import { putKey } from '../../actions/keysPut';
import { both } from '../../i18n';
import { ErrorMessage } from '../../components/ErrorMessage';

const HEX = /[^0-9a-fA-F]/g;
const BLANK: KeyAttributes = { sgc: '', krn: 1, keyType: 2, baseDate: 2014, ea: '07', dkga: '02', expiresAt: null };

/**
 * Admin: load a vending key with its certificate's attributes, typed twice (masked) or from a key
 * file. After loading only its key check value is shown, to compare with the certificate.
 */
export function KeyLoadForm() {
  const { t } = useTranslation();
  const [source, setSource] = useState<'typed' | 'file'>('typed');
  const [a, setA] = useState<KeyAttributes>(BLANK);
  const [key, setKey] = useState('');
  const [again, setAgain] = useState('');
  const [kcv, setKcv] = useState('');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [replace, setReplace] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const [conflict, setConflict] = useState(false);
  const [loaded, setLoaded] = useState<KeyEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (p: Partial<KeyAttributes>) => { setLoaded(null); setA({ ...a, ...p }); };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setLoaded(null);
    if (source === 'typed' && key !== again) return setError(both('keys.mismatch'));
    setBusy(true);
    const r = source === 'file'
      ? await putKey({ source: 'file', keyFile: file?.text ?? '', replace })
      : await putKey({ source: 'typed', ...a, sgc: a.sgc.trim(), vendingKeyHex: key, vendingKeyHexAgain: again, ...(kcv ? { expectedKcv: kcv } : {}), replace });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setConflict(r.code === 'CONFLICT');
      return;
    }
    // The key leaves the form as soon as it is stored: nothing of it stays on screen.
    setKey(''); setAgain(''); setKcv(''); setFile(null); setReplace(false); setError(null); setConflict(false);
    setLoaded(r.key);
  };
  const readFile = async (f: File | undefined) => {
    setLoaded(null);
    setError(null);
    setFile(f ? { name: f.name, text: await f.text() } : null);
  };
  const ready = source === 'file' ? file !== null : /^\d{6}$/.test(a.sgc.trim()) && key.length > 0 && again.length > 0;

  return (
    <form className="panel day-card keys-form" data-testid="key-form" onSubmit={(e) => void submit(e)} noValidate autoComplete="off">
      <h2 className="day-title">{t('keys.loadTitle')}</h2>
      <div className="keys-source" role="radiogroup" aria-label={t('keys.source')}>
        {(['typed', 'file'] as const).map((s) => (
          <label key={s} className="check">
            <input type="radio" name="key-source" data-testid={`key-source-${s}`} checked={source === s} onChange={() => { setSource(s); setError(null); setLoaded(null); }} /> {t(`keys.sources.${s}`)}
          </label>
        ))}
      </div>
      {source === 'typed' ? (
        <>
          <div className="day-row">
            <label className="field">
              <span className="field-label">SGC</span>
              <input className="input mono" dir="ltr" inputMode="numeric" maxLength={6} data-testid="key-sgc" value={a.sgc} onChange={(e) => edit({ sgc: e.target.value.replace(/\D/g, '') })} />
            </label>
            <label className="field">
              <span className="field-label">KRN</span>
              <select className="input" data-testid="key-krn" value={a.krn} onChange={(e) => edit({ krn: Number(e.target.value) })}>
                {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('keys.keyType')}</span>
              <select className="input" data-testid="key-type" value={a.keyType} onChange={(e) => edit({ keyType: Number(e.target.value) })}>
                {[0, 1, 2, 3].map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </label>
          </div>
          <div className="day-row">
            <label className="field">
              <span className="field-label">{t('keys.baseDate')}</span>
              <select className="input" data-testid="key-base-date" value={a.baseDate} onChange={(e) => edit({ baseDate: Number(e.target.value) as KeyAttributes['baseDate'] })}>
                {[1993, 2014, 2035].map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </label>
            <label className="field">
              <span className="field-label">EA</span>
              <select className="input" data-testid="key-ea" value={a.ea} onChange={(e) => edit({ ea: e.target.value as KeyAttributes['ea'] })}>
                <option value="07">07</option>
                <option value="11">11</option>
              </select>
            </label>
            <label className="field">
              <span className="field-label">DKGA</span>
              <select className="input" data-testid="key-dkga" value={a.dkga} onChange={(e) => edit({ dkga: e.target.value as KeyAttributes['dkga'] })}>
                <option value="02">02</option>
                <option value="04">04</option>
              </select>
            </label>
          </div>
          <label className="field">
            <span className="field-label">{t('keys.expiry')}</span>
            <input className="input" type="date" dir="ltr" data-testid="key-expires" value={a.expiresAt ?? ''} onChange={(e) => edit({ expiresAt: e.target.value || null })} />
            <span className="field-hint">{t('keys.expiryHint')}</span>
          </label>
          <label className="field">
            <span className="field-label">{t('keys.key')}</span>
            <input className="input mono" type="password" dir="ltr" spellCheck={false} autoComplete="off" maxLength={32} data-testid="key-hex" value={key} onChange={(e) => { setLoaded(null); setKey(e.target.value.replace(HEX, '')); }} />
            <span className="field-hint">{t('keys.keyHint')}</span>
          </label>
          <label className="field">
            <span className="field-label">{t('keys.keyAgain')}</span>
            <input className="input mono" type="password" dir="ltr" spellCheck={false} autoComplete="off" maxLength={32} data-testid="key-hex-again" value={again} onChange={(e) => { setLoaded(null); setAgain(e.target.value.replace(HEX, '')); }} />
          </label>
          <label className="field">
            <span className="field-label">{t('keys.expectedKcv')}</span>
            <input className="input mono key-kcv-input" dir="ltr" spellCheck={false} maxLength={6} data-testid="key-expected-kcv" value={kcv} onChange={(e) => setKcv(e.target.value.replace(HEX, '').toUpperCase())} />
            <span className="field-hint">{t('keys.expectedKcvHint')}</span>
          </label>
        </>
      ) : (
        <label className="field">
          <span className="field-label">{t('keys.file')}</span>
          <input className="input" type="file" accept=".txt,.key,text/plain" data-testid="key-file" onChange={(e) => void readFile(e.target.files?.[0])} />
          <span className="field-hint">{file ? <bdi dir="ltr">{file.name}</bdi> : t('keys.fileHint')}</span>
        </label>
      )}
      <label className="check">
        <input type="checkbox" data-testid="key-replace" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> {t('keys.replace')}
      </label>
      <ErrorMessage message={error} />
      {conflict && !replace && <p className="field-hint" data-testid="key-conflict-hint">{t('keys.conflictHint')}</p>}
      {loaded && (
        <p className="sync-ok keys-loaded" role="status" data-testid="key-loaded">
          {t('keys.loadedKcv', { sgc: loaded.sgc, krn: loaded.krn })} <bdi dir="ltr" className="mono key-kcv">{loaded.kcv}</bdi>
        </p>
      )}
      <div className="day-actions">
        <button type="submit" className="btn btn-primary" data-testid="key-submit" disabled={busy || !ready}>{t('keys.load')} <kbd dir="ltr">Enter</kbd></button>
      </div>
    </form>
  );
}
