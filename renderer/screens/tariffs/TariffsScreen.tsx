import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../preload/contract';
import { invoke } from '../../transport';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ScheduleList, type Summary } from './ScheduleList';
import { ScheduleDetail } from './ScheduleDetail';
import { ScheduleEditor } from './ScheduleEditor';
import { useAction } from './useAction';
import { HeadOfficeNote } from '../../components/HeadOfficeNote';
import { useHeadOfficeOwned } from '../../stores/masterData';
import './tariffs.css';

type Schedule = ChannelOutput<'tariffs.get'>;
type Editing = { from: Schedule | null } | null;

/** Supervisor screen: schedules, their 24-hour timeline, price now / next change, new versions,
 * assignment to meters and groups, push to cloud meters and read-back. */
export function TariffsScreen() {
  const [list, setList] = useState<Summary[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const { error, run } = useAction();
  // Enrolled: schedules, versions, groups and assignment come from the head office; pushing to meters stays here.
  const owned = useHeadOfficeOwned();
  const load = useCallback(() => void run(() => invoke('tariffs.list', {})).then((l) => {
    if (!l) return;
    setList(l);
    setSelected((cur) => cur ?? l[0]?.code ?? null);
  }), [run]);
  useEffect(load, [load, refreshKey]);
  const changed = useCallback(() => setRefreshKey((k) => k + 1), []);
  return (
    <main className="tariffs" data-testid="tariffs-screen">
      <ScheduleList list={list} selected={selected} onSelect={(c) => { setSelected(c); setEditing(null); }} onNew={owned ? undefined : () => setEditing({ from: null })} />
      <div className="tariffs-main">
        <HeadOfficeNote />
        <ErrorMessage message={error} />
        {editing && !owned ? (
          <ScheduleEditor from={editing.from} onCancel={() => setEditing(null)} onSaved={(s) => { setEditing(null); setSelected(s.code); changed(); }} />
        ) : selected ? (
          <ScheduleDetail code={selected} refreshKey={refreshKey} onEdit={owned ? undefined : (s) => setEditing({ from: s })} onChanged={changed} />
        ) : null}
      </div>
    </main>
  );
}
