import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, VendorName, VendorProtocol, VendorSettingsInput, VendorSettingsView, VendorTestResult } from '../../../preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormat } from '../../hooks/useFormat';
import { invoke, toFailure } from '../../transport';
import { fieldErrors } from './fieldErrors';
import { Choice } from '../printer/Choice';
import { settingsInput, shahnForm, xmlvendForm, type ShahnForm, type XmlVendForm } from './forms';
import { ShahnFields } from './ShahnFields';
import { TestResult } from './TestResult';
import { XMLVEND_SHOWN_ERRORS, XmlVendFields } from './XmlVendFields';

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

/**
 * One vendor: its address, key (write-only), secret (write-only), merchant id, timeout and retries;
 * Test and Save. The STS vendor may instead be an XMLVend 2.1 server, with that server's fields.
 */
export function VendorCard({ view, canSave, onSaved, calls = SETTINGS_CALLS }: { view: VendorSettingsView; canSave: boolean; onSaved(v: VendorSettingsView): void; calls?: VendorCardCalls }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [protocol, setProtocol] = useState<VendorProtocol>(view.protocol);
  const [form, setForm] = useState<ShahnForm>(() => shahnForm(view));
  const [xform, setXform] = useState<XmlVendForm>(() => xmlvendForm(view, f.currency));
  const [busy, setBusy] = useState<'save' | 'reset' | 'test' | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const [bad, setBad] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, Bilingual>>({});
  const [saved, setSaved] = useState(false);
  const [test, setTest] = useState<VendorTestResult | null>(null);
  const v = view.vendor;
  const id = (field: string) => `vendor-${v}-${field}`;
  const patch = (p: Partial<ShahnForm>) => {
    setForm({ ...form, ...p });
    setSaved(false);
  };
  const patchX = (p: Partial<XmlVendForm>) => {
    setXform({ ...xform, ...p });
    setSaved(false);
  };
  const choose = (p: VendorProtocol) => {
    setProtocol(p);
    setBad([]);
    setErrors({});
    setError(null);
    setSaved(false);
    setTest(null);
  };

  const save = async (reset: boolean) => {
    setBusy(reset ? 'reset' : 'save');
    setError(null);
    setBad([]);
    setErrors({});
    setSaved(false);
    try {
      const settings: VendorSettingsInput | null = reset ? null : settingsInput(protocol, form, xform, view.retryAttempts);
      const next = await calls.save(v, settings);
      onSaved(next);
      setProtocol(next.protocol);
      setForm(shahnForm(next));
      setXform(xmlvendForm(next, f.currency));
      setSaved(true);
      setTest(null);
    } catch (e) {
      const fail = toFailure(e).error;
      setBad(fail.code === 'BAD_INPUT' ? (fail.issues ?? []) : []);
      // XMLVend: each refused field says why under itself, and the card says what to do.
      const byField = protocol === 'xmlvend' && !reset ? fieldErrors(fail) : null;
      if (byField && Object.keys(byField).every((k) => XMLVEND_SHOWN_ERRORS.includes(k))) {
        setErrors(byField);
        setError({ en: t('vendorsXmlvend.fixMarked', { lng: 'en' }), ar: t('vendorsXmlvend.fixMarked', { lng: 'ar' }) });
      } else {
        setError(fail.message);
      }
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
  const unsavedProtocol = protocol !== view.protocol;
  return (
    <form className={`vendor-card panel protocol-${protocol}`} data-testid={`vendor-${v}`} onSubmit={(e) => { e.preventDefault(); void save(false); }}>
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
        {v === 'sts' && (
          <>
            <Choice name={id('protocol')} label={t('vendorsXmlvend.protocol')} value={protocol}
              options={[{ value: 'shahn', label: t('vendorsXmlvend.protocols.shahn') }, { value: 'xmlvend', label: t('vendorsXmlvend.protocols.xmlvend') }]}
              onChange={choose} />
            <span className="field-hint xmlvend-hint-row">{t(`vendorsXmlvend.protocolHint.${protocol}`)}</span>
          </>
        )}
        {protocol === 'xmlvend' ? (
          <XmlVendFields view={view} form={xform} bad={bad} errors={errors} emptyDir={emptyDir} counterCurrency={f.currency} patch={patchX} />
        ) : (
          <ShahnFields view={view} form={form} bad={bad} emptyDir={emptyDir} patch={patch} />
        )}
      </fieldset>
      <ErrorMessage message={error} />
      {saved && <p className="vendor-note" role="status" data-testid={id('saved')}>{t('vendors.savedNote')}</p>}
      <TestResult result={test} />
      <div className="vendor-actions">
        {/* The test asks with the settings in force: a protocol chosen but not saved is not them yet. */}
        {unsavedProtocol && <span className="field-hint vendor-test-hint" data-testid={id('save-first')}>{t('vendorsXmlvend.saveFirst')}</span>}
        <button type="button" className="btn" data-testid={id('test')} disabled={busy !== null || unsavedProtocol} aria-busy={busy === 'test'} onClick={() => void runTest()}>
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
