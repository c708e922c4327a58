import { useTranslation } from 'react-i18next';
import { useCustomers } from '../../stores/customers';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CustomerSearch } from './CustomerSearch';
import { CustomerForm } from './CustomerForm';
import { MeterForm } from './MeterForm';
import { BulkImport } from './BulkImport';
import { HeadOfficeNote } from '../../components/HeadOfficeNote';
import { useHeadOfficeOwned } from '../../stores/masterData';
import '../../styles/day.css';

/** Customers and meters (supervisor): search, create/edit, import of customers and meters (CSV or .xlsx) with a dry run. */
export function CustomersScreen() {
  const { t } = useTranslation();
  const panel = useCustomers((s) => s.panel);
  const error = useCustomers((s) => s.error);
  const patch = useCustomers((s) => s.patch);
  // Enrolled with a head office: customers and meters are looked at here, edited there.
  const owned = useHeadOfficeOwned();
  const key = panel?.kind === 'customer' ? `c${panel.customer?.id ?? 'new'}:${panel.customer?.updatedAt ?? ''}:${panel.customer?.meters.length ?? 0}`
    : panel?.kind === 'meter' ? `m${panel.meter?.number ?? 'new'}` : 'x';
  return (
    <main className="day">
      <HeadOfficeNote />
      {!owned && <div className="day-actions">
        <button type="button" className="btn" data-testid="customer-new" onClick={() => patch({ panel: { kind: 'customer', customer: null } })}>+ {t('customers.new')}</button>
        <button type="button" className="btn" data-testid="meter-new" onClick={() => patch({ panel: { kind: 'meter', meter: null, customerId: null } })}>+ {t('customers.newMeter')}</button>
        <button type="button" className="btn" data-testid="csv-open" onClick={() => patch({ panel: { kind: 'import' } })}>{t('customers.import.title')}</button>
      </div>}
      {/* The import panel shows its own errors beside its buttons. */}
      <ErrorMessage message={panel?.kind === 'import' ? null : error} />
      <div className={panel?.kind === 'import' ? 'day-stack' : 'day-split'}>
        <CustomerSearch />
        <div key={key}>
          {panel?.kind === 'customer' && <CustomerForm customer={panel.customer} />}
          {panel?.kind === 'meter' && <MeterForm meter={panel.meter} customerId={panel.customerId} />}
          {panel?.kind === 'import' && <BulkImport />}
          {!panel && <p className="muted day-empty">{t('customers.pickHint')}</p>}
        </div>
      </div>
    </main>
  );
}
