import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../preload/contract';
import { useFormat } from '../../hooks/useFormat';

/** The quote's headline for a sale by kWh: the customer named the energy, so the money to take is
 *  the answer (tendered and change follow in the lines below, as for a sale by money). */
export function EnergyCost({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const f = useFormat();
  const given = quote.energyTenths ?? 0;
  const asked = quote.requestedEnergyTenths ?? given;
  return (
    <>
      <span className="headline-label">{t('quote.costOf', { energy: f.energy(given) })}</span>
      <bdi className="headline-value" data-testid="quote-cost">
        {f.money(quote.chargedMinor)}
      </bdi>
      <span className="headline-sub">
        {t('quote.energyOnToken')}: <bdi data-testid="quote-energy">{f.energy(given)}</bdi> · {t('quote.energyCost')}: <bdi>{f.money(quote.valueMinor)}</bdi>
      </span>
      {/* Above 1638.3 kWh a token carries whole steps only: say so if that is more than asked. */}
      {asked !== given && (
        <span className="headline-sub" data-testid="quote-energy-step">
          {t('quote.energyStep', { asked: f.energy(asked), given: f.energy(given) })}
        </span>
      )}
    </>
  );
}
