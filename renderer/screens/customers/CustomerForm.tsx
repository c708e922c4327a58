import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, Customer } from '../../../preload/contract';
import { saveCustomer, type CustomerDraft } from '../../actions/customersSave';
import { openMeter } from '../../actions/customersMeter';
import { useCustomers } from '../../stores/customers';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useHeadOfficeOwned } from '../../stores/masterData';

const draftOf = (c: Customer | null): CustomerDraft => ({ nameAr: c?.nameAr ?? '', nameLatin: c?.nameLatin ?? '', phone: c?.phone ?? '', address: c?.address ?? '' });

/** Create or edit a customer, and reach their meters (edit one, add one). */
export function CustomerForm({ customer }: { customer: Customer | null }) {
  const { t } = useTranslation();
  const [d, setD] = useState(() => draftOf(customer));
  const [error, setError] = useState<Bilingual | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const owned = useHeadOfficeOwned();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const err = await saveCustomer(customer?.id ?? null, d);
    setBusy(false);
    setError(err);
    setSaved(err === null);
  };
  const field = (k: keyof CustomerDraft, ltr = false) => (
    <label className="field">
      <span className="field-label">{t(`customers.fields.${k}`)}</span>
      <input className="input" dir={ltr ? 'ltr' : undefined} data-testid={`customer-${k}`} value={d[k]} required={k === 'nameAr'}
        onChange={(e) => { setSaved(false); setD({ ...d, [k]: e.target.value }); }} />
    </label>
  );
  return (
    <form className="panel day-card" data-testid="customer-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="day-title">{owned ? t('customers.view') : customer ? t('customers.edit') : t('customers.new')}</h2>
      <fieldset className="plain-fieldset" disabled={owned}>
        {field('nameAr')}
        {field('nameLatin')}
        {field('phone', true)}
        {field('address')}
      </fieldset>
      <ErrorMessage message={error} />
      {!owned && <div className="day-actions">
        <button type="submit" className="btn btn-primary" data-testid="customer-save" disabled={busy || !d.nameAr.trim()}>{t('customers.save')} <kbd dir="ltr">Enter</kbd></button>
        {saved && <span className="sync-ok" role="status" data-testid="customer-saved">{t('customers.saved')}</span>}
      </div>}
      {customer && (
        <div className="customer-meter-list">
          <h3 className="field-label">{t('customers.meters')}</h3>
          {customer.meters.map((m) => (
            <button key={m.number} type="button" className="btn btn-small" data-testid="customer-meter" onClick={() => void openMeter(m.number, customer.id)}>
              <bdi dir="ltr" className="mono">{m.number}</bdi> · {t(`meter.kind.${m.kind}`)}{m.active ? '' : ` · ${t('customers.inactive')}`}
            </button>
          ))}
          {!owned && <button type="button" className="btn btn-small" data-testid="customer-add-meter"
            onClick={() => useCustomers.getState().patch({ panel: { kind: 'meter', meter: null, customerId: customer.id } })}>
            + {t('customers.addMeter')}
          </button>}
        </div>
      )}
    </form>
  );
}
