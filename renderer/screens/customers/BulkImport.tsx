import { useTranslation } from 'react-i18next';
import { useCustomers } from '../../stores/customers';
import { dryRunImport, runImport } from '../../actions/customersImport';
import { chooseImportFile, clearImportFile } from '../../actions/customersImportFile';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormat } from '../../hooks/useFormat';
import { ImportReport } from './ImportReport';

const COLUMNS = 'meter_number,kind,customer_name_ar,customer_name_latin,phone,address,schedule_code,group_code,sts_sgc,sts_ti,sts_krn,sts_key_type,sts_base_date,sts_ea,sts_dkga';

/**
 * Customers with their meters in bulk: choose an .xlsx or CSV file (or paste CSV) -> dry run (the
 * report of every refused row) -> Import, offered only when the dry run of exactly this file is clean.
 */
export function BulkImport() {
  const { t } = useTranslation();
  const { whole } = useFormat();
  const { csv, file, report, reportFor, imported, busy, error, patch } = useCustomers();
  const source = file ?? csv;
  const clean = report?.ok === true && reportFor === source && !imported;
  return (
    <section className="panel day-card csv-import" aria-labelledby="csv-title">
      <h2 id="csv-title" className="day-title">{t('customers.import.title')}</h2>
      <p className="muted">{t('customers.import.intro')}</p>
      <p className="field-hint csv-columns" dir="ltr"><code>{COLUMNS}</code></p>
      <p className="field-hint" data-testid="import-zeros-hint">{t('customers.import.zerosHint')}</p>
      <div className="field">
        <span className="field-label" id="import-file-label">{t('customers.import.file')}</span>
        <div className="import-file">
          <label className={`btn ${file || csv.trim() ? '' : 'btn-primary'}`}>
            {t(file ? 'customers.import.pickAnother' : 'customers.import.pick')}
            <input type="file" className="visually-hidden" aria-labelledby="import-file-label" data-testid="csv-file" disabled={busy}
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => { void chooseImportFile(e.target.files?.[0]); e.target.value = ''; }} />
          </label>
          {file && (
            <span data-testid="import-file">
              <span>{t('customers.import.chosen')}</span> <bdi dir="ltr" className="mono">{file.name}</bdi>{' '}
              <span className="muted">({t('customers.import.kb', { size: whole(Math.max(1, Math.round(file.bytes / 1024))) })})</span>{' '}
              <button type="button" className="btn btn-small" data-testid="import-file-clear" disabled={busy} onClick={clearImportFile}>{t('customers.import.clear')}</button>
            </span>
          )}
        </div>
      </div>
      {!file && (
        <label className="field">
          <span className="field-label">{t('customers.import.paste')}</span>
          <textarea className="input textarea mono" dir="ltr" rows={6} data-testid="csv-input" spellCheck={false} wrap="off" value={csv}
            onChange={(e) => patch({ csv: e.target.value, imported: null })} />
        </label>
      )}
      <div className="day-actions">
        <button type="button" className={`btn ${clean ? '' : 'btn-primary'}`} data-testid="csv-dry-run" disabled={busy || (!file && !csv.trim())} onClick={() => void dryRunImport()}>
          {t('customers.import.dryRun')}
        </button>
        <button type="button" className={`btn ${clean ? 'btn-primary' : ''}`} data-testid="csv-import" disabled={busy || !clean} onClick={() => void runImport()}>
          {clean ? t('customers.import.runCount', { count: report.metersCreated }) : t('customers.import.run')}
        </button>
        {busy && <span className="muted" role="status">{t('customers.import.busy')}</span>}
        {report && reportFor !== source && !imported && <span className="muted">{t('customers.import.changed')}</span>}
      </div>
      <ErrorMessage message={error} />
      {imported ? <ImportReport report={imported} testId="csv-result" /> : report && <ImportReport report={report} testId="csv-report" />}
    </section>
  );
}
