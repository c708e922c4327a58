import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { refreshBalance } from '../../actions/metersRefresh';
import { useFormat } from '../../hooks/useFormat';
import { Card } from './Card';

/** STS: kWh left on the meter's register. Acrel: the money balance. Each with the other as a hint. */
export function BalanceCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const slot = useMeters((s) => s.balance);
  const b = slot.value;
  const main = !b ? null : b.kind === 'sts' ? (b.remainingTenths === null ? null : f.energy(b.remainingTenths)) : b.balanceMinor === null ? null : f.money(b.balanceMinor);
  const hint =
    !b ? null : b.kind === 'sts'
      ? b.balanceMinor === null ? null : { label: t('meters.balance.worth'), value: f.money(b.balanceMinor) }
      : b.remainingTenths === null ? null : { label: t('meters.balance.buys'), value: f.energy(b.remainingTenths) };
  return (
    <Card title={t('meters.balance.title')} testId="meter-balance" loading={slot.loading} error={slot.error} readAt={b?.readAt} onRefresh={() => void refreshBalance()}>
      {b ? (
        <div className="balance">
          <span className="fact-label">{b.kind === 'sts' ? t('meters.balance.energy') : t('meters.balance.money')}</span>
          <bdi className={`balance-value${(b.balanceMinor ?? 0) < 0 ? ' is-negative' : ''}`} data-testid="meter-balance-value">
            {main ?? t('meters.balance.unknown')}
          </bdi>
          {hint && (
            <span className="muted">
              {hint.label} <bdi>{hint.value}</bdi>
            </span>
          )}
        </div>
      ) : (
        !slot.error && <p className="muted">{t('meters.reading')}</p>
      )}
    </Card>
  );
}
