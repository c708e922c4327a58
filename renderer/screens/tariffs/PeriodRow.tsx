import { useTranslation } from 'react-i18next';
import { PERIOD_COLOURS, type PeriodView } from './periods';

/** One editable period: names in both languages, start/end HH:MM, exact price, active. */
export function PeriodRow({ index, period, onChange, onRemove }: { index: number; period: PeriodView; onChange(p: PeriodView): void; onRemove?: () => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<PeriodView>) => onChange({ ...period, ...patch });
  return (
    <tr data-testid={`period-row-${index}`}>
      <td><i className="swatch" style={{ background: PERIOD_COLOURS[index % 8] }} /></td>
      <td><input className="input input-sm" lang="ar" dir="rtl" aria-label={t('tariffs.nameAr')} value={period.name.ar} onChange={(e) => set({ name: { ...period.name, ar: e.target.value } })} /></td>
      <td><input className="input input-sm" lang="en" dir="ltr" aria-label={t('tariffs.nameEn')} value={period.name.en} onChange={(e) => set({ name: { ...period.name, en: e.target.value } })} /></td>
      <td><input className="input input-sm input-time" dir="ltr" aria-label={t('tariffs.start')} placeholder="HH:MM" value={period.start} onChange={(e) => set({ start: e.target.value })} /></td>
      <td><input className="input input-sm input-time" dir="ltr" aria-label={t('tariffs.end')} placeholder="HH:MM" value={period.end} onChange={(e) => set({ end: e.target.value })} /></td>
      <td><input className="input input-sm input-price" dir="ltr" inputMode="decimal" aria-label={t('tariffs.price')} value={period.pricePerKwh} onChange={(e) => set({ pricePerKwh: e.target.value })} /></td>
      <td><input type="checkbox" aria-label={t('tariffs.active')} checked={period.active} onChange={(e) => set({ active: e.target.checked })} /></td>
      <td>{onRemove ? <button type="button" className="btn btn-small btn-ghost" onClick={onRemove} aria-label={t('tariffs.removePeriod')}>✕</button> : null}</td>
    </tr>
  );
}
