import { useTranslation } from 'react-i18next';
import { useCustomers } from '../../stores/customers';
import { dryRunImport, runImport } from '../../actions/customersImport';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ImportReport } from './ImportReport';

const COLUMNS = 'meter_number,kind,customer_name_ar,customer_name_latin,phone,address,schedule_code,group_code,sts_sgc,sts_ti,sts_krn,sts_key_type,sts_base_date,sts_ea,sts_dkga';

/** Paste or choose a CSV -> dry run (validation report) -> Import, only when the dry run is clean. */
export function CsvImport() {
  const { t } = useTranslation();
  const { csv, report, reportFor, imported, busy, error, patch } = useCustomers();
  const clean = report?.ok === true && reportFor === csv && !imported;
  const pick = async (file: File | undefined) => {
    if (file) patch({ csv: await file.text(), report: null, reportFor: null, imported: null });
  };
  return (
    <section className="panel day-card csv-import" aria-labelledby="csv-title">
      <h2 id="csv-title" className="day-title">{t('customers.import.title')}</h2>
      <p className="muted">{t('customers.import.intro')}</p>
      <p className="field-hint csv-columns" dir="ltr"><code>{COLUMNS}</code></p>
      <label className="field">
        <span className="field-label">{t('customers.import.file')}</span>
        <input type="file" accept=".csv,text/csv" data-testid="csv-file" onChange={(e) => void pick(e.target.files?.[0])} />
      </label>
      <label className="field">
        <span className="field-label">{t('customers.import.paste')}</span>
        <textarea className="input textarea mono" dir="ltr" rows={6} data-testid="csv-input" spellCheck={false} wrap="off" value={csv}
          onChange={(e) => patch({ csv: e.target.value, imported: null })} />
      </label>
      <div className="day-actions">
        <button type="button" className="btn btn-primary" data-testid="csv-dry-run" disabled={busy || !csv.trim()} onClick={() => void dryRunImport()}>
          {t('customers.import.dryRun')}
        </button>
        <button type="button" className="btn" data-testid="csv-import" disabled={busy || !clean} onClick={() => void runImport()}>
          {t('customers.import.run')}
        </button>
        {report && reportFor !== csv && !imported && <span className="muted">{t('customers.import.changed')}</span>}
      </div>
      <ErrorMessage message={error} />
      {imported ? <ImportReport report={imported} testId="csv-result" /> : report && <ImportReport report={report} testId="csv-report" />}
    </section>
  );
}
