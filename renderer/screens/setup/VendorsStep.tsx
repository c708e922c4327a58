import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorSettingsView } from '../../../preload/contract';
import { saveStep } from '../../actions/setup';
import { invoke } from '../../transport';
import { useSetup } from '../../stores/setup';
import { VendorCard, type VendorCardCalls } from '../vendors/VendorCard';
import { StepFrame } from './StepFrame';
import { useStepSave } from './useStepSave';
import '../../styles/vendors.css';

const SETUP_CALLS: VendorCardCalls = {
  save: (vendor, settings) => invoke('setup.saveVendor', { vendor, settings: settings! }),
  test: (vendor) => invoke('setup.testVendor', { vendor }),
  canReset: false,
};

/** The STS vendor, the Acrel cloud and the head office, each saved and tested as in Settings > Vendors; or offline only. */
export function VendorsStep() {
  const { t } = useTranslation();
  const saved = useSetup((s) => s.status?.saved?.vendors ?? null);
  const [views, setViews] = useState<VendorSettingsView[]>(saved?.views ?? []);
  const [offlineOnly, setOfflineOnly] = useState(saved?.offlineOnly ?? false);
  const { busy, error, run } = useStepSave();
  return (
    <StepFrame title={t('setup.vendors.title')} intro={t('setup.vendors.intro')} error={error} busy={busy} onNext={() => void run(() => saveStep('setup.finishVendors', { offlineOnly }))}
      aside={!offlineOnly && (
        <div className="vendors-grid setup-vendors">
          {views.map((v) => (
            <VendorCard key={v.vendor} view={v} canSave calls={SETUP_CALLS} onSaved={(next) => setViews(views.map((x) => (x.vendor === next.vendor ? next : x)))} />
          ))}
        </div>
      )}>
      <label className={`setup-offline ${offlineOnly ? 'is-on' : ''}`}>
        <input type="checkbox" data-testid="setup-offline-only" checked={offlineOnly} onChange={(e) => setOfflineOnly(e.target.checked)} />
        <span>
          <strong>{t('setup.vendors.offlineOnly')}</strong>
          <span className="field-hint">{t('setup.vendors.offlineOnlyHint')}</span>
        </span>
      </label>
    </StepFrame>
  );
}
