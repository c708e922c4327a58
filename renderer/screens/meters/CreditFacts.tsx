import { useTranslation } from 'react-i18next';
import type { CreditInfoOut } from '../../stores/metersCredit';
import { useFormat } from '../../hooks/useFormat';

/** The counter's record of the account: debt, credit, deposit, supply, purchase limits, tariff. */
export function CreditFacts({ info }: { info: CreditInfoOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const credit = info.paymentMode === 'credit';
  const none = (key: string) => <span className="muted">{t(key)}</span>;
  return (
    <dl className="kv mkv credit-facts">
      <dt>{t('meters.credit.fields.debt')}</dt>
      <dd>
        <bdi className={`credit-money${info.debtMinor > 0 ? ' is-owed' : ''}`} data-testid="meter-debt" data-minor={info.debtMinor}>
          {f.money(info.debtMinor)}
        </bdi>
      </dd>
      <dt>{t('meters.credit.fields.limit')}</dt>
      <dd data-testid="meter-credit-limit" data-minor={credit ? (info.creditLimitMinor ?? '') : ''}>
        {credit && info.creditLimitMinor !== null ? <bdi className="credit-money">{f.money(info.creditLimitMinor)}</bdi> : none('meters.credit.notCredit')}
      </dd>
      <dt>{t('meters.credit.fields.available')}</dt>
      <dd data-testid="meter-credit-available">
        {info.availableMinor !== null ? <bdi className="credit-money">{f.money(info.availableMinor)}</bdi> : none('meters.credit.notCredit')}
      </dd>
      <dt>{t('meters.credit.fields.deposit')}</dt>
      <dd>
        <bdi>{f.money(info.depositMinor)}</bdi>
      </dd>
      <dt>{t('meters.credit.fields.supply')}</dt>
      <dd>
        <span className={`relay relay-${info.supply === 'on' ? 'on' : 'disconnected'}`} data-testid="meter-supply" data-supply={info.supply}>
          {t(`meters.credit.supply.${info.supply}`)}
        </span>
      </dd>
      <dt>{t('meters.credit.fields.schedule')}</dt>
      <dd>
        <bdi dir="ltr" className="mono">{info.scheduleCode}</bdi>
        {info.groupCode && (
          <span className="muted">
            {' · '}
            {t('meters.credit.fields.group')} <bdi dir="ltr" className="mono">{info.groupCode}</bdi>
          </span>
        )}
      </dd>
      <dt>{t('meters.credit.fields.purchase')}</dt>
      <dd className="credit-wide" data-testid="meter-purchase-limits">
        <span className="credit-range">
          <span>
            {t('meters.credit.fields.min')}: {info.minPurchaseMinor !== null ? <bdi>{f.money(info.minPurchaseMinor)}</bdi> : none('meters.credit.tariffLimit')}
          </span>
          <span>
            {t('meters.credit.fields.max')}: {info.maxPurchaseMinor !== null ? <bdi>{f.money(info.maxPurchaseMinor)}</bdi> : none('meters.credit.tariffLimit')}
          </span>
        </span>
      </dd>
    </dl>
  );
}
