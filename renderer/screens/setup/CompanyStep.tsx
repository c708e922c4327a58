import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { saveStep } from '../../actions/setup';
import { useSetup } from '../../stores/setup';
import { SetupField, StepFrame } from './StepFrame';
import { useStepSave } from './useStepSave';

/** Who sells: printed at the top of every receipt in Arabic and English, with the address and tax number. */
export function CompanyStep() {
  const { t } = useTranslation();
  const saved = useSetup((s) => s.status?.saved?.company ?? null);
  const [name, setName] = useState<Bilingual>(saved?.name ?? { ar: '', en: '' });
  const [address, setAddress] = useState<Bilingual>(saved?.address ?? { ar: '', en: '' });
  const [taxNumber, setTaxNumber] = useState(saved?.taxNumber ?? '');
  const { busy, error, bad, run } = useStepSave();
  return (
    <StepFrame title={t('setup.company.title')} intro={t('setup.company.intro')} error={error} busy={busy} onNext={() => void run(() => saveStep('setup.saveCompany', { name, address, taxNumber }))}>
      <div className="setup-pair">
        <SetupField id="setup-company-name-ar" label={t('setup.company.nameAr')} dir="rtl" autoFocus invalid={bad.includes('name.ar') || bad.includes('name')} value={name.ar} onChange={(ar) => setName({ ...name, ar })} />
        <SetupField id="setup-company-name-en" label={t('setup.company.nameEn')} dir="ltr" invalid={bad.includes('name.en') || bad.includes('name')} value={name.en} onChange={(en) => setName({ ...name, en })} />
      </div>
      <div className="setup-pair">
        <SetupField id="setup-company-address-ar" label={t('setup.company.addressAr')} dir="rtl" invalid={bad.includes('address')} value={address.ar} onChange={(ar) => setAddress({ ...address, ar })} />
        <SetupField id="setup-company-address-en" label={t('setup.company.addressEn')} dir="ltr" invalid={bad.includes('address')} value={address.en} onChange={(en) => setAddress({ ...address, en })} />
      </div>
      <SetupField code id="setup-company-tax" label={t('setup.company.taxNumber')} hint={t('setup.company.taxHint')} dir="ltr" invalid={bad.includes('taxNumber')} value={taxNumber} onChange={setTaxNumber} />
    </StepFrame>
  );
}
