import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, VendorSettingsView } from '../../../preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSession } from '../../stores/session';
import { invoke, toFailure } from '../../transport';
import { HeadOfficeEnrol } from './HeadOfficeEnrol';
import { VendorCard } from './VendorCard';
import '../../styles/vendors.css';

/** Settings > Vendors (supervisors read and test, admins save): where each vendor's API is and how to sign in to it. */
export function VendorsScreen() {
  const { t } = useTranslation();
  const admin = useSession((s) => s.user?.role === 'admin');
  const [views, setViews] = useState<VendorSettingsView[] | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  // An enrolment replaces the head office settings from outside its card: the card starts afresh.
  const [enrolments, setEnrolments] = useState(0);
  const replace = (next: VendorSettingsView) => setViews((vs) => vs && vs.map((x) => (x.vendor === next.vendor ? next : x)));

  useEffect(() => {
    invoke('vendors.settings', {})
      .then(setViews)
      .catch((e: unknown) => setError(toFailure(e).error.message));
  }, []);

  return (
    <main className="vendors-screen" data-testid="vendors-screen">
      <header className="vendors-head">
        <h1 className="vendors-title">{t('vendors.title')}</h1>
        <p className="muted">{t('vendors.intro')}</p>
        {!admin && <p className="vendors-readonly" data-testid="vendors-readonly">{t('vendors.adminOnly')}</p>}
      </header>
      <ErrorMessage message={error} />
      {views ? (
        <div className="vendors-grid">
          {views.map((v) =>
            v.vendor === 'headOffice' && admin ? (
              <div className="vendor-stack" key={v.vendor}>
                <VendorCard key={enrolments} view={v} canSave={admin} onSaved={replace} />
                <HeadOfficeEnrol view={v} onEnrolled={(next) => { replace(next); setEnrolments((n) => n + 1); }} />
              </div>
            ) : (
              <VendorCard key={v.vendor} view={v} canSave={admin} onSaved={replace} />
            ),
          )}
        </div>
      ) : (
        !error && <p className="muted">{t('app.loading')}</p>
      )}
    </main>
  );
}
