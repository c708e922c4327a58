import { useTranslation } from 'react-i18next';
import { useSaleFlow } from '../../stores/sale';
import { selectMeter } from '../../actions/lookupMeter';
import { useFormat } from '../../hooks/useFormat';

/** When a lookup matches several meters, the cashier picks one. */
export function MeterChoices({ onPicked }: { onPicked(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const candidates = useSaleFlow((s) => s.candidates);
  if (candidates.length === 0) return null;
  return (
    <div className="choices" data-testid="meter-choices">
      <p className="field-label">{t('sell.pickMeter')}</p>
      <ul>
        {candidates.map((m) => (
          <li key={`${m.kind}:${m.number}`}>
            <button
              type="button"
              className="btn btn-choice"
              onClick={() => {
                selectMeter(m);
                onPicked();
              }}
            >
              <bdi dir="ltr" className="mono">
                {m.number}
              </bdi>
              <bdi>{(f.lang === 'en' && m.customerNameLatin) || m.customerName || t('meter.noName')}</bdi>
              <span className="muted">{f.text(m.tariffName)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
