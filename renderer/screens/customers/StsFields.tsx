import { useTranslation } from 'react-i18next';
import type { StsDraft } from '../../actions/customersMeter';

const CHOICES: Partial<Record<keyof StsDraft, string[]>> = {
  krn: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], keyType: ['0', '1', '2', '3'], baseDate: ['1993', '2014', '2035'], ea: ['07', '11'], dkga: ['02', '04'],
};

/** STS key data of a meter: SGC, TI, KRN, key type, base date, EA, DKGA. */
export function StsFields({ sts, onChange }: { sts: StsDraft; onChange(s: StsDraft): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="sts-fields">
      <legend className="field-label">{t('customers.stsKey')}</legend>
      {(Object.keys(sts) as (keyof StsDraft)[]).map((k) => (
        <label key={k} className="field">
          <span className="field-label">{t(`customers.sts.${k}`)}</span>
          {CHOICES[k] ? (
            <select className="input" dir="ltr" data-testid={`meter-sts-${k}`} value={sts[k]} onChange={(e) => onChange({ ...sts, [k]: e.target.value })}>
              {CHOICES[k].map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          ) : (
            <input className="input" dir="ltr" inputMode="numeric" data-testid={`meter-sts-${k}`} maxLength={k === 'sgc' ? 6 : 2} value={sts[k]}
              onChange={(e) => onChange({ ...sts, [k]: e.target.value.replace(/\D/g, '') })} />
          )}
        </label>
      ))}
    </fieldset>
  );
}
