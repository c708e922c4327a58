import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../preload/contract';
import { invoke } from '../../transport';
import { useFormat } from '../../hooks/useFormat';
import { normalizeDigits } from '../../lib/money';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from './useAction';
import { GroupMeters } from './GroupMeters';

type Group = ChannelOutput<'tariffs.groups'>[number];
const numbers = (text: string) => normalizeDigits(text).split(/[\s,،;]+/).map((s) => s.replace(/-/g, '')).filter(Boolean);

/** Assign this schedule to meters directly, or move meters into a tariff group; manage groups. */
export function AssignPanel({ code, onChanged }: { code: string; onChanged(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [groups, setGroups] = useState<Group[]>([]);
  const [meters, setMeters] = useState('');
  const [target, setTarget] = useState<string>(''); // '' = this schedule directly, else a group code
  const [done, setDone] = useState<string | null>(null);
  const [newGroup, setNewGroup] = useState({ code: '', ar: '', en: '' });
  const { busy, error, run } = useAction();

  const load = useCallback(() => void run(() => invoke('tariffs.groups', {})).then((g) => g && setGroups(g)), [run]);
  useEffect(load, [load, code]);

  const assign = async () => {
    setDone(null);
    const list = numbers(meters);
    const r = await run(() => invoke('tariffs.assign', target ? { groupCode: target, meterNumbers: list } : { scheduleCode: code, meterNumbers: list }));
    if (r) { setDone(t('tariffs.assigned', { count: r.assigned.length })); setMeters(''); load(); onChanged(); }
  };
  const saveGroup = async (g: { code: string; name: { ar: string; en: string } }) => {
    const r = await run(() => invoke('tariffs.saveGroup', { code: g.code.trim(), name: g.name, scheduleCode: code }));
    if (r) { setNewGroup({ code: '', ar: '', en: '' }); load(); onChanged(); }
  };

  return (
    <section className="panel" aria-labelledby="assign-title" data-testid="assign-panel">
      <h3 id="assign-title">{t('tariffs.assignTitle')}</h3>
      <label className="field">
        <span className="field-label">{t('tariffs.meters')}</span>
        <input className="input input-sm" dir="ltr" placeholder={t('tariffs.metersHint')} value={meters} onChange={(e) => setMeters(e.target.value)} />
      </label>
      <div className="assign-row">
        <label className="field grow">
          <span className="field-label">{t('tariffs.assignTo')}</span>
          <select className="input input-sm" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('tariffs.thisSchedule', { code })}</option>
            {groups.map((g) => <option key={g.code} value={g.code}>{t('tariffs.group', { name: f.text(g.name) })}</option>)}
          </select>
        </label>
        <button type="button" className="btn btn-primary btn-small" disabled={busy || numbers(meters).length === 0} onClick={() => void assign()}>{t('tariffs.assign')}</button>
      </div>
      {done ? <p className="ok-note" role="status">{done}</p> : null}
      <h4>{t('tariffs.groups')}</h4>
      <ul className="group-list">
        {groups.map((g) => (
          <li key={g.code}>
            <strong><bdi>{f.text(g.name)}</bdi></strong> <span className="mono muted" dir="ltr">{g.code}</span> → <span className="mono" dir="ltr">{g.scheduleCode}</span>
            <span className="muted"> · {t('tariffs.meterCount', { count: g.meterCount })}</span>
            {g.scheduleCode !== code ? <button type="button" className="btn-link" onClick={() => void saveGroup(g)}>{t('tariffs.moveGroupHere', { code })}</button> : null}
            <GroupMeters key={`${g.code}:${g.meterCount}`} groupCode={g.code} count={g.meterCount} />
          </li>
        ))}
      </ul>
      <div className="group-form">
        <input className="input input-sm" dir="ltr" aria-label={t('tariffs.groupCode')} placeholder={t('tariffs.groupCode')} value={newGroup.code} onChange={(e) => setNewGroup({ ...newGroup, code: e.target.value })} />
        <input className="input input-sm" lang="ar" dir="rtl" aria-label={t('tariffs.nameAr')} placeholder={t('tariffs.nameAr')} value={newGroup.ar} onChange={(e) => setNewGroup({ ...newGroup, ar: e.target.value })} />
        <input className="input input-sm" lang="en" dir="ltr" aria-label={t('tariffs.nameEn')} placeholder={t('tariffs.nameEn')} value={newGroup.en} onChange={(e) => setNewGroup({ ...newGroup, en: e.target.value })} />
        <button type="button" className="btn btn-small" disabled={busy || !newGroup.code} onClick={() => void saveGroup({ code: newGroup.code, name: { ar: newGroup.ar, en: newGroup.en } })}>{t('tariffs.newGroup')}</button>
      </div>
      <ErrorMessage message={error} />
    </section>
  );
}
