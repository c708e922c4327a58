import { useTranslation } from 'react-i18next';
import type { VendorSettingsView } from '../../../preload/contract';
import type { ShahnForm } from './forms';
import { VendorField } from './VendorField';

/** Shahn's own API: address, key (write-only), secret (write-only), merchant id, timeout and retries. */
export function ShahnFields({ view, form, bad, emptyDir, patch }: { view: VendorSettingsView; form: ShahnForm; bad: string[]; emptyDir: 'ltr' | 'rtl'; patch(p: Partial<ShahnForm>): void }) {
  const { t } = useTranslation();
  const v = view.vendor;
  const id = (field: string) => `vendor-${v}-${field}`;
  // A key or secret stored for XMLVend is not one for this API: nothing to keep when switching.
  const mine = view.protocol === 'shahn';
  return (
    <>
      <VendorField id={id('baseUrl')} label={t('vendors.baseUrl')} value={form.baseUrl} invalid={bad.includes('baseUrl')} placeholder="https://api.example.com" onChange={(baseUrl) => patch({ baseUrl })} />
      <div className="vendor-pair">
        <VendorField id={id('apiKey')} label={t('vendors.apiKey')} secret emptyDir={emptyDir} value={form.apiKey} invalid={bad.includes('apiKey')}
          placeholder={mine && view.hasKey ? (view.keyLast4 ? t('vendors.storedKey', { last4: `\u2066${view.keyLast4}\u2069` }) : t('vendors.stored')) : t('vendors.notStored')}
          onChange={(apiKey) => patch({ apiKey })} />
        <VendorField id={id('apiSecret')} label={t('vendors.apiSecret')} secret emptyDir={emptyDir} value={form.apiSecret} invalid={bad.includes('apiSecret')}
          placeholder={mine && view.hasSecret ? t('vendors.stored') : t('vendors.notStored')} onChange={(apiSecret) => patch({ apiSecret })} />
      </div>
      <div className={v === 'headOffice' ? 'vendor-pair' : 'vendor-triple'}>
        {v !== 'headOffice' && (
          <VendorField id={id('merchantId')} label={t('vendors.merchantId')} value={form.merchantId} invalid={bad.includes('merchantId')} onChange={(merchantId) => patch({ merchantId })} />
        )}
        <VendorField id={id('timeoutMs')} label={t('vendors.timeoutMs')} numeric value={form.timeoutMs} invalid={bad.includes('timeoutMs')} onChange={(timeoutMs) => patch({ timeoutMs })} />
        <VendorField id={id('retryAttempts')} label={t('vendors.retryAttempts')} numeric value={form.retryAttempts} invalid={bad.includes('retryAttempts')} onChange={(retryAttempts) => patch({ retryAttempts })} />
      </div>
    </>
  );
}
