import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, VendorName, VendorSettingsInput, VendorSettingsView, VendorTestResult } from '../../../preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormat } from '../../hooks/useFormat';
import { invoke, toFailure } from '../../transport';
import { normalizeDigits } from '../../lib/money';
import { TestResult } from './TestResult';
import { VendorField } from './VendorField';

const toForm = (v: VendorSettingsView) => ({
  baseUrl: v.baseUrl ?? '',
  apiKey: '',
  apiSecret: '',
  merchantId: v.merchantId ?? '',
  timeoutMs: String(v.timeoutMs),
  retryAttempts: String(v.retryAttempts),
});
type Form = ReturnType<typeof toForm>;
const whole = (s: string) => {
  const t = normalizeDigits(s).trim();
  return /^\d{1,7}$/.test(t) ? Number(t) : -1;
};

/** Where a card saves and tests: Settings > Vendors, or the first run (which has no "back to the start-up settings"). */
export interface VendorCardCalls {
  save(vendor: VendorName, settings: VendorSettingsInput | null): Promise<VendorSettingsView>;
  test(vendor: VendorName): Promise<VendorTestResult>;
  canReset: boolean;
}
const SETTINGS_CALLS: VendorCardCalls = {
  save: (vendor, settings) => invoke('vendors.saveSettings', { vendor, settings }),
  test: (vendor) => invoke('vendors.testConnection', { vendor }),
  canReset: true,
};

/** One vendor: its address, key (write-only), secret (write-only), merchant id, timeout and retries; Test and Save. */
export function VendorCard({ view, canSave, onSaved, calls = SETTINGS_CALLS }: { view: VendorSettingsView; canSave: boolean; onSaved(v: VendorSettingsView): void; calls?: VendorCardCalls }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [form, setForm] = useState<Form>(() => toForm(view));
  const [busy, setBusy] = useState<'save' | 'reset' | 'test' | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const [bad, setBad] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [test, setTest] = useState<VendorTestResult | null>(null);
  const v = view.vendor;
  const id = (field: string) => `vendor-${v}-${field}`;
  const patch = (p: Partial<Form>) => {
    setForm({ ...form, ...p });
    setSaved(false);
  };

  const save = async (reset: boolean) => {
    setBusy(reset ? 'reset' : 'save');
    setError(null);
    setBad([]);
    setSaved(false);
    try {
      const settings: VendorSettingsInput | null = reset
        ? null
        : { baseUrl: form.baseUrl, apiKey: form.apiKey, apiSecret: form.apiSecret, merchantId: form.merchantId, timeoutMs: whole(form.timeoutMs), retryAttempts: whole(form.retryAttempts) };
      const next = await calls.save(v, settings);
      onSaved(next);
      setForm(toForm(next));
      setSaved(true);
      setTest(null);
    } catch (e) {
      const fail = toFailure(e).error;
      setError(fail.message);
      setBad(fail.code === 'BAD_INPUT' ? (fail.issues ?? []) : []);
    } finally {
      setBusy(null);
    }
  };

  const runTest = async () => {
    setBusy('test');
    setTest(null);
    setError(null);
    setSaved(false); // the test's answer replaces the "saved" note
    try {
      setTest(await calls.test(v));
    } catch (e) {
      setError(toFailure(e).error.message);
    } finally {
      setBusy(null);
    }
  };

  // An empty secret box shows its placeholder in the screen's direction; what is typed is Latin, left to right.
  const emptyDir = f.lang === 'ar' ? 'rtl' : 'ltr';
  return (
    <form className="vendor-card panel" data-testid={`vendor-${v}`} onSubmit={(e) => { e.preventDefault(); void save(false); }}>
      <header className="vendor-card-head">
        <h2 className="vendor-name">{t(`vendors.names.${v}`)}</h2>
        <span className={`vendor-source source-${view.source}`} data-testid={id('source')}>
          {t(`vendors.source.${view.source}`)}
          {view.updatedAt && <> · <bdi>{f.dateTime(view.updatedAt)}</bdi></>}
          {canSave && calls.canReset && view.source === 'saved' && (
            <>
              {' · '}
              <button type="button" className="btn-link vendor-reset" data-testid={id('reset')} disabled={busy !== null} title={t('vendors.resetHint')} onClick={() => void save(true)}>
                {t('vendors.reset')}
              </button>
            </>
          )}
        </span>
      </header>
      <fieldset className="vendor-fields" disabled={!canSave || busy !== null}>
        <VendorField id={id('baseUrl')} label={t('vendors.baseUrl')} value={form.baseUrl} invalid={bad.includes('baseUrl')} placeholder="https://api.example.com" onChange={(baseUrl) => patch({ baseUrl })} />
        <div className="vendor-pair">
          <VendorField id={id('apiKey')} label={t('vendors.apiKey')} secret emptyDir={emptyDir} value={form.apiKey} invalid={bad.includes('apiKey')}
            placeholder={view.hasKey ? (view.keyLast4 ? t('vendors.storedKey', { last4: `\u2066${view.keyLast4}\u2069` }) : t('vendors.stored')) : t('vendors.notStored')}
            onChange={(apiKey) => patch({ apiKey })} />
          <VendorField id={id('apiSecret')} label={t('vendors.apiSecret')} secret emptyDir={emptyDir} value={form.apiSecret} invalid={bad.includes('apiSecret')}
            placeholder={view.hasSecret ? t('vendors.stored') : t('vendors.notStored')} onChange={(apiSecret) => patch({ apiSecret })} />
        </div>
        <div className={v === 'headOffice' ? 'vendor-pair' : 'vendor-triple'}>
          {v !== 'headOffice' && (
            <VendorField id={id('merchantId')} label={t('vendors.merchantId')} value={form.merchantId} invalid={bad.includes('merchantId')} onChange={(merchantId) => patch({ merchantId })} />
          )}
          <VendorField id={id('timeoutMs')} label={t('vendors.timeoutMs')} numeric value={form.timeoutMs} invalid={bad.includes('timeoutMs')} onChange={(timeoutMs) => patch({ timeoutMs })} />
          <VendorField id={id('retryAttempts')} label={t('vendors.retryAttempts')} numeric value={form.retryAttempts} invalid={bad.includes('retryAttempts')} onChange={(retryAttempts) => patch({ retryAttempts })} />
        </div>
      </fieldset>
      <ErrorMessage message={error} />
      {saved && <p className="vendor-note" role="status" data-testid={id('saved')}>{t('vendors.savedNote')}</p>}
      <TestResult result={test} />
      <div className="vendor-actions">
        <button type="button" className="btn" data-testid={id('test')} disabled={busy !== null} aria-busy={busy === 'test'} onClick={() => void runTest()}>
          {busy === 'test' ? t('vendors.testing') : t('vendors.test')}
        </button>
        {canSave && (
          <button type="submit" className="btn btn-primary" data-testid={id('save')} disabled={busy !== null}>
            {busy === 'save' ? t('vendors.saving') : t('vendors.save')}
          </button>
        )}
      </div>
    </form>
  );
}
