import { useTranslation } from 'react-i18next';
import type { Bilingual, PrinterSettings } from '../../../preload/contract';
import { Choice } from './Choice';

type Patch = (p: Partial<PrinterSettings>) => void;

function Text({ id, label, hint, value, dir, invalid, prose, onChange }: { id: string; label: string; hint?: string; value: string; dir: 'ltr' | 'rtl'; invalid?: boolean; prose?: boolean; onChange(v: string): void }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>{label}</label>
      <input id={id} data-testid={id} className={prose ? 'input input-prose' : 'input'} dir={dir} autoComplete="off" aria-invalid={invalid ? true : undefined} value={value} onChange={(e) => onChange(e.target.value)} />
      {hint && <span className="field-hint">{hint}</span>}
    </div>
  );
}

/** The two languages of one wording side by side: Arabic typed right to left, English left to right. */
function Pair({ id, label, value, invalid, onChange }: { id: string; label: string; value: Bilingual; invalid?: boolean; onChange(v: Bilingual): void }) {
  const { t } = useTranslation();
  return (
    <div className="pair">
      <Text id={`${id}-ar`} label={`${label} — ${t('printer.inArabic')}`} dir="rtl" prose invalid={invalid} value={value.ar} onChange={(ar) => onChange({ ...value, ar })} />
      <Text id={`${id}-en`} label={`${label} — ${t('printer.inEnglish')}`} dir="ltr" prose invalid={invalid} value={value.en} onChange={(en) => onChange({ ...value, en })} />
    </div>
  );
}

/**
 * Every printer setting a supervisor can change; `s` is the form's working copy, `bad` the fields
 * main refused (their inputs are outlined). Two columns: where receipts go, and what they say.
 */
export function SettingsFields({ s, patch, bad }: { s: PrinterSettings; patch: Patch; bad: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="printer-grid">
      <section className="printer-fields">
        <h2 className="printer-section">{t('printer.connection')}</h2>
        <Text id="printer-iface" label={t('printer.iface')} hint={t('printer.ifaceHint')} dir="ltr" invalid={bad.includes('iface')} value={s.iface ?? ''} onChange={(v) => patch({ iface: v })} />
        <div className="printer-choices">
          <Choice name="width" label={t('printer.width')} value={s.widthMm} onChange={(widthMm) => patch({ widthMm })}
            options={[{ value: 58, label: t('printer.mm', { n: 58 }) }, { value: 80, label: t('printer.mm', { n: 80 }) }]} />
          <Choice name="profile" label={t('printer.profile')} value={s.profile} onChange={(profile) => patch({ profile })}
            options={[{ value: 'epson', label: 'EPSON / ESC/POS' }, { value: 'star', label: 'STAR' }]} />
        </div>
        <Choice name="language" label={t('printer.language')} value={s.language} onChange={(language) => patch({ language })}
          options={(['ar', 'en', 'both'] as const).map((l) => ({ value: l, label: t(`printer.languages.${l}`) }))} />
        <label className="check">
          <input type="checkbox" data-testid="printer-drawer" checked={s.cashDrawer} onChange={(e) => patch({ cashDrawer: e.target.checked })} />
          {t('printer.cashDrawer')}
        </label>
      </section>
      <section className="printer-fields">
        <h2 className="printer-section">{t('printer.receiptText')}</h2>
        <Pair id="printer-utility" label={t('printer.utilityName')} invalid={bad.includes('utilityName')} value={s.utilityName} onChange={(utilityName) => patch({ utilityName })} />
        <Pair id="printer-address" label={t('printer.address')} invalid={bad.includes('address')} value={s.address ?? { ar: '', en: '' }} onChange={(address) => patch({ address })} />
        <Text id="printer-tax" label={t('printer.taxNumber')} hint={t('printer.optional')} dir="ltr" invalid={bad.includes('taxNumber')} value={s.taxNumber ?? ''} onChange={(v) => patch({ taxNumber: v })} />
        <Pair id="printer-footer" label={t('printer.footer')} invalid={bad.includes('footer')} value={s.footer ?? { ar: '', en: '' }} onChange={(footer) => patch({ footer })} />
      </section>
    </div>
  );
}
