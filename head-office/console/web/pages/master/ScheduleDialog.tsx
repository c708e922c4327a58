import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { masterScheduleProblems, MasterScheduleSchema, type MasterSchedule } from '../../../master-wire';
import { saveSchedule } from '../../actions/master-data';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { amountText, readAmount } from '../../lib/amount';
import { useLang } from '../../lib/lang';
import { useMaster } from './context';
import { FormField } from './FormField';
import { schemaProblems, type FieldErrors } from './problems';

interface PeriodForm { start: string; end: string; price: string; nameAr: string; nameEn: string }

const MAX_PERIODS = 8;

/** "YYYY-MM-DDTHH:MM" on the browser's clock for an instant (a datetime-local input's value). */
function localInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The price's unit: major units when the currency has no decimals, else minor units (the counters price per kWh in minor units). */
export function priceUnit(t: (k: string, o?: Record<string, unknown>) => string, currency: string, decimals: number): string {
  return decimals === 0 ? t('masterData.tariffs.priceUnitMajor', { currency }) : t('masterData.tariffs.priceUnitMinor', { currency, factor: 10 ** decimals });
}

/**
 * A new version of a schedule (base: the latest version, copied as a start) or the first version
 * of a new schedule (base null). A written version never changes: this form only ever adds one.
 */
export function ScheduleDialog({ base, takenCodes, onClose }: { base: MasterSchedule | null; takenCodes: string[]; onClose: (saved: string | null) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { money } = useMaster();
  const d = money.decimals;
  const [f, setF] = useState(() => ({
    code: base?.code ?? '', nameAr: base?.name.ar ?? '', nameEn: base?.name.en ?? '',
    // A minute from now: a version priced from the past could reprice sales already made.
    effectiveFrom: localInput(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000),
    vatPercent: base?.vatPercent ?? '0', fee: amountText(base?.feeMinor ?? 0, d), feeMode: base?.feeMode ?? 'per_sale',
    debtRecoveryPercent: base?.debtRecoveryPercent ?? '0',
    minPurchase: amountText(base?.minPurchaseMinor ?? null, d), maxPurchase: amountText(base?.maxPurchaseMinor ?? null, d),
  }));
  const [periods, setPeriods] = useState<PeriodForm[]>(() => base?.periods.map((p) => ({ start: p.start, end: p.end, price: p.pricePerKwh, nameAr: p.name.ar, nameEn: p.name.en }))
    ?? [{ start: '00:00', end: '24:00', price: '', nameAr: '', nameEn: '' }]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const version = (base?.version ?? 0) + 1;
  const text = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const setPeriod = (i: number, k: keyof PeriodForm, v: string) => setPeriods((ps) => ps.map((p, j) => (j === i ? { ...p, [k]: v } : p)));

  const submit = async () => {
    const problems: FieldErrors = {};
    const amount = (k: 'fee' | 'minPurchase' | 'maxPurchase', allowZero: boolean) => {
      const r = readAmount(f[k], d, { allowZero });
      if (!r.ok) problems[k] = r.message[lang];
      return r.ok ? r.minor ?? 0 : 0;
    };
    const fee = amount('fee', true);
    const minP = amount('minPurchase', false);
    const maxP = amount('maxPurchase', false);
    if (!base && takenCodes.includes(f.code.trim())) problems.code = t('masterData.tariffs.codeTaken');
    const effective = new Date(f.effectiveFrom);
    if (Number.isNaN(effective.getTime())) problems.effectiveFrom = t('masterData.form.check');
    const s: MasterSchedule = {
      code: f.code.trim(), version, name: { ar: f.nameAr.trim(), en: f.nameEn.trim() },
      effectiveFrom: Number.isNaN(effective.getTime()) ? '' : effective.toISOString(),
      vatPercent: f.vatPercent.trim(), feeMinor: fee, feeMode: f.feeMode, debtRecoveryPercent: f.debtRecoveryPercent.trim(),
      minPurchaseMinor: minP, maxPurchaseMinor: maxP,
      periods: periods.map((p) => ({ start: p.start.trim(), end: p.end.trim(), pricePerKwh: p.price.trim(), name: { ar: p.nameAr.trim(), en: p.nameEn.trim() }, active: true })),
    };
    const shape = schemaProblems(MasterScheduleSchema, s, t, (p) => {
      if (p[0] === 'periods') return `period.${String(p[1] ?? 0)}.${p[2] === 'name' ? `name${p[3] === 'en' ? 'En' : 'Ar'}` : p[2] === 'pricePerKwh' ? 'price' : String(p[2] ?? 'start')}`;
      if (p[0] === 'name') return p[1] === 'en' ? 'nameEn' : 'nameAr';
      return String(p[0]);
    });
    const all = { ...shape, ...problems };
    // The counters' own rules on the periods (they cover the day, none overlaps, prices above zero).
    const rules = Object.keys(all).length ? [] : masterScheduleProblems(s);
    setErrors(all);
    setError(rules.length ? rules.map((r) => r[lang]).join(' ') : null);
    if (Object.keys(all).length || rules.length) return;
    setBusy(true);
    try {
      await saveSchedule(s);
      onClose(`${s.code}@${s.version}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const err = (k: string) => errors[k];
  return (
    <Dialog open testId="schedule-dialog" title={base ? t('masterData.tariffs.newVersionTitle', { code: base.code, version }) : t('masterData.tariffs.createScheduleTitle')}
      onCancel={() => !busy && onClose(null)} onSubmit={() => void submit()}
      actions={<>
        <button type="button" className="btn" disabled={busy} onClick={() => onClose(null)}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="schedule-submit">{t('masterData.tariffs.writeVersion', { version })}</button>
      </>}>
      <p className="warning-box" role="note">{t('masterData.tariffs.immutableForm')}</p>
      <ErrorText error={error} />
      <div className="form-grid">
        <FormField id="sd-code" label={t('masterData.tariffs.code')} error={err('code')}>
          <input id="sd-code" className="input mono" dir="ltr" maxLength={32} autoFocus={!base} readOnly={base !== null} value={f.code} onChange={text('code')} />
        </FormField>
        <FormField id="sd-version" label={t('masterData.tariffs.version')}>
          <input id="sd-version" className="input" dir="ltr" readOnly value={version} />
        </FormField>
        <FormField id="sd-name-ar" label={t('masterData.tariffs.nameAr')} error={err('nameAr')}>
          <input id="sd-name-ar" className="input" dir="rtl" lang="ar" maxLength={60} value={f.nameAr} onChange={text('nameAr')} />
        </FormField>
        <FormField id="sd-name-en" label={t('masterData.tariffs.nameEn')} error={err('nameEn')}>
          <input id="sd-name-en" className="input" dir="ltr" lang="en" maxLength={60} value={f.nameEn} onChange={text('nameEn')} />
        </FormField>
        <FormField id="sd-effective" label={t('masterData.tariffs.effectiveFrom')} hint={t('masterData.tariffs.effectiveHint')} error={err('effectiveFrom')}>
          <input id="sd-effective" className="input" dir="ltr" type="datetime-local" value={f.effectiveFrom} onChange={text('effectiveFrom')} />
        </FormField>
        <FormField id="sd-vat" label={t('masterData.tariffs.vatPercent')} error={err('vatPercent')}>
          <input id="sd-vat" className="input" dir="ltr" inputMode="decimal" maxLength={8} value={f.vatPercent} onChange={text('vatPercent')} />
        </FormField>
        <FormField id="sd-fee" label={t('masterData.inCurrency', { what: t('masterData.tariffs.fee'), currency: money.currency })} error={err('fee')}>
          <input id="sd-fee" className="input" dir="ltr" inputMode="decimal" maxLength={16} value={f.fee} onChange={text('fee')} />
        </FormField>
        <FormField id="sd-fee-mode" label={t('masterData.tariffs.feeMode')}>
          <select id="sd-fee-mode" className="input" value={f.feeMode} onChange={(e) => setF((x) => ({ ...x, feeMode: e.target.value as MasterSchedule['feeMode'] }))}>
            <option value="per_sale">{t('masterData.tariffs.feeModes.per_sale')}</option>
            <option value="first_of_month">{t('masterData.tariffs.feeModes.first_of_month')}</option>
          </select>
        </FormField>
        <FormField id="sd-debt" label={t('masterData.tariffs.debtRecovery')} error={err('debtRecoveryPercent')}>
          <input id="sd-debt" className="input" dir="ltr" inputMode="decimal" maxLength={8} value={f.debtRecoveryPercent} onChange={text('debtRecoveryPercent')} />
        </FormField>
        <FormField id="sd-min" label={t('masterData.inCurrency', { what: t('masterData.tariffs.minPurchase'), currency: money.currency })} error={err('minPurchase')}>
          <input id="sd-min" className="input" dir="ltr" inputMode="decimal" maxLength={16} value={f.minPurchase} onChange={text('minPurchase')} />
        </FormField>
        <FormField id="sd-max" label={t('masterData.inCurrency', { what: t('masterData.tariffs.maxPurchase'), currency: money.currency })} error={err('maxPurchase')}>
          <input id="sd-max" className="input" dir="ltr" inputMode="decimal" maxLength={16} value={f.maxPurchase} onChange={text('maxPurchase')} />
        </FormField>
      </div>
      <fieldset className="form-section" data-testid="periods">
        <legend>{t('masterData.tariffs.periodsLegend', { max: MAX_PERIODS })}</legend>
        {periods.map((p, i) => (
          <div key={i} className="period-row" data-testid="period-row">
            <FormField id={`sd-p${i}-start`} label={t('masterData.tariffs.start')} error={err(`period.${i}.start`)}>
              <input id={`sd-p${i}-start`} className="input" dir="ltr" placeholder="HH:MM" maxLength={5} value={p.start} onChange={(e) => setPeriod(i, 'start', e.target.value)} />
            </FormField>
            <FormField id={`sd-p${i}-end`} label={t('masterData.tariffs.end')} error={err(`period.${i}.end`)}>
              <input id={`sd-p${i}-end`} className="input" dir="ltr" placeholder="HH:MM" maxLength={5} value={p.end} onChange={(e) => setPeriod(i, 'end', e.target.value)} />
            </FormField>
            <FormField id={`sd-p${i}-price`} label={priceUnit(t, money.currency, d)} error={err(`period.${i}.price`)}>
              <input id={`sd-p${i}-price`} className="input" dir="ltr" inputMode="decimal" maxLength={17} value={p.price} onChange={(e) => setPeriod(i, 'price', e.target.value)} />
            </FormField>
            <FormField id={`sd-p${i}-name-ar`} label={t('masterData.tariffs.periodNameAr')} error={err(`period.${i}.nameAr`)}>
              <input id={`sd-p${i}-name-ar`} className="input" dir="rtl" lang="ar" maxLength={60} value={p.nameAr} onChange={(e) => setPeriod(i, 'nameAr', e.target.value)} />
            </FormField>
            <FormField id={`sd-p${i}-name-en`} label={t('masterData.tariffs.periodNameEn')} error={err(`period.${i}.nameEn`)}>
              <input id={`sd-p${i}-name-en`} className="input" dir="ltr" lang="en" maxLength={60} value={p.nameEn} onChange={(e) => setPeriod(i, 'nameEn', e.target.value)} />
            </FormField>
            <button type="button" className="btn btn-small btn-danger-outline period-remove" disabled={periods.length === 1} data-testid="period-remove"
              aria-label={t('masterData.tariffs.removePeriod', { n: i + 1 })} onClick={() => setPeriods((ps) => ps.filter((_, j) => j !== i))}>
              {t('masterData.tariffs.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" disabled={periods.length >= MAX_PERIODS} data-testid="period-add"
          onClick={() => setPeriods((ps) => [...ps, { start: ps.at(-1)?.end === '24:00' ? '' : ps.at(-1)?.end ?? '', end: '24:00', price: '', nameAr: '', nameEn: '' }])}>
          {t('masterData.tariffs.addPeriod')}
        </button>
      </fieldset>
    </Dialog>
  );
}
