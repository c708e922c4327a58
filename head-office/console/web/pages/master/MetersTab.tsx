import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasterMeter } from '../../../master-wire';
import { deleteRecord, listPage, loadTariffs, saveMeter, type ListFilter, type Listed } from '../../actions/master-data';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { formatMoney } from '../../lib/format';
import { useLang } from '../../lib/lang';
import { useLoad } from '../../lib/use-load';
import { useMaster } from './context';
import { DeleteDialog } from './DeleteDialog';
import { MeterDialog } from './MeterDialog';
import { PagedFoot } from '../../components/PagedFoot';

const EMPTY: ListFilter = { q: '', kind: '', tariff: '', active: '' };

interface Results {
  filter: ListFilter;
  rows: Listed<MasterMeter>[];
  next: string | null;
}

/** The meters: a page at a time from the service (search and filters there too), create, edit, deactivate, delete. */
export function MetersTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const { canEdit, money: cur } = useMaster();
  const tariffs = useLoad(loadTariffs);
  const [form, setForm] = useState<ListFilter>(EMPTY);
  const [results, setResults] = useState<Results | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<MasterMeter | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const set = (k: keyof ListFilter) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const run = async (more: boolean, filter = more && results ? results.filter : form) => {
    setBusy(true);
    setError(null);
    try {
      const page = await listPage<MasterMeter>('meters', filter, more && results ? results.next : null);
      setResults({ filter, rows: more && results ? [...results.rows, ...page.records] : page.records, next: page.next });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  // The first page on opening the tab; after a change, the same search again.
  useEffect(() => {
    void run(false, EMPTY);
  }, []);

  const setActive = async (m: MasterMeter, active: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await saveMeter({ ...m, active });
      setNotice(t(active ? 'masterData.meters.activated' : 'masterData.meters.deactivated', { number: m.number }));
      await run(false, results?.filter ?? EMPTY);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const scheduleCodes = [...new Set(tariffs.data?.schedules.map((s) => s.data.code) ?? [])].sort();
  const tariffName = (m: MasterMeter) => {
    const g = m.groupCode ? tariffs.data?.groups.find((x) => x.key === m.groupCode) : undefined;
    return g ? `${g.data.name[lang]} (${m.groupCode})` : m.scheduleCode;
  };

  return (
    <div className="master-tab" data-testid="meters-tab">
      <div className="tab-head">
        <p className="muted">{t('masterData.meters.intro')}</p>
        {canEdit && <button type="button" className="btn btn-primary btn-small" data-testid="new-meter" onClick={() => { setNotice(null); setEditing('new'); }}>{t('masterData.meters.create')}</button>}
      </div>
      <form className="panel search-form" data-testid="meters-search" onSubmit={(e) => { e.preventDefault(); void run(false); }}>
        <Field id="m-q" label={t('masterData.meters.search')}>
          <input id="m-q" className="input" maxLength={64} value={form.q} onChange={set('q')} placeholder={t('masterData.meters.searchHint')} />
        </Field>
        <Field id="m-kind" label={t('masterData.meters.kind')}>
          <select id="m-kind" className="input" value={form.kind} onChange={set('kind')}>
            <option value="">{t('masterData.any')}</option>
            <option value="sts">{t('masterData.kinds.sts')}</option>
            <option value="acrel">{t('masterData.kinds.acrel')}</option>
          </select>
        </Field>
        <Field id="m-tariff" label={t('masterData.meters.tariff')}>
          <select id="m-tariff" className="input" value={form.tariff} onChange={set('tariff')}>
            <option value="">{t('masterData.any')}</option>
            {scheduleCodes.map((c) => <option key={`s-${c}`} value={c}>{c}</option>)}
            {tariffs.data?.groups.map((g) => <option key={`g-${g.key}`} value={g.key}>{t('masterData.meters.groupOption', { name: g.data.name[lang], code: g.key })}</option>)}
          </select>
        </Field>
        <Field id="m-active" label={t('masterData.meters.state')}>
          <select id="m-active" className="input" value={form.active} onChange={set('active')}>
            <option value="">{t('masterData.any')}</option>
            <option value="true">{t('masterData.active')}</option>
            <option value="false">{t('masterData.inactive')}</option>
          </select>
        </Field>
        <div className="search-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="meters-search-submit">{t('masterData.search')}</button>
          <button type="button" className="btn" disabled={busy} onClick={() => { setForm(EMPTY); void run(false, EMPTY); }}>{t('masterData.clear')}</button>
        </div>
      </form>
      {notice && <p className="notice" role="status" data-testid="notice">{notice}</p>}
      <ErrorText error={error ?? tariffs.error} />
      {results && results.rows.length === 0 && <p className="panel muted" data-testid="meters-empty">{t('masterData.meters.empty')}</p>}
      {results && results.rows.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="meters-table">
              <thead>
                <tr>
                  <th>{t('masterData.meters.number')}</th><th>{t('masterData.meters.kind')}</th><th>{t('masterData.meters.customer')}</th>
                  <th>{t('masterData.meters.tariff')}</th><th>{t('masterData.meters.paymentMode')}</th><th className="num">{t('masterData.meters.creditLimit')}</th>
                  <th>{t('masterData.meters.state')}</th>{canEdit && <th>{t('masterData.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {results.rows.map((r) => {
                  const m = r.data;
                  const who = r.customer ? (lang === 'en' && r.customer.nameLatin ? r.customer.nameLatin : r.customer.nameAr) : null;
                  return (
                    <tr key={r.key} data-testid="meter-row" data-meter={r.key} className={m.active ? undefined : 'is-revoked'}>
                      <td><bdi className="mono" dir="ltr">{m.number}</bdi></td>
                      <td>{t(`masterData.kinds.${m.kind}`)}</td>
                      <td>{who ? <bdi>{who}</bdi> : <span className="muted">{t('common.none')}</span>}</td>
                      <td><bdi>{tariffName(m)}</bdi></td>
                      <td>{t(`masterData.paymentModes.${m.paymentMode}`)}</td>
                      <td className="num"><bdi>{m.creditLimitMinor === null ? t('common.none') : formatMoney(m.creditLimitMinor, cur.currency, cur.decimals, lang)}</bdi></td>
                      <td>{m.active ? <span className="tag tag-ok">{t('masterData.active')}</span> : <span className="tag tag-danger">{t('masterData.inactive')}</span>}</td>
                      {canEdit && (
                        <td className="row-actions">
                          <button type="button" className="btn btn-small" data-testid="meter-edit" onClick={() => { setNotice(null); setEditing(m); }}>{t('masterData.edit')}</button>
                          <button type="button" className="btn btn-small" data-testid={m.active ? 'meter-deactivate' : 'meter-activate'} disabled={busy} onClick={() => void setActive(m, !m.active)}>
                            {t(m.active ? 'masterData.deactivate' : 'masterData.activate')}
                          </button>
                          <button type="button" className="btn btn-small btn-danger-outline" data-testid="meter-delete" onClick={() => setDeleting(m.number)}>{t('masterData.delete')}</button>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <PagedFoot testId="meters" shown={t('masterData.shown', { count: results.rows.length })} hasMore={!!results.next} busy={busy} onMore={() => void run(true)} moreLabel={t('masterData.more')} endLabel={t('masterData.end')} />
        </>
      )}
      {editing !== null && tariffs.data && (
        <MeterDialog meter={editing === 'new' ? null : editing} schedules={tariffs.data.schedules.map((s) => s.data)} groups={tariffs.data.groups.map((g) => g.data)}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              setNotice(t('masterData.meters.saved', { number: saved }));
              void run(false, results?.filter ?? EMPTY);
            }
          }} />
      )}
      <DeleteDialog open={deleting !== null} title={t('masterData.meters.deleteTitle', { number: deleting ?? '' })} body={t('masterData.meters.deleteBody')}
        run={() => deleteRecord('meters', deleting!)}
        onClose={(done) => {
          if (done) setNotice(t('masterData.meters.deletedNotice', { number: deleting }));
          setDeleting(null);
          if (done) void run(false, results?.filter ?? EMPTY);
        }} />
    </div>
  );
}
