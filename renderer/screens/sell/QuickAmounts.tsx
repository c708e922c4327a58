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

export function QuickAmounts({ disabled, onPicked }: { disabled: boolean; onPicked(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const patch = useSaleFlow((s) => s.patch);
  const amounts = PRESETS[f.currency] ?? DEFAULT;
  return (
    <div className="quick" role="group" aria-label={t('sell.quick')}>
      {amounts.map((a) => (
        <button
          key={a}
          type="button"
          className="btn btn-quick"
          data-testid={`quick-${a}`}
          disabled={disabled}
          onClick={() => {
            patch({ amountText: String(a) });
            onPicked();
          }}
        >
          <bdi>{f.amount(a * 10 ** f.decimals)}</bdi>
        </button>
      ))}
    </div>
  );
}
