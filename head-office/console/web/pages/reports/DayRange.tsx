import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';

/** From and to (inclusive) report days. */
export function DayRange({ idPrefix, from, to, onChange }: { idPrefix: string; from: string; to: string; onChange: (r: { from: string; to: string }) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Field id={`${idPrefix}-from`} label={t('reports.from')}>
        <input id={`${idPrefix}-from`} className="input" dir="ltr" type="date" value={from} required max={to || undefined} onChange={(e) => onChange({ from: e.target.value, to })} />
      </Field>
      <Field id={`${idPrefix}-to`} label={t('reports.to')}>
        <input id={`${idPrefix}-to`} className="input" dir="ltr" type="date" value={to} required min={from || undefined} onChange={(e) => onChange({ from, to: e.target.value })} />
      </Field>
    </>
  );
}
