import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../transport';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from './useAction';

/**
 * A group's meters, loaded on demand a page at a time: a feeder's group can hold tens of thousands
 * of meters, so the list is never fetched whole.
 */
export function GroupMeters({ groupCode, count }: { groupCode: string; count: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [numbers, setNumbers] = useState<string[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const load = async (after?: string) => {
    const r = await run(() => invoke('tariffs.groupMeters', { groupCode, limit: 100, ...(after ? { after } : {}) }));
    if (!r) return;
    setNumbers((have) => (after ? [...have, ...r.numbers] : r.numbers));
    setNext(r.next);
  };
  const toggle = () => {
    if (!open && numbers.length === 0) void load();
    setOpen(!open);
  };

  if (count === 0) return null;
  return (
    <div className="group-meters">
      <button type="button" className="btn-link" aria-expanded={open} onClick={toggle}>{open ? t('tariffs.hideMeters') : t('tariffs.showMeters')}</button>
      {open ? (
        <>
          <ul className="group-meter-list" aria-label={t('tariffs.groupMetersOf', { code: groupCode })}>
            {numbers.map((n) => <li key={n} className="mono" dir="ltr">{n}</li>)}
          </ul>
          <p className="muted">{t('tariffs.shownOf', { shown: numbers.length, count })}</p>
          {next ? <button type="button" className="btn btn-small" disabled={busy} onClick={() => void load(next)}>{t('tariffs.moreMeters')}</button> : null}
          <ErrorMessage message={error} />
        </>
      ) : null}
    </div>
  );
}
