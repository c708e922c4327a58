import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupPrinterInput } from '../../../preload/contract';
import { saveStep } from '../../actions/setup';
import { invoke } from '../../transport';
import { useSetup } from '../../stores/setup';
import { Choice } from '../printer/Choice';
import { SetupField, StepFrame } from './StepFrame';
import { useStepSave } from './useStepSave';

const NONE: SetupPrinterInput = { iface: null, widthMm: 80, profile: 'epson', language: 'both', cashDrawer: true };

/** Where receipts go, with a test page; an empty address means this counter has no printer. */
export function PrinterStep() {
  const { t } = useTranslation();
  const saved = useSetup((s) => s.status?.saved?.printer ?? NONE);
  const [p, setP] = useState<SetupPrinterInput>(saved);
  const [printed, setPrinted] = useState(false);
  const { busy, error, bad, run, setError } = useStepSave();
  const patch = (x: Partial<SetupPrinterInput>) => {
    setP({ ...p, ...x });
    setPrinted(false);
  };
  const testPage = () => run(async () => {
    setPrinted(false);
    const r = await invoke('setup.testPrinter', p);
    if (r.printed) setPrinted(true);
    else setError(r.error);
  });
  return (
    <StepFrame title={t('setup.printer.title')} intro={t('setup.printer.intro')} error={error} busy={busy} onNext={() => void run(() => saveStep('setup.savePrinter', p))}
      aside={printed && <p className="setup-note note-ok" role="status" data-testid="setup-printer-ok">{t('setup.printer.printed')}</p>}>
      <SetupField code id="setup-printer-iface" label={t('printer.iface')} hint={t('setup.printer.ifaceHint')} dir="ltr" autoFocus invalid={bad.includes('iface')} value={p.iface ?? ''} onChange={(v) => patch({ iface: v })} />
      <div className="setup-pair">
        <Choice name="setup-width" label={t('printer.width')} value={p.widthMm} onChange={(widthMm) => patch({ widthMm })}
          options={[{ value: 58, label: t('printer.mm', { n: 58 }) }, { value: 80, label: t('printer.mm', { n: 80 }) }]} />
        <Choice name="setup-profile" label={t('printer.profile')} value={p.profile} onChange={(profile) => patch({ profile })}
          options={[{ value: 'epson', label: 'EPSON / ESC/POS' }, { value: 'star', label: 'STAR' }]} />
      </div>
      <Choice name="setup-receipt-language" label={t('printer.language')} value={p.language} onChange={(language) => patch({ language })}
        options={(['ar', 'en', 'both'] as const).map((l) => ({ value: l, label: t(`printer.languages.${l}`) }))} />
      <label className="check">
        <input type="checkbox" data-testid="setup-printer-drawer" checked={p.cashDrawer} onChange={(e) => patch({ cashDrawer: e.target.checked })} />
        {t('printer.cashDrawer')}
      </label>
      <div>
        <button type="button" className="btn" data-testid="setup-printer-test" disabled={busy || !p.iface?.trim()} onClick={() => void testPage()}>
          {t('setup.printer.test')}
        </button>
      </div>
    </StepFrame>
  );
}
