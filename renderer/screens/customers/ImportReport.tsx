import { useTranslation } from 'react-i18next';
import type { ImportReport as Report } from '../../stores/customers';
import { useFormat } from '../../hooks/useFormat';

/**
 * The dry run's (or the import's) report: what would be created, or how many rows are refused, then
 * every problem with its row (the Excel row number, or the CSV line), the column and the reason.
 */
export function ImportReport({ report, testId }: { report: Report; testId: string }) {
  const { t } = useTranslation();
  const { lang, whole } = useFormat();
  const counts: [string, number, string][] = report.ok
    ? [['rows', report.rows, 'import-rows'], [report.dryRun ? 'meters' : 'metersDone', report.metersCreated, 'import-meters'], ['newCustomers', report.customersCreated, 'import-new-customers'], ['existingCustomers', report.customersReused, 'import-existing-customers']]
    : [['rows', report.rows, 'import-rows'], ['refusedRows', report.refusedRows, 'import-refused-rows'], ['problems', report.errorCount, 'import-problems']];
  return (
    <section className={`import-report ${report.ok ? 'is-ok' : 'is-bad'}`} data-testid={testId} data-ok={String(report.ok)} data-errors={report.errorCount} aria-live="polite">
      <p className="import-summary">
        {report.ok
          ? t(report.dryRun ? 'customers.import.cleanDry' : 'customers.import.done', { rows: report.rows, customers: report.customersCreated, reused: report.customersReused, meters: report.metersCreated })
          : t('customers.import.bad', { count: report.errorCount, rows: report.rows, refused: report.refusedRows })}
      </p>
      <dl className="import-counts">
        {counts.map(([key, n, id]) => (
          <div key={key} className={key === 'refusedRows' ? 'is-bad' : undefined}>
            <dt>{t(`customers.import.count.${key}`)}</dt>
            <dd data-testid={id}>{whole(n)}</dd>
          </div>
        ))}
      </dl>
      {report.errors.length > 0 && (
        <table className="table day-table">
          <thead>
            <tr>
              <th>{t(report.format === 'xlsx' ? 'customers.import.row' : 'customers.import.line')}</th>
              <th>{t('customers.import.field')}</th>
              <th>{t('customers.import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={`${e.line}-${e.field ?? ''}-${i}`} data-testid="csv-error" data-line={e.line}>
                <td><bdi dir="ltr" className="mono">{e.line}</bdi></td>
                <td><bdi dir="ltr" className="mono">{e.field ?? '—'}</bdi></td>
                <td>
                  {e.message[lang]}
                  <div className="muted import-other" lang={lang === 'ar' ? 'en' : 'ar'} dir={lang === 'ar' ? 'ltr' : 'rtl'}>{e.message[lang === 'ar' ? 'en' : 'ar']}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.errorCount > report.errors.length && <p className="muted">{t('customers.import.more', { count: report.errorCount - report.errors.length })}</p>}
    </section>
  );
}
