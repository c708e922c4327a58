import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput } from '../../../preload/contract';
import { invoke } from '../../transport';
import { useFormat } from '../../hooks/useFormat';
import { minorToInput, normalizeDigits, parseMajorToMinor } from '../../lib/money';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PeriodRow } from './PeriodRow';
import { TimelineBar } from './TimelineBar';
import type { PeriodView } from './periods';
import { useAction } from './useAction';
import { MoneyInput } from '../../components/MoneyInput';

type Schedule = ChannelOutput<'tariffs.get'>;
const BLANK: PeriodView = { name: { ar: 'طوال اليوم', en: 'All day' }, start: '00:00', end: '24:00', pricePerKwh: '100', active: true };

/**
 * Writes a NEW version (an old version is never edited): starts from the version shown, or blank.
 * The server validates (gaps, overlaps, prices) and its bilingual message is shown as is.
 */
export function ScheduleEditor({ from, onSaved, onCancel }: { from: Schedule | null; onSaved(s: Schedule): void; onCancel(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const dec = f.decimals;
  const [code, setCode] = useState(from?.code ?? '');
  const [name, setName] = useState(from?.name ?? { ar: '', en: '' });
  const [effective, setEffective] = useState('');
  const [vat, setVat] = useState(from?.vatPercent ?? '0');
  const [fee, setFee] = useState(minorToInput(from?.feeMinor ?? 0, dec));
  const [feeMode, setFeeMode] = useState(from?.feeMode ?? 'per_sale');
  const [debtPct, setDebtPct] = useState(from?.debtRecoveryPercent ?? '0');
  const [min, setMin] = useState(minorToInput(from?.minPurchaseMinor ?? 1, dec));
  const [max, setMax] = useState(minorToInput(from?.maxPurchaseMinor ?? 500_000, dec));
  const [periods, setPeriods] = useState<PeriodView[]>(from?.periods.map((p) => ({ ...p })) ?? [BLANK]);
  const { busy, error, run, setError } = useAction();

  const save = async () => {
    const money = [fee, min, max].map((v, i) => parseMajorToMinor(v, dec, { allowZero: i === 0 }));
    const bad = money.find((m) => !m.ok);
    if (bad && !bad.ok) return setError(bad.message);
    const [feeMinor, minMinor, maxMinor] = money.map((m) => (m.ok ? m.minor : 0)) as [number, number, number];
    const input: ChannelInput<'tariffs.createVersion'> = {
      code: code.trim(), name, vatPercent: normalizeDigits(vat), feeMinor, feeMode, debtRecoveryPercent: normalizeDigits(debtPct),
      minPurchaseMinor: minMinor, maxPurchaseMinor: maxMinor, ...(effective ? { effectiveFrom: new Date(effective).toISOString() } : {}),
      periods: periods.map((p) => ({ ...p, start: normalizeDigits(p.start), end: normalizeDigits(p.end), pricePerKwh: normalizeDigits(p.pricePerKwh) })),
    };
    const saved = await run(() => invoke('tariffs.createVersion', input));
    if (saved) onSaved(saved);
  };

  const field = (label: string, value: string, set: (v: string) => void, opts: { ltr?: boolean; hint?: string; testid?: string } = {}) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className="input input-sm" dir={opts.ltr ? 'ltr' : undefined} value={value} data-testid={opts.testid} onChange={(e) => set(e.target.value)} />
      {opts.hint ? <span className="field-hint">{opts.hint}</span> : null}
    </label>
  );
  // Money fields take the one money input (digits of either script, the decimal keypad, LTR).
  const moneyField = (label: string, value: string, set: (v: string) => void, id: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <MoneyInput id={id} testId={id} className="input-sm" value={value} onChange={set} />
    </label>
  );
  return (
    <section className="panel tariff-editor" aria-labelledby="editor-title" data-testid="schedule-editor">
      <h2 id="editor-title">{from ? t('tariffs.editorTitle', { version: from.version + 1 }) : t('tariffs.newSchedule')}</h2>
      <p className="muted">{t('tariffs.editorHint')}</p>
      <div className="editor-grid">
        {from ? null : field(t('tariffs.code'), code, setCode, { ltr: true, hint: t('tariffs.codeHint') })}
        {field(t('tariffs.nameAr'), name.ar, (v) => setName({ ...name, ar: v }))}
        {field(t('tariffs.nameEn'), name.en, (v) => setName({ ...name, en: v }), { ltr: true })}
        <label className="field">
          <span className="field-label">{t('tariffs.effectiveFrom')}</span>
          <input className="input input-sm" type="datetime-local" dir="ltr" value={effective} onChange={(e) => setEffective(e.target.value)} />
          <span className="field-hint">{t('tariffs.effectiveHint')}</span>
        </label>
        {field(t('tariffs.vat'), vat, setVat, { ltr: true })}
        {moneyField(t('tariffs.fee', { currency: f.currency }), fee, setFee, 'tariff-fee')}
        <label className="field">
          <span className="field-label">{t('tariffs.feeMode')}</span>
          <select className="input input-sm" value={feeMode} onChange={(e) => setFeeMode(e.target.value as typeof feeMode)}>
            <option value="per_sale">{t('tariffs.feePerSale')}</option>
            <option value="first_of_month">{t('tariffs.feeFirstOfMonth')}</option>
          </select>
        </label>
        {field(t('tariffs.debtRecovery'), debtPct, setDebtPct, { ltr: true })}
        {moneyField(t('tariffs.minPurchase', { currency: f.currency }), min, setMin, 'tariff-min-purchase')}
        {moneyField(t('tariffs.maxPurchase', { currency: f.currency }), max, setMax, 'tariff-max-purchase')}
      </div>
      <TimelineBar periods={periods} />
      <table className="period-table">
        <thead>
          <tr><th /><th>{t('tariffs.nameAr')}</th><th>{t('tariffs.nameEn')}</th><th>{t('tariffs.start')}</th><th>{t('tariffs.end')}</th>
            <th>{t('tariffs.priceUnit', { unit: dec === 0 ? f.currency : t('tariffs.minorOf', { currency: f.currency }) })}</th><th>{t('tariffs.active')}</th><th /></tr>
        </thead>
        <tbody>
          {periods.map((p, i) => (
            <PeriodRow key={i} index={i} period={p} onChange={(np) => setPeriods(periods.map((q, j) => (j === i ? np : q)))}
              onRemove={periods.length > 1 ? () => setPeriods(periods.filter((_, j) => j !== i)) : undefined} />
          ))}
        </tbody>
      </table>
      <div className="editor-actions">
        <button type="button" className="btn btn-small" disabled={periods.length >= 8} onClick={() => setPeriods([...periods, { ...BLANK, name: { ar: '', en: '' }, start: '', end: '' }])}>
          {t('tariffs.addPeriod')}
        </button>
        <span className="muted">{t('tariffs.periodCount', { count: periods.length })}</span>
      </div>
      <ErrorMessage message={error} />
      <div className="editor-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save()} data-testid="save-version">{t('tariffs.saveVersion')}</button>
        <button type="button" className="btn" onClick={onCancel}>{t('tariffs.cancel')}</button>
      </div>
    </section>
  );
}
