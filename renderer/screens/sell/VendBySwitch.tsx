import { useTranslation } from 'react-i18next';
import { useSaleFlow, type VendBy } from '../../stores/sale';
import { sellsByEnergy, setVendBy } from '../../actions/vendBy';

const MODES: VendBy[] = ['money', 'energy'];

/** By money / by kWh, for prepaid STS meters only. Arrow keys move within it (a radio group); F2
 *  switches from anywhere on the sell screen (useSellHotkeys). */
export function VendBySwitch({ onSwitched }: { onSwitched(): void }) {
  const { t } = useTranslation();
  const meter = useSaleFlow((s) => s.meter);
  const vendBy = useSaleFlow((s) => s.vendBy);
  const locked = useSaleFlow((s) => s.sale !== null || s.pendingSell !== null);
  if (!sellsByEnergy(meter)) return null;
  return (
    <fieldset className="vend-by" disabled={locked} data-testid="vend-by">
      <legend className="visually-hidden">{t('sell.vendBy.label')}</legend>
      <div className="segmented segmented-compact">
        {MODES.map((m) => (
          <label key={m} className={`segment ${vendBy === m ? 'is-on' : ''}`}>
            <input
              type="radio"
              name="vend-by"
              value={m}
              data-testid={`vend-by-${m}`}
              checked={vendBy === m}
              aria-keyshortcuts="F2"
              onChange={() => {
                if (setVendBy(m)) onSwitched();
              }}
            />
            {t(`sell.vendBy.${m}`)}
          </label>
        ))}
      </div>
      <kbd dir="ltr" title={t('sell.vendBy.key')}>
        F2
      </kbd>
    </fieldset>
  );
}
