import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MasterCustomerSchema, type MasterCustomer } from '../../../master-wire';
import { saveCustomer } from '../../actions/master-data';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { FormField } from './FormField';
import { schemaProblems, type FieldErrors } from './problems';

const blankNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Create a customer (customer === null) or change one; the key is the head office's and stays. */
export function CustomerDialog({ customer, onClose }: { customer: MasterCustomer | null; onClose: (saved: string | null) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({
    key: customer?.key ?? '', nameAr: customer?.nameAr ?? '', nameLatin: customer?.nameLatin ?? '', phone: customer?.phone ?? '', address: customer?.address ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const text = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  const submit = async () => {
    const c: MasterCustomer = { key: f.key.trim(), nameAr: f.nameAr.trim(), nameLatin: blankNull(f.nameLatin), phone: blankNull(f.phone), address: blankNull(f.address) };
    const problems = schemaProblems(MasterCustomerSchema, c, t, (p) => String(p[0]));
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await saveCustomer(c);
      onClose(c.key);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open testId="customer-dialog" title={customer ? t('masterData.customers.editTitle', { key: customer.key }) : t('masterData.customers.createTitle')}
      onCancel={() => !busy && onClose(null)} onSubmit={() => void submit()}
      actions={<>
        <button type="button" className="btn" disabled={busy} onClick={() => onClose(null)}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="customer-submit">{t('common.save')}</button>
      </>}>
      <ErrorText error={error} />
      <FormField id="cd-key" label={t('masterData.customers.key')} hint={t('masterData.customers.keyHint')} error={errors.key}>
        <input id="cd-key" className="input mono" dir="ltr" maxLength={64} autoFocus={!customer} readOnly={customer !== null} value={f.key} onChange={text('key')} />
      </FormField>
      <FormField id="cd-name-ar" label={t('masterData.customers.nameAr')} error={errors.nameAr}>
        <input id="cd-name-ar" className="input" dir="rtl" lang="ar" maxLength={120} value={f.nameAr} onChange={text('nameAr')} />
      </FormField>
      <FormField id="cd-name-latin" label={t('masterData.customers.nameLatin')} hint={t('masterData.optional')} error={errors.nameLatin}>
        <input id="cd-name-latin" className="input" dir="ltr" lang="en" maxLength={120} value={f.nameLatin} onChange={text('nameLatin')} />
      </FormField>
      <FormField id="cd-phone" label={t('masterData.customers.phone')} hint={t('masterData.optional')} error={errors.phone}>
        <input id="cd-phone" className="input" dir="ltr" type="tel" maxLength={24} value={f.phone} onChange={text('phone')} />
      </FormField>
      <FormField id="cd-address" label={t('masterData.customers.address')} hint={t('masterData.optional')} error={errors.address}>
        <input id="cd-address" className="input" maxLength={300} value={f.address} onChange={text('address')} />
      </FormField>
    </Dialog>
  );
}
