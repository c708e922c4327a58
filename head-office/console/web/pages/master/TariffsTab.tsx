import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasterGroup, MasterSchedule } from '../../../master-wire';
import { deleteRecord, loadTariffs } from '../../actions/master-data';
import { ErrorText } from '../../components/ErrorText';
import { dateTime, formatMoney } from '../../lib/format';
import { useLang } from '../../lib/lang';
import { useLoad } from '../../lib/use-load';
import { useMaster } from './context';
import { DeleteDialog } from './DeleteDialog';
import { GroupDialog } from './GroupDialog';
import { ScheduleDialog } from './ScheduleDialog';
import { versionStatuses } from './schedule-status';

const loadTariffData = async () => {
  const { schedules, groups } = await loadTariffs();
  return { schedules: schedules.map((r) => r.data), groups: groups.map((r) => r.data) };
};

/** Schedules by code with their versions (never changed: a new price is a new version), and the tariff groups. */
export function TariffsTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const { canEdit, money: cur } = useMaster();
  const data = useLoad(loadTariffData);
  const [notice, setNotice] = useState<string | null>(null);
  const [newVersionOf, setNewVersionOf] = useState<MasterSchedule | 'new' | null>(null);
  const [editingGroup, setEditingGroup] = useState<MasterGroup | 'new' | null>(null);
  const [deleting, setDeleting] = useState<{ path: 'tariff-schedules' | 'tariff-groups'; key: string } | null>(null);

  const byCode = new Map<string, MasterSchedule[]>();
  for (const s of data.data?.schedules ?? []) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s]);
  const codes = [...byCode.keys()].sort();
  const now = Date.now();

  return (
    <div className="master-tab" data-testid="tariffs-tab">
      <div className="tab-head">
        <div>
          <h2>{t('masterData.tariffs.schedules')}</h2>
          <p className="muted">{t('masterData.tariffs.intro')}</p>
        </div>
        {canEdit && <button type="button" className="btn btn-primary btn-small" data-testid="new-schedule" onClick={() => { setNotice(null); setNewVersionOf('new'); }}>{t('masterData.tariffs.createSchedule')}</button>}
      </div>
      {notice && <p className="notice" role="status" data-testid="notice">{notice}</p>}
      <ErrorText error={data.error} />
      {data.data && codes.length === 0 && <p className="panel muted">{t('masterData.tariffs.noSchedules')}</p>}
      {codes.map((code) => {
        const versions = byCode.get(code)!.sort((a, b) => b.version - a.version);
        const status = versionStatuses(versions, now);
        return (
          <article key={code} className="panel schedule-card" data-testid="schedule-card" data-code={code}>
            <header className="schedule-head">
              <h3><bdi className="mono" dir="ltr">{code}</bdi> · <bdi>{versions[0]!.name[lang]}</bdi></h3>
              {canEdit && (
                <div className="row-actions">
                  <button type="button" className="btn btn-small" data-testid="new-version" onClick={() => { setNotice(null); setNewVersionOf(versions[0]!); }}>{t('masterData.tariffs.newVersion')}</button>
                  <button type="button" className="btn btn-small btn-danger-outline" data-testid="schedule-delete" onClick={() => setDeleting({ path: 'tariff-schedules', key: `${code}@${versions[0]!.version}` })}>
                    {t('masterData.tariffs.deleteLatest')}
                  </button>
                </div>
              )}
            </header>
            <div className="table-wrap">
              <table className="table" data-testid="versions-table">
                <thead>
                  <tr>
                    <th className="num">{t('masterData.tariffs.version')}</th><th>{t('masterData.tariffs.effectiveFrom')}</th><th>{t('masterData.tariffs.status')}</th>
                    <th>{t('masterData.tariffs.periods')}</th><th className="num">{t('masterData.tariffs.vat')}</th><th className="num">{t('masterData.tariffs.fee')}</th>
                    <th className="num">{t('masterData.tariffs.purchase')}</th>
                  </tr>
                </thead>
                <tbody>
                  {versions.map((v) => (
                    <tr key={v.version} data-testid="version-row" data-version={v.version}>
                      <td className="num">{v.version}</td>
                      <td>{dateTime(v.effectiveFrom, lang)}</td>
                      <td><span className={`tag tag-${status.get(v.version) === 'current' ? 'ok' : status.get(v.version) === 'upcoming' ? 'warn' : 'muted'}`}>{t(`masterData.tariffs.statuses.${status.get(v.version)}`)}</span></td>
                      <td>
                        <ul className="period-list">
                          {v.periods.map((p, i) => (
                            <li key={i}><bdi dir="ltr">{p.start}–{p.end}</bdi> <bdi>{p.name[lang]}</bdi>: <bdi dir="ltr">{p.pricePerKwh}</bdi> {t(cur.decimals === 0 ? 'masterData.tariffs.perKwhMajor' : 'masterData.tariffs.perKwhMinor', { currency: cur.currency })}</li>
                          ))}
                        </ul>
                      </td>
                      <td className="num"><bdi dir="ltr">{v.vatPercent}%</bdi></td>
                      <td className="num"><bdi>{formatMoney(v.feeMinor, cur.currency, cur.decimals, lang)}</bdi> <span className="muted">{t(`masterData.tariffs.feeModes.${v.feeMode}`)}</span></td>
                      <td className="num"><bdi>{formatMoney(v.minPurchaseMinor, cur.currency, cur.decimals, lang)} – {formatMoney(v.maxPurchaseMinor, cur.currency, cur.decimals, lang)}</bdi></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted small">{t('masterData.tariffs.immutable')}</p>
          </article>
        );
      })}

      <div className="tab-head">
        <div>
          <h2>{t('masterData.tariffs.groups')}</h2>
          <p className="muted">{t('masterData.tariffs.groupsIntro')}</p>
        </div>
        {canEdit && <button type="button" className="btn btn-primary btn-small" data-testid="new-group" onClick={() => { setNotice(null); setEditingGroup('new'); }}>{t('masterData.tariffs.createGroup')}</button>}
      </div>
      {data.data && data.data.groups.length === 0 && <p className="panel muted">{t('masterData.tariffs.noGroups')}</p>}
      {data.data && data.data.groups.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="groups-table">
            <thead>
              <tr><th>{t('masterData.tariffs.groupCode')}</th><th>{t('masterData.tariffs.name')}</th><th>{t('masterData.tariffs.schedule')}</th>{canEdit && <th>{t('masterData.actions')}</th>}</tr>
            </thead>
            <tbody>
              {data.data.groups.map((g) => (
                <tr key={g.code} data-testid="group-row" data-group={g.code}>
                  <td><bdi className="mono" dir="ltr">{g.code}</bdi></td>
                  <td><bdi>{g.name[lang]}</bdi></td>
                  <td><bdi className="mono" dir="ltr">{g.scheduleCode}</bdi></td>
                  {canEdit && (
                    <td className="row-actions">
                      <button type="button" className="btn btn-small" data-testid="group-edit" onClick={() => { setNotice(null); setEditingGroup(g); }}>{t('masterData.edit')}</button>
                      <button type="button" className="btn btn-small btn-danger-outline" data-testid="group-delete" onClick={() => setDeleting({ path: 'tariff-groups', key: g.code })}>{t('masterData.delete')}</button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {newVersionOf !== null && data.data && (
        <ScheduleDialog base={newVersionOf === 'new' ? null : newVersionOf} takenCodes={codes}
          onClose={(saved) => {
            setNewVersionOf(null);
            if (saved) {
              setNotice(t('masterData.tariffs.savedVersion', { key: saved }));
              data.reload();
            }
          }} />
      )}
      {editingGroup !== null && data.data && (
        <GroupDialog group={editingGroup === 'new' ? null : editingGroup} scheduleCodes={codes}
          onClose={(saved) => {
            setEditingGroup(null);
            if (saved) {
              setNotice(t('masterData.tariffs.savedGroup', { code: saved }));
              data.reload();
            }
          }} />
      )}
      <DeleteDialog open={deleting !== null}
        title={deleting?.path === 'tariff-groups' ? t('masterData.tariffs.deleteGroupTitle', { key: deleting.key }) : t('masterData.tariffs.deleteVersionTitle', { key: deleting?.key ?? '' })}
        body={deleting?.path === 'tariff-groups' ? t('masterData.tariffs.deleteGroupBody') : t('masterData.tariffs.deleteVersionBody')}
        run={() => deleteRecord(deleting!.path, deleting!.key)}
        onClose={(done) => {
          if (done) setNotice(t('masterData.deletedNotice', { key: deleting?.key }));
          setDeleting(null);
          if (done) data.reload();
        }} />
    </div>
  );
}
