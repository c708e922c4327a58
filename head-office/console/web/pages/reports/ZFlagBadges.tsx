import { useTranslation } from 'react-i18next';
import type { ZFlag } from '../../../../reports/wire';

/** Money the drawer lacks or a sale the ledger lacks is a danger; the rest asks for a look. */
const DANGER: ReadonlySet<ZFlag> = new Set(['CASH_SHORT', 'SALES_MISSING', 'CHARGED_MISMATCH', 'EXPECTED_CASH_MISMATCH']);

export function ZFlagBadges({ flags }: { flags: readonly ZFlag[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return <span className="tag tag-ok">{t('reports.z.noFlags')}</span>;
  return (
    <span className="flag-list">
      {flags.map((f) => (
        <span key={f} className={`tag ${DANGER.has(f) ? 'tag-danger' : 'tag-warn'}`} title={t(`reports.flags.${f}.why`)} data-testid="z-flag" data-flag={f}>
          {t(`reports.flags.${f}.name`)}
        </span>
      ))}
    </span>
  );
}
