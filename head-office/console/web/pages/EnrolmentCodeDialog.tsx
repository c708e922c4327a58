import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CODE_VALID_HOURS, type IssuedEnrolmentCode } from '../../wire';
import { makeEnrolmentCode } from '../actions/counters';
import { Dialog } from '../components/Dialog';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { dateTime } from '../lib/format';
import { useLang } from '../lib/lang';

/** Makes a one-time code for a counter to enrol with, and shows it once: closing forgets it. */
export function EnrolmentCodeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [name, setName] = useState('');
  const [hours, setHours] = useState('24');
  const [issued, setIssued] = useState<IssuedEnrolmentCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setName('');
    setHours('24');
    setIssued(null);
    setError(null);
    onClose();
  };
  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      setIssued(await makeEnrolmentCode(name.trim(), Number(hours)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (issued) {
    return (
      <Dialog open={open} testId="code-dialog" title={t('counters.codeShown', { name: issued.counterName })} onCancel={close} onSubmit={close}
        actions={<button type="submit" className="btn btn-primary" data-testid="code-done">{t('counters.codeDone')}</button>}>
        <p className="enrol-code" dir="ltr" data-testid="enrolment-code">{issued.code}</p>
        <p className="notice">{t('counters.codeOnce', { when: dateTime(issued.expiresAt, lang) })}</p>
      </Dialog>
    );
  }
  return (
    <Dialog open={open} testId="code-dialog" title={t('counters.codeTitle')} onCancel={() => !busy && close()} onSubmit={() => void make()}
      actions={<>
        <button type="button" className="btn" disabled={busy} onClick={close}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="code-make">{t('counters.codeMake')}</button>
      </>}>
      <Field id="code-counter" label={t('counters.codeCounterName')}>
        <input id="code-counter" className="input" required maxLength={64} autoFocus value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field id="code-hours" label={t('counters.codeValidHours')} hint={t('counters.codeValidHint')}>
        <input id="code-hours" className="input" dir="ltr" type="number" inputMode="numeric" required min={1} max={MAX_CODE_VALID_HOURS} step={1} value={hours} onChange={(e) => setHours(e.target.value)} aria-describedby="code-hours-hint" />
      </Field>
      <ErrorText error={error} />
    </Dialog>
  );
}
