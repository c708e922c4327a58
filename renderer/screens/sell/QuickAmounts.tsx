import { useTranslation } from 'react-i18next';
import { useSaleFlow } from '../../stores/sale';
import { useFormat } from '../../hooks/useFormat';

/** Common notes by currency, in major units (whole numbers, so no fraction arithmetic). */
const PRESETS: Record<string, number[]> = {
  YER: [500, 1000, 2000, 5000, 10000],
  IQD: [5000, 10000, 25000, 50000, 100000],
  SYP: [5000, 10000, 25000, 50000, 100000],
  LBP: [100000, 200000, 500000, 1000000],
  SDG: [1000, 2000, 5000, 10000, 20000],
  EGP: [50, 100, 200, 500, 1000],
};
const DEFAULT = [20, 50, 100, 200, 500];
/** Common purchases by energy, in whole kWh. */
const KWH = [5, 10, 20, 50, 100];

export function QuickAmounts({ disabled, byEnergy, onPicked }: { disabled: boolean; byEnergy: boolean; onPicked(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const patch = useSaleFlow((s) => s.patch);
  const amounts = byEnergy ? KWH : (PRESETS[f.currency] ?? DEFAULT);
  return (
    <div className={`quick ${byEnergy ? 'quick-kwh' : ''}`} role="group" aria-label={byEnergy ? t('sell.quickEnergy') : t('sell.quick')}>
      {amounts.map((a) => (
        <button
          key={a}
          type="button"
          className="btn btn-quick"
          data-testid={byEnergy ? `quick-kwh-${a}` : `quick-${a}`}
          disabled={disabled}
          onClick={() => {
            patch(byEnergy ? { energyText: String(a) } : { amountText: String(a) });
            onPicked();
          }}
        >
          {byEnergy ? (
            <bdi>
              {f.whole(a)} <span className="quick-unit">{t('units.kwh')}</span>
            </bdi>
          ) : (
            <bdi>{f.amount(a * 10 ** f.decimals)}</bdi>
          )}
        </button>
      ))}
    </div>
  );
}
