import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MasterGroupSchema, type MasterGroup } from '../../../master-wire';
import { saveGroup } from '../../actions/master-data';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { FormField } from './FormField';
import { schemaProblems, type FieldErrors } from './problems';

/** Create a tariff group (group === null) or change its names or schedule; the code is its key and stays. */
export function GroupDialog({ group, scheduleCodes, onClose }: { group: MasterGroup | null; scheduleCodes: string[]; onClose: (saved: string | null) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ code: group?.code ?? '', nameAr: group?.name.ar ?? '', nameEn: group?.name.en ?? '', scheduleCode: group?.scheduleCode ?? '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const text = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  const submit = async () => {
    const g: MasterGroup = { code: f.code.trim(), name: { ar: f.nameAr.trim(), en: f.nameEn.trim() }, scheduleCode: f.scheduleCode };
    const problems = schemaProblems(MasterGroupSchema, g, t, (p) => (p[0] === 'name' ? (p[1] === 'en' ? 'nameEn' : 'nameAr') : String(p[0])));
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await saveGroup(g);
      onClose(g.code);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open testId="group-dialog" title={group ? t('masterData.tariffs.editGroupTitle', { code: group.code }) : t('masterData.tariffs.createGroupTitle')}
      onCancel={() => !busy && onClose(null)} onSubmit={() => void submit()}
      actions={<>
        <button type="button" className="btn" disabled={busy} onClick={() => onClose(null)}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="group-submit">{t('common.save')}</button>
      </>}>
      <ErrorText error={error} />
      <FormField id="gd-code" label={t('masterData.tariffs.groupCode')} error={errors.code}>
        <input id="gd-code" className="input mono" dir="ltr" maxLength={32} autoFocus={!group} readOnly={group !== null} value={f.code} onChange={text('code')} />
      </FormField>
      <FormField id="gd-name-ar" label={t('masterData.tariffs.nameAr')} error={errors.nameAr}>
        <input id="gd-name-ar" className="input" dir="rtl" lang="ar" maxLength={60} value={f.nameAr} onChange={text('nameAr')} />
      </FormField>
      <FormField id="gd-name-en" label={t('masterData.tariffs.nameEn')} error={errors.nameEn}>
        <input id="gd-name-en" className="input" dir="ltr" lang="en" maxLength={60} value={f.nameEn} onChange={text('nameEn')} />
      </FormField>
      <FormField id="gd-schedule" label={t('masterData.tariffs.schedule')} hint={t('masterData.tariffs.groupScheduleHint')} error={errors.scheduleCode}>
        <select id="gd-schedule" className="input" dir="ltr" value={f.scheduleCode} onChange={text('scheduleCode')}>
          <option value="">{t('masterData.choose')}</option>
          {scheduleCodes.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </FormField>
    </Dialog>
  );
}
