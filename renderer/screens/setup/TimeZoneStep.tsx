import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveStep } from '../../actions/setup';
import { useSession } from '../../stores/session';
import { useSetup } from '../../stores/setup';
import { SetupField, StepFrame } from './StepFrame';
import { useStepSave } from './useStepSave';

const ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone')];

/** Searchable: type part of a city or region (Aden, Riyadh, Asia/...), pick from the list; the clock there confirms it. */
export function TimeZoneStep() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const info = useSession((s) => s.info);
  const saved = useSetup((s) => s.status?.saved?.timeZone ?? null);
  const [zone, setZone] = useState(saved ?? info?.timeZone ?? 'Asia/Aden');
  const [query, setQuery] = useState('');
  const { busy, error, bad, run } = useStepSave();
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase().replace(/\s+/g, '_');
    const list = q ? ZONES.filter((z) => z.toLowerCase().includes(q)) : ZONES;
    return list.includes(zone) || q ? list : [zone, ...list];
  }, [query, zone]);
  const clock = ZONES.includes(zone) ? new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date()) : null;
  return (
    <StepFrame title={t('setup.timeZone.title')} intro={t('setup.timeZone.intro')} error={error} busy={busy} onNext={() => void run(() => saveStep('setup.saveTimeZone', { timeZone: zone }))}>
      <SetupField code id="setup-tz-search" label={t('setup.timeZone.search')} hint={t('setup.timeZone.searchHint')} dir="ltr" autoFocus value={query} onChange={(v) => {
        setQuery(v);
        const q = v.trim().toLowerCase().replace(/\s+/g, '_');
        const first = ZONES.find((z) => z.toLowerCase().includes(q));
        if (q && first) setZone(first);
      }} />
      <div className="field">
        <label className="field-label" htmlFor="setup-tz-list">{t('setup.timeZone.list', { n: shown.length })}</label>
        <select id="setup-tz-list" data-testid="setup-tz-list" className="input setup-tz-list" dir="ltr" size={8} aria-invalid={bad.includes('timeZone') ? true : undefined} value={zone} onChange={(e) => setZone(e.target.value)}>
          {shown.map((z) => <option key={z} value={z}>{z.replace(/_/g, ' ')}</option>)}
        </select>
      </div>
      <p className="setup-note" data-testid="setup-tz-clock">
        {t('setup.timeZone.chosen')} <bdi dir="ltr"><strong>{zone}</strong></bdi>{clock && <> · {t('setup.timeZone.now')} <bdi>{clock}</bdi></>}
      </p>
    </StepFrame>
  );
}
