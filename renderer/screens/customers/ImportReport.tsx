import { useTranslation } from 'react-i18next';
import type { ImportReport as Report } from '../../stores/customers';
import { useSession } from '../../stores/session';

/** The dry run's (or the import's) report: counts, then every bad line with the field and the reason. */
export function ImportReport({ report, testId }: { report: Report; testId: string }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  return (
    <section className={`import-report ${report.ok ? 'is-ok' : 'is-bad'}`} data-testid={testId} data-ok={String(report.ok)} data-errors={report.errorCount} aria-live="polite">
      <p className="import-summary">
        {report.ok
          ? t(report.dryRun ? 'customers.import.cleanDry' : 'customers.import.done', { rows: report.rows, customers: report.customersCreated, reused: report.customersReused, meters: report.metersCreated })
          : t('customers.import.bad', { count: report.errorCount, rows: report.rows })}
      </p>
      {report.errors.length > 0 && (
        <table className="table day-table">
          <thead>
            <tr>
              <th>{t('customers.import.line')}</th>
              <th>{t('customers.import.field')}</th>
              <th>{t('customers.import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={`${e.line}-${e.field ?? ''}-${i}`} data-testid="csv-error">
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
