import { useTranslation } from 'react-i18next';
import type { CounterView } from '../../../wire';
import { Field } from '../../components/Field';

/** One counter or all of them (an empty value). */
export function CounterSelect({ id, value, counters, onChange }: { id: string; value: string; counters: readonly CounterView[]; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t('reports.counter')}>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('reports.allCounters')}</option>
        {counters.map((c) => <option key={c.id} value={String(c.id)}>{c.name}</option>)}
      </select>
    </Field>
  );
}
