import { useTranslation } from 'react-i18next';
import type { VendorTestResult } from '../../../preload/contract';
import { useFormat } from '../../hooks/useFormat';

const MARK = { ok: '✓', refused: '✕', unreachable: '!', not_configured: '–' } as const;

/** The answer of "Test connection": what happened in plain words, how long it took, the vendor's clock. */
export function TestResult({ result }: { result: VendorTestResult | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!result) return null;
  return (
    <div className={`vendor-test test-${result.outcome}`} role="status" data-testid={`vendor-${result.vendor}-result`}>
      <strong className="vendor-test-title">
        <span aria-hidden="true" className="vendor-test-mark">{MARK[result.outcome]}</span> {t(`vendors.outcome.${result.outcome}`)}
        {result.outcome !== 'not_configured' && <span className="vendor-test-ms"> · {t('vendors.ms', { ms: result.ms })}</span>}
      </strong>
      <span>{result.message[f.lang]}</span>
      {result.serverTime && (
        <span className="muted">
          {t('vendors.serverTime')} <bdi>{f.dateTime(result.serverTime)}</bdi>
        </span>
      )}
    </div>
  );
}
