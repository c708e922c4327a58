import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidMeterNumber, MasterMeterSchema, type MasterCustomer, type MasterGroup, type MasterMeter, type MasterSchedule } from '../../../master-wire';
import { listPage, saveMeter } from '../../actions/master-data';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { amountText, readAmount } from '../../lib/amount';
import { ApiError } from '../../lib/api';
import { useLang } from '../../lib/lang';
import { useMaster } from './context';
import { FormField } from './FormField';
import { schemaProblems, type FieldErrors } from './problems';

interface Form {
  number: string; kind: 'sts' | 'acrel'; active: boolean; customerKey: string;
  tariffBy: 'schedule' | 'group'; scheduleCode: string; groupCode: string; paymentMode: MasterMeter['paymentMode'];
  minPurchase: string; maxPurchase: string; creditLimit: string; deposit: string;
  sgc: string; ti: string; krn: string; keyType: string; baseDate: string; ea: string; dkga: string;
}

const STS_FIELDS = ['sgc', 'ti', 'krn', 'keyType', 'baseDate', 'ea', 'dkga'] as const;

function formOf(m: MasterMeter | null, decimals: number): Form {
  return {
    number: m?.number ?? '', kind: m?.kind ?? 'sts', active: m?.active ?? true, customerKey: m?.customerKey ?? '',
    tariffBy: m?.groupCode ? 'group' : 'schedule', scheduleCode: m?.scheduleCode ?? '', groupCode: m?.groupCode ?? '', paymentMode: m?.paymentMode ?? 'prepaid',
    minPurchase: amountText(m?.minPurchaseMinor ?? null, decimals), maxPurchase: amountText(m?.maxPurchaseMinor ?? null, decimals),
    creditLimit: amountText(m?.creditLimitMinor ?? null, decimals), deposit: amountText(m?.depositMinor ?? 0, decimals),
    sgc: m?.sts?.sgc ?? '', ti: m?.sts?.ti ?? '', krn: String(m?.sts?.krn ?? 1), keyType: String(m?.sts?.keyType ?? 2),
    baseDate: String(m?.sts?.baseDate ?? 1993), ea: m?.sts?.ea ?? '07', dkga: m?.sts?.dkga ?? '02',
  };
}

/** Which of the service's refusals belongs next to which field. */
const REFUSAL_FIELD: Record<string, string> = { BAD_METER_NUMBER: 'number', NO_SUCH_CUSTOMER: 'customerKey', NO_SUCH_GROUP: 'groupCode', NO_SUCH_SCHEDULE: 'scheduleCode' };

/** Create a meter (meter === null) or change one; the number is its key and stays. */
export function MeterDialog({ meter, schedules, groups, onClose }: { meter: MasterMeter | null; schedules: MasterSchedule[]; groups: MasterGroup[]; onClose: (saved: string | null) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { money } = useMaster();
  const [f, setF] = useState<Form>(() => formOf(meter, money.decimals));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [customers, setCustomers] = useState<{ key: string; data: MasterCustomer }[]>([]);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setF((x) => ({ ...x, [k]: v }));
  const text = (k: keyof Form) => (e: { target: { value: string } }) => set(k, e.target.value as never);

  // Customers matching what is typed, for the picker (the service searches; the last answer wins).
  useEffect(() => {
    let live = true;
    listPage<MasterCustomer>('customers', { q: f.customerKey.trim() || undefined }, null, 20).then((p) => live && setCustomers(p.records), () => undefined);
    return () => {
      live = false;
    };
  }, [f.customerKey]);

  const codes = [...new Set(schedules.map((s) => s.code))].sort();
  const chosen = customers.find((c) => c.key === f.customerKey.trim());
  const keysChanged = meter?.sts != null && f.kind === 'sts' && STS_FIELDS.some((k) => String(meter.sts![k]) !== f[k].trim());

  const build = (): { meter: MasterMeter | null; problems: FieldErrors } => {
    const problems: FieldErrors = {};
    const amount = (k: 'minPurchase' | 'maxPurchase' | 'creditLimit' | 'deposit', o: { optional?: boolean; allowZero?: boolean }) => {
      const r = readAmount(f[k], money.decimals, o);
      if (!r.ok) {
        problems[k] = r.message[lang];
        return null;
      }
      return r.minor;
    };
    const minP = amount('minPurchase', { optional: true });
    const maxP = amount('maxPurchase', { optional: true });
    const limit = amount('creditLimit', { optional: true });
    const deposit = amount('deposit', { allowZero: true }) ?? 0;
    if (minP !== null && maxP !== null && minP > maxP) problems.maxPurchase = t('masterData.meters.maxBelowMin');
    if (f.paymentMode === 'credit' && limit === null && !problems.creditLimit) problems.creditLimit = t('masterData.meters.creditNeedsLimit');
    const number = f.number.trim();
    if (f.kind === 'sts' && !/^(\d{11}|\d{13})$/.test(number)) problems.number = t('masterData.meters.stsDigits');
    else if (f.kind === 'sts' && !isValidMeterNumber(number)) problems.number = t('masterData.meters.checkDigit');
    else if (f.kind === 'acrel' && !/^\d{6,20}$/.test(number)) problems.number = t('masterData.meters.cloudDigits');
    const group = f.tariffBy === 'group' ? groups.find((g) => g.code === f.groupCode) : undefined;
    if (f.tariffBy === 'group' && !group) problems.groupCode = t('masterData.meters.pickGroup');
    if (f.tariffBy === 'schedule' && !f.scheduleCode) problems.scheduleCode = t('masterData.meters.pickSchedule');
    const m: MasterMeter = {
      number, kind: f.kind, active: f.active, customerKey: f.customerKey.trim() || null,
      // A group names its schedule: the counters price by the group's.
      scheduleCode: group ? group.scheduleCode : f.scheduleCode, groupCode: group ? group.code : null,
      paymentMode: f.paymentMode, minPurchaseMinor: minP, maxPurchaseMinor: maxP, creditLimitMinor: limit, depositMinor: deposit,
      sts: f.kind === 'sts'
        ? { sgc: f.sgc.trim(), ti: f.ti.trim(), krn: Number(f.krn), keyType: Number(f.keyType), baseDate: Number(f.baseDate) as 1993 | 2014 | 2035, ea: f.ea as '07' | '11', dkga: f.dkga as '02' | '04' }
        : null,
    };
    const shape = schemaProblems(MasterMeterSchema, m, t, (p) => (p[0] === 'sts' ? String(p[1] ?? 'sgc') : String(p[0])));
    const all = { ...shape, ...problems };
    return { meter: Object.keys(all).length ? null : m, problems: all };
  };

  const submit = async () => {
    const { meter: m, problems } = build();
    setErrors(problems);
    setError(null);
    if (!m) return;
    setBusy(true);
    try {
      await saveMeter(m);
      onClose(m.number);
    } catch (e) {
      const field = e instanceof ApiError ? REFUSAL_FIELD[e.code] : undefined;
      if (field && e instanceof ApiError) setErrors({ [field === 'groupCode' && f.tariffBy === 'schedule' ? 'scheduleCode' : field]: e.text[lang] });
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const money$ = (k: 'minPurchase' | 'maxPurchase' | 'creditLimit' | 'deposit', label: string, hint?: string) => (
    <FormField id={`md-${k}`} label={t('masterData.inCurrency', { what: label, currency: money.currency })} hint={hint} error={errors[k]}>
      <input id={`md-${k}`} className="input" dir="ltr" inputMode="decimal" maxLength={16} value={f[k]} onChange={text(k)} />
    </FormField>
  );

  return (
    <Dialog open testId="meter-dialog" title={meter ? t('masterData.meters.editTitle', { number: meter.number }) : t('masterData.meters.createTitle')}
      onCancel={() => !busy && onClose(null)} onSubmit={() => void submit()}
      actions={<>
        <button type="button" className="btn" disabled={busy} onClick={() => onClose(null)}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="meter-submit">{t('common.save')}</button>
      </>}>
      <ErrorText error={error} />
      <div className="form-grid">
        <FormField id="md-number" label={t('masterData.meters.number')} error={errors.number}>
          <input id="md-number" className="input mono" dir="ltr" inputMode="numeric" maxLength={32} autoFocus={!meter} readOnly={meter !== null} value={f.number} onChange={text('number')} />
        </FormField>
        <FormField id="md-kind" label={t('masterData.meters.kind')}>
          <select id="md-kind" className="input" disabled={meter !== null} value={f.kind} onChange={(e) => set('kind', e.target.value as Form['kind'])}>
            <option value="sts">{t('masterData.kinds.sts')}</option>
            <option value="acrel">{t('masterData.kinds.acrel')}</option>
          </select>
        </FormField>
        <FormField id="md-customer" label={t('masterData.meters.customer')} error={errors.customerKey}
          hint={chosen ? `${chosen.data.nameAr}${chosen.data.nameLatin ? ` · ${chosen.data.nameLatin}` : ''}` : t('masterData.meters.customerHint')}>
          <input id="md-customer" className="input" dir="ltr" list="md-customer-list" maxLength={64} autoComplete="off" value={f.customerKey} onChange={text('customerKey')} />
          <datalist id="md-customer-list">
            {customers.map((c) => <option key={c.key} value={c.key}>{`${c.data.nameAr}${c.data.nameLatin ? ` · ${c.data.nameLatin}` : ''}`}</option>)}
          </datalist>
        </FormField>
        <FormField id="md-mode" label={t('masterData.meters.paymentMode')}>
          <select id="md-mode" className="input" value={f.paymentMode} onChange={(e) => set('paymentMode', e.target.value as Form['paymentMode'])}>
            {(['prepaid', 'postpaid', 'credit'] as const).map((p) => <option key={p} value={p}>{t(`masterData.paymentModes.${p}`)}</option>)}
          </select>
        </FormField>
        <FormField id="md-tariff-by" label={t('masterData.meters.tariffBy')}>
          <select id="md-tariff-by" className="input" value={f.tariffBy} onChange={(e) => set('tariffBy', e.target.value as Form['tariffBy'])}>
            <option value="schedule">{t('masterData.meters.bySchedule')}</option>
            <option value="group">{t('masterData.meters.byGroup')}</option>
          </select>
        </FormField>
        {f.tariffBy === 'schedule'
          ? (
            <FormField id="md-schedule" label={t('masterData.meters.schedule')} error={errors.scheduleCode}>
              <select id="md-schedule" className="input" value={f.scheduleCode} onChange={text('scheduleCode')}>
                <option value="">{t('masterData.choose')}</option>
                {codes.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </FormField>
          )
          : (
            <FormField id="md-group" label={t('masterData.meters.group')} error={errors.groupCode}>
              <select id="md-group" className="input" value={f.groupCode} onChange={text('groupCode')}>
                <option value="">{t('masterData.choose')}</option>
                {groups.map((g) => <option key={g.code} value={g.code}>{`${g.name[lang]} (${g.code} → ${g.scheduleCode})`}</option>)}
              </select>
            </FormField>
          )}
        {money$('minPurchase', t('masterData.meters.minPurchase'), t('masterData.meters.blankIsSchedule'))}
        {money$('maxPurchase', t('masterData.meters.maxPurchase'), t('masterData.meters.blankIsSchedule'))}
        {money$('creditLimit', t('masterData.meters.creditLimit'), t('masterData.meters.creditLimitHint'))}
        {money$('deposit', t('masterData.meters.deposit'))}
        <div className="field field-check">
          <label><input type="checkbox" data-testid="md-active" checked={f.active} onChange={(e) => set('active', e.target.checked)} /> {t('masterData.meters.activeLabel')}</label>
        </div>
      </div>
      {f.kind === 'sts' && (
        <fieldset className="form-section" data-testid="sts-keys">
          <legend>{t('masterData.meters.stsKeys')}</legend>
          {meter?.sts && (
            <p className={keysChanged ? 'warning-box is-strong' : 'warning-box'} role="note" data-testid="key-change-warning">
              {t(keysChanged ? 'masterData.meters.keyChangeNow' : 'masterData.meters.keyChangeWarning')}
            </p>
          )}
          <div className="form-grid">
            <FormField id="md-sgc" label={t('masterData.meters.sgc')} hint={t('masterData.meters.sgcHint')} error={errors.sgc}>
              <input id="md-sgc" className="input mono" dir="ltr" inputMode="numeric" maxLength={6} value={f.sgc} onChange={text('sgc')} />
            </FormField>
            <FormField id="md-ti" label={t('masterData.meters.ti')} hint={t('masterData.meters.tiHint')} error={errors.ti}>
              <input id="md-ti" className="input mono" dir="ltr" inputMode="numeric" maxLength={2} value={f.ti} onChange={text('ti')} />
            </FormField>
            <FormField id="md-krn" label={t('masterData.meters.krn')} error={errors.krn}>
              <select id="md-krn" className="input" dir="ltr" value={f.krn} onChange={text('krn')}>
                {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => <option key={n} value={String(n)}>{n}</option>)}
              </select>
            </FormField>
            <FormField id="md-keytype" label={t('masterData.meters.keyType')} error={errors.keyType}>
              <select id="md-keytype" className="input" dir="ltr" value={f.keyType} onChange={text('keyType')}>
                {[0, 1, 2, 3].map((n) => <option key={n} value={String(n)}>{n}</option>)}
              </select>
            </FormField>
            <FormField id="md-basedate" label={t('masterData.meters.baseDate')} error={errors.baseDate}>
              <select id="md-basedate" className="input" dir="ltr" value={f.baseDate} onChange={text('baseDate')}>
                {['1993', '2014', '2035'].map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </FormField>
            <FormField id="md-ea" label={t('masterData.meters.ea')} error={errors.ea}>
              <select id="md-ea" className="input" dir="ltr" value={f.ea} onChange={text('ea')}>
                <option value="07">07</option><option value="11">11</option>
              </select>
            </FormField>
            <FormField id="md-dkga" label={t('masterData.meters.dkga')} error={errors.dkga}>
              <select id="md-dkga" className="input" dir="ltr" value={f.dkga} onChange={text('dkga')}>
                <option value="02">02</option><option value="04">04</option>
              </select>
            </FormField>
          </div>
        </fieldset>
      )}
    </Dialog>
  );
}
