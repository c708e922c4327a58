import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, VendorSettingsView } from '../../../preload/contract';
import { enrolHeadOffice } from '../../actions/vendorsEnrol';
import { ErrorMessage } from '../../components/ErrorMessage';
import { VendorField } from './VendorField';

/**
 * "Enrol with a code", under the head office card (admins): the head office's address and the
 * one-time code made there. The key and secret it answers are saved as the head office settings.
 */
export function HeadOfficeEnrol({ view, onEnrolled }: { view: VendorSettingsView; onEnrolled(v: VendorSettingsView): void }) {
  const { t } = useTranslation();
  const [baseUrl, setBaseUrl] = useState(view.baseUrl ?? '');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const [bad, setBad] = useState<string[]>([]);
  const [done, setDone] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    setBad([]);
    setDone(false);
    const r = await enrolHeadOffice(baseUrl, code);
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      setBad(r.fields);
      return;
    }
    setCode('');
    setDone(true);
    onEnrolled(r.view);
  };

  return (
    <form className="vendor-card panel enrol-card" data-testid="enrol-headOffice" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <header className="vendor-card-head">
        <h2 className="vendor-name">{t('headOfficeEnrol.title')}</h2>
      </header>
      <p className="field-hint enrol-intro">{t('headOfficeEnrol.intro')}</p>
      <fieldset className="vendor-fields" disabled={busy}>
        <VendorField id="enrol-baseUrl" label={t('headOfficeEnrol.baseUrl')} value={baseUrl} invalid={bad.includes('baseUrl')} placeholder="https://head-office.example.com" onChange={setBaseUrl} />
        <VendorField id="enrol-code" label={t('headOfficeEnrol.code')} value={code} invalid={bad.includes('code')} placeholder="K7QX-M2PD-9HWT-C4RZ" maxLength={64}
          hint={t('headOfficeEnrol.codeHint')} onChange={(c) => { setCode(c.toUpperCase()); setDone(false); }} />
      </fieldset>
      <ErrorMessage message={error} />
      {done && <p className="vendor-note" role="status" data-testid="enrol-done">{t('headOfficeEnrol.done')}</p>}
      <div className="vendor-actions">
        <button type="submit" className="btn btn-primary" data-testid="enrol-submit" disabled={busy || code.trim() === ''} aria-busy={busy}>
          {busy ? t('headOfficeEnrol.enrolling') : t('headOfficeEnrol.enrol')}
        </button>
      </div>
    </form>
  );
}
