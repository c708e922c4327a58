import { useTranslation } from 'react-i18next';
import type { Bilingual, VendorSettingsView } from '../../../preload/contract';
import { useSession } from '../../stores/session';
import { Choice } from '../printer/Choice';
import type { XmlVendForm } from './forms';
import { VendorField } from './VendorField';

/** The fields below that show main's sentence about themselves; any other refusal is shown whole. */
export const XMLVEND_SHOWN_ERRORS = ['url', 'clientId', 'terminalId', 'opName', 'password', 'currency', 'adviceWindowMs', 'timeoutMs', 'conlogVendingServerId'];

/**
 * An XMLVend 2.1 server, in the words of its utility's engineers: SOAP address, client ID (EAN),
 * terminal ID, operator and password (write-only), currency, SOAP version, advice window, and the
 * servers' extensions (Conlog's vending server ID, Hexing's login). Codes are typed left to right.
 */
export function XmlVendFields({ view, form, bad, errors, emptyDir, counterCurrency, patch }: {
  view: VendorSettingsView; form: XmlVendForm; bad: string[]; errors: Record<string, Bilingual>; emptyDir: 'ltr' | 'rtl'; counterCurrency: string; patch(p: Partial<XmlVendForm>): void;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `vendor-${view.vendor}-xmlvend-${field}`;
  const wrong = (field: string) => ({ invalid: bad.includes(field), error: errors[field] });
  const stored = view.protocol === 'xmlvend' && view.hasSecret;
  const currency = form.currency.trim().toUpperCase();
  const otherCurrency = /^[A-Z]{3}$/.test(currency) && /^[A-Z]{3}$/.test(counterCurrency) && counterCurrency !== 'XXX' && currency !== counterCurrency;
  return (
    <div className="xmlvend-fields" data-testid={id('fields')}>
      <div className="xmlvend-cols">
      <div className="xmlvend-col">
        <VendorField id={id('url')} label={t('vendorsXmlvend.url')} hint={t('vendorsXmlvend.urlHint')} {...wrong('url')} value={form.url}
          placeholder="https://vend.utility.example/xmlvend" onChange={(url) => patch({ url })} />
        <VendorField id={id('clientId')} label={t('vendorsXmlvend.clientId')} hint={t('vendorsXmlvend.clientIdHint')} numeric maxLength={13} {...wrong('clientId')}
          value={form.clientId} onChange={(clientId) => patch({ clientId })} />
        <div className="vendor-pair xmlvend-aligned">
          <VendorField id={id('terminalId')} label={t('vendorsXmlvend.terminalId')} maxLength={32} invalid={bad.includes('terminalId')} value={form.terminalId}
            onChange={(terminalId) => patch({ terminalId })} />
          <Choice name={id('terminalIdKind')} label={t('vendorsXmlvend.terminalIdKind')} value={form.terminalIdKind}
            options={[{ value: 'generic', label: t('vendorsXmlvend.kind.generic') }, { value: 'ean', label: t('vendorsXmlvend.kind.ean') }]}
            onChange={(terminalIdKind) => patch({ terminalIdKind })} />
        </div>
        {/* Under the pair, not inside it: a sentence under one box would push it out of line with its neighbour. */}
        <Sentences errors={[errors.terminalId]} hint={t('vendorsXmlvend.terminalIdHint')} />
        <div className="vendor-pair">
          <VendorField id={id('opName')} label={t('vendorsXmlvend.opName')} hint={t('vendorsXmlvend.opNameHint')} maxLength={10} {...wrong('opName')}
            value={form.opName} onChange={(opName) => patch({ opName })} />
          <VendorField id={id('password')} label={t('vendorsXmlvend.password')} hint={t('vendorsXmlvend.passwordHint')} secret emptyDir={emptyDir} {...wrong('password')}
            value={form.password} placeholder={stored ? t('vendors.stored') : t('vendors.notStored')} onChange={(password) => patch({ password })} />
        </div>
      </div>
      <div className="xmlvend-col">
        <div className="vendor-pair xmlvend-aligned">
          <VendorField id={id('currency')} label={t('vendorsXmlvend.currency')} maxLength={3} invalid={bad.includes('currency')} value={form.currency}
            placeholder="LYD" onChange={(c) => patch({ currency: c })} />
          <Choice name={id('soapVersion')} label={t('vendorsXmlvend.soapVersion')} value={form.soapVersion}
            options={[{ value: '1.1', label: 'SOAP 1.1' }, { value: '1.2', label: 'SOAP 1.2' }]} onChange={(soapVersion) => patch({ soapVersion })} />
        </div>
        {otherCurrency && !errors.currency ? (
          <span className="field-hint xmlvend-warn" role="status" data-testid={id('currency-warning')}>
            {t('vendorsXmlvend.currencyMismatch', { server: `\u2066${currency}\u2069`, counter: `\u2066${counterCurrency}\u2069` })}
          </span>
        ) : (
          <Sentences errors={[errors.currency]} hint={t('vendorsXmlvend.currencyHint')} />
        )}
        <div className="xmlvend-advice">
          <VendorField id={id('advice')} label={t('vendorsXmlvend.adviceWindow')} numeric maxLength={10} invalid={bad.includes('adviceWindowMs')}
            value={form.advice} onChange={(advice) => patch({ advice })} />
          <Choice name={id('adviceUnit')} label={t('vendorsXmlvend.adviceUnit')} value={form.adviceUnit}
            options={[{ value: 'hours', label: t('vendorsXmlvend.unit.hours') }, { value: 'minutes', label: t('vendorsXmlvend.unit.minutes') }]}
            onChange={(adviceUnit) => patch({ adviceUnit })} />
        </div>
        <Sentences errors={[errors.adviceWindowMs]} hint={t('vendorsXmlvend.adviceHint')} />
        <div className="vendor-pair">
          <VendorField id={id('timeoutMs')} label={t('vendors.timeoutMs')} hint={t('vendorsXmlvend.timeoutHint')} numeric {...wrong('timeoutMs')} value={form.timeoutMs}
            onChange={(timeoutMs) => patch({ timeoutMs })} />
        </div>
        <fieldset className="xmlvend-extensions">
          <legend className="xmlvend-section">{t('vendorsXmlvend.extensions')}</legend>
          <VendorField id={id('conlogVendingServerId')} label={t('vendorsXmlvend.conlog')} hint={t('vendorsXmlvend.conlogHint')} numeric maxLength={9}
            {...wrong('conlogVendingServerId')} value={form.conlogVendingServerId} onChange={(conlogVendingServerId) => patch({ conlogVendingServerId })} />
          <label className="xmlvend-check">
            <input type="checkbox" data-testid={id('hexingLogin')} checked={form.hexingLogin} aria-describedby={id('hexingLogin-hint')}
              onChange={(e) => patch({ hexingLogin: e.target.checked })} />
            <span>
              <strong>{t('vendorsXmlvend.hexingLogin')}</strong>
              <span className="field-hint" id={id('hexingLogin-hint')}>{t('vendorsXmlvend.hexingHint')}</span>
            </span>
          </label>
        </fieldset>
      </div>
      </div>
    </div>
  );
}

/** The hint under a row of fields, or main's sentences about the fields of that row that it refused. */
function Sentences({ errors, hint }: { errors: Array<Bilingual | undefined>; hint: string }) {
  const lang = useSession((s) => s.lang);
  const shown = errors.filter((e): e is Bilingual => e !== undefined);
  if (shown.length === 0) return <span className="field-hint xmlvend-hint-row">{hint}</span>;
  return (
    <>
      {shown.map((e) => (
        <span key={e.en} className="field-hint xmlvend-hint-row vendor-field-sentence" title={lang === 'ar' ? e.en : e.ar}>
          {e[lang]}
        </span>
      ))}
    </>
  );
}
