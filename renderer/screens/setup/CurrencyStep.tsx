import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveStep } from '../../actions/setup';
import { useSession } from '../../stores/session';
import { useSetup } from '../../stores/setup';
import { Choice } from '../printer/Choice';
import { SetupField, StepFrame } from './StepFrame';
import { useStepSave } from './useStepSave';

const CODES = new Set(Intl.supportedValuesOf('currency'));

/** The ISO 4217 minor unit of a currency as the browser's ICU knows it (null: not a currency). */
function isoDecimals(code: string): number | null {
  if (!CODES.has(code)) return null;
  return Math.min(3, new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2);
}

/** The currency (ISO 4217) and how many decimals its amounts have; the standard's answer is proposed, the operator confirms. */
export function CurrencyStep() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const info = useSession((s) => s.info);
  const saved = useSetup((s) => s.status?.saved?.currency ?? null);
  const [code, setCode] = useState(saved?.code ?? info?.currency ?? 'YER');
  const [decimals, setDecimals] = useState<number>(saved?.decimals ?? info?.currencyDecimals ?? 0);
  const { busy, error, bad, run } = useStepSave();
  const upper = code.trim().toUpperCase();
  const iso = isoDecimals(upper);
  const name = useMemo(() => (iso === null ? null : new Intl.DisplayNames([lang], { type: 'currency' }).of(upper)), [iso, lang, upper]);
  const sample = iso === null ? null : new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(1234.5);
  const changeCode = (v: string) => {
    setCode(v);
    const d = isoDecimals(v.trim().toUpperCase());
    if (d !== null) setDecimals(d);
  };
  return (
    <StepFrame title={t('setup.currency.title')} intro={t('setup.currency.intro')} error={error} busy={busy} onNext={() => void run(() => saveStep('setup.saveCurrency', { code: upper, decimals }))}
      aside={sample !== null && <p className="setup-note" data-testid="setup-currency-sample">{t('setup.currency.sample')} <bdi dir="ltr">{sample} {upper}</bdi></p>}>
      <SetupField code id="setup-currency-code" label={t('setup.currency.code')} hint={name ? `${name} · ${t('setup.currency.isoDecimals', { n: iso })}` : t('setup.currency.codeHint')} dir="ltr" maxLength={3} autoFocus invalid={bad.includes('code')} value={code} onChange={changeCode} />
      <Choice<number> name="setup-decimals" label={t('setup.currency.decimals')} value={decimals} onChange={setDecimals}
        options={[0, 1, 2, 3].map((n) => ({ value: n, label: String(n) }))} />
      <p className="field-hint">{t('setup.currency.decimalsHint')}</p>
    </StepFrame>
  );
}
