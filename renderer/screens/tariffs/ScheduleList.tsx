import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../preload/contract';
import { useFormat } from '../../hooks/useFormat';

export type Summary = ChannelOutput<'tariffs.list'>[number];

export function ScheduleList({ list, selected, onSelect, onNew }: { list: Summary[]; selected: string | null; onSelect(code: string): void; onNew?: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <nav className="tariff-list" aria-label={t('tariffs.schedules')}>
      <h2>{t('tariffs.schedules')}</h2>
      <ul>
        {list.map((s) => (
          <li key={s.code}>
            <button type="button" className={s.code === selected ? 'tariff-item selected' : 'tariff-item'} aria-current={s.code === selected} onClick={() => onSelect(s.code)} data-testid={`schedule-${s.code}`}>
              <strong><bdi>{s.current ? f.text(s.current.name) : s.code}</bdi></strong>
              <span className="muted mono" dir="ltr">{s.code} · v{s.current?.version ?? '—'}</span>
              <span className="muted">{t('tariffs.meterCount', { count: s.meters })}{s.upcoming.length ? ` · ${t('tariffs.upcoming', { count: s.upcoming.length })}` : ''}</span>
            </button>
          </li>
        ))}
      </ul>
      {onNew && <button type="button" className="btn btn-small" onClick={onNew}>{t('tariffs.newSchedule')}</button>}
    </nav>
  );
}
