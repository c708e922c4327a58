import { useTranslation } from 'react-i18next';
import { useLang } from '../../lib/lang';
import { reportCsvHref, type ReportRequest } from '../../lib/report-query';

/**
 * The report as a CSV file, with the filters on screen and the header in the page's language. A
 * plain link: the browser sends the session cookie and saves the attachment under the name the
 * service gives it (the report, its grouping and its days).
 */
export function CsvLink({ request, disabled }: { request: ReportRequest; disabled?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (disabled) return <span className="btn btn-small is-disabled" aria-disabled="true">{t('reports.csv')}</span>;
  return (
    <a className="btn btn-small" href={reportCsvHref(request, lang)} download data-testid={`csv-${request.kind}`}>
      {t('reports.csv')}
    </a>
  );
}
