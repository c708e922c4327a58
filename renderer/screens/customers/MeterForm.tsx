import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, MeterDetail } from '../../../preload/contract';
import { emptySts, saveMeter, type MeterDraft } from '../../actions/customersMeter';
import { openCustomer } from '../../actions/customersSave';
import { normalizeDigits } from '../../lib/money';
import { ErrorMessage } from '../../components/ErrorMessage';
import { StsFields } from './StsFields';
import { useHeadOfficeOwned } from '../../stores/masterData';

function draftOf(m: MeterDetail | null): MeterDraft {
  const s = m?.sts;
  return {
    number: m?.number ?? '', kind: m?.kind ?? 'sts', scheduleCode: m?.groupCode ? '' : (m?.scheduleCode ?? 'RES-TOU'), groupCode: m?.groupCode ?? '', active: m?.active ?? true,
    sts: s ? { sgc: s.sgc, ti: s.ti, krn: String(s.krn), keyType: String(s.keyType), baseDate: String(s.baseDate), ea: s.ea, dkga: s.dkga } : emptySts,
  };
}

/** Create or edit a meter: number (check digit checked by main), kind, tariff, STS key data. */
export function MeterForm({ meter, customerId }: { meter: MeterDetail | null; customerId: number | null }) {
  const { t } = useTranslation();
  const [d, setD] = useState(() => draftOf(meter));
  const [error, setError] = useState<{ message: Bilingual; issues: string[] } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const owned = useHeadOfficeOwned();
  const edit = (p: Partial<MeterDraft>) => { setSaved(false); setD({ ...d, ...p }); };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await saveMeter(meter, customerId, d);
    setBusy(false);
    setError(r.ok ? null : { message: r.message, issues: r.issues });
    setSaved(r.ok);
  };
  return (
    <form className="panel day-card" data-testid="meter-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="day-title">{owned ? t('customers.viewMeter') : meter ? t('customers.editMeter') : t('customers.newMeter')}</h2>
      <fieldset className="plain-fieldset" disabled={owned}>
      <label className="field">
        <span className="field-label">{t('customers.meterNumber')}</span>
        <input className="input" dir="ltr" inputMode="numeric" data-testid="meter-number" readOnly={meter !== null} value={d.number}
          aria-invalid={error ? true : undefined} onChange={(e) => edit({ number: normalizeDigits(e.target.value).replace(/[^\d]/g, '') })} />
      </label>
      {!meter && (
        <div className="day-row">
          <label className="field">
            <span className="field-label">{t('customers.kind')}</span>
            <select className="input" data-testid="meter-kind" value={d.kind} onChange={(e) => edit({ kind: e.target.value as MeterDraft['kind'] })}>
              <option value="sts">{t('meter.kind.sts')}</option>
              <option value="acrel">{t('meter.kind.acrel')}</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('customers.schedule')}</span>
            <input className="input" dir="ltr" data-testid="meter-schedule" value={d.scheduleCode} onChange={(e) => edit({ scheduleCode: e.target.value, groupCode: '' })} />
          </label>
          <label className="field">
            <span className="field-label">{t('customers.group')}</span>
            <input className="input" dir="ltr" data-testid="meter-group" value={d.groupCode} onChange={(e) => edit({ groupCode: e.target.value, scheduleCode: '' })} />
          </label>
        </div>
      )}
      {meter && <p className="muted">{t('customers.tariffHint', { code: meter.groupCode ?? meter.scheduleCode })}</p>}
      {meter?.kind === 'sts' && meter.hasVendingKey === false && <p className="sync-warn">{t('customers.noVendingKey')}</p>}
      {d.kind === 'sts' && <StsFields sts={d.sts} onChange={(sts) => edit({ sts })} />}
      {meter && (
        <label className="check">
          <input type="checkbox" data-testid="meter-active" checked={d.active} onChange={(e) => edit({ active: e.target.checked })} /> {t('customers.active')}
        </label>
      )}
      </fieldset>
      <ErrorMessage message={error?.message ?? null} />
      {error && error.issues.length > 0 && <ul className="muted" dir="ltr">{error.issues.map((i) => <li key={i}>{i}</li>)}</ul>}
      <div className="day-actions">
        {!owned && <button type="submit" className="btn btn-primary" data-testid="meter-save" disabled={busy || !d.number}>{t('customers.save')} <kbd dir="ltr">Enter</kbd></button>}
        {customerId !== null && <button type="button" className="btn btn-ghost" onClick={() => void openCustomer(customerId)}>{t('customers.backToCustomer')}</button>}
        {saved && <span className="sync-ok" role="status" data-testid="meter-saved">{t('customers.saved')}</span>}
      </div>
    </form>
  );
}
