import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, PrinterSettings } from '../../../preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { invoke, toFailure } from '../../transport';
import { SettingsFields } from './SettingsFields';
import '../../styles/printer.css';

type Note = { kind: 'ok' | 'error'; text: string } | null;

/** Settings > Printer (supervisors): where receipts go and what they say, with a test print. */
export function PrinterSettingsScreen() {
  const { t } = useTranslation();
  const [form, setForm] = useState<PrinterSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const [bad, setBad] = useState<string[]>([]);

  useEffect(() => {
    invoke('printer.settings', {})
      .then((r) => {
        setForm(r.settings);
        setSaved(r.saved);
      })
      .catch((e: unknown) => setError(toFailure(e).error.message));
  }, []);

  const run = async (what: 'save' | 'test') => {
    if (!form) return;
    setBusy(what);
    setNote(null);
    setError(null);
    setBad([]);
    try {
      if (what === 'save') {
        setForm(await invoke('printer.saveSettings', form));
        setSaved(true);
        setNote({ kind: 'ok', text: t('printer.savedNote') });
      } else {
        const r = await invoke('printer.test', { settings: form });
        if (r.printed) setNote({ kind: 'ok', text: t('printer.testOk') });
        else setError(r.error);
      }
    } catch (e) {
      const f = toFailure(e).error;
      setError(f.message);
      // BAD_INPUT from main's printer rules names the refused fields; anything else names none.
      setBad(f.code === 'BAD_INPUT' ? (f.issues ?? []).map((i) => i.split(/[.:]/)[0]!) : []);
    } finally {
      setBusy(null);
    }
  };

  return (
    <main className="printer-screen" data-testid="printer-screen">
      <form className="printer-form" onSubmit={(e) => { e.preventDefault(); void run('save'); }}>
        <header className="printer-head">
          <div>
            <h1 className="printer-title">{t('printer.title')}</h1>
            <p className="muted" data-testid="printer-source">{saved ? t('printer.fromDb') : t('printer.fromEnv')}</p>
          </div>
          <div className="printer-actions">
            <button type="button" className="btn" data-testid="printer-test" title={t('printer.testHint')} disabled={!form || busy !== null} onClick={() => void run('test')}>
              {busy === 'test' ? t('result.printing') : t('printer.test')}
            </button>
            <button type="submit" className="btn btn-primary" data-testid="printer-save" disabled={!form || busy !== null}>
              {busy === 'save' ? t('printer.saving') : t('printer.save')}
            </button>
          </div>
        </header>
        {note && <p className={`printer-note note-${note.kind}`} role="status" data-testid="printer-note">{note.text}</p>}
        <ErrorMessage message={error} />
        {form ? (
          <div className="panel">
            <SettingsFields s={form} bad={bad} patch={(p) => setForm({ ...form, ...p })} />
          </div>
        ) : (
          !error && <p className="muted">{t('app.loading')}</p>
        )}
      </form>
    </main>
  );
}
