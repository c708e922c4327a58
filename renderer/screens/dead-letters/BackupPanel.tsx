import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupNow, type BackupOutcome } from '../../actions/backup';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormat } from '../../hooks/useFormat';
import { localeTag } from '../../lib/money';

function size(bytes: number, lang: string): string {
  const mb = bytes / (1024 * 1024);
  const [n, unit] = mb >= 1 ? [mb, 'megabyte'] : [bytes / 1024, 'kilobyte'];
  try {
    return new Intl.NumberFormat(localeTag(lang), { style: 'unit', unit, maximumFractionDigits: 1 }).format(n);
  } catch {
    return `${bytes} B`;
  }
}

/** 'Back up now' and where the copy went. */
export function BackupPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<BackupOutcome | null>(null);

  const run = async () => {
    setBusy(true);
    setOutcome(null);
    setOutcome(await backupNow());
    setBusy(false);
  };

  return (
    <section className="sync-backup" aria-labelledby="backup-title">
      <h2 id="backup-title" className="sync-backup-title">{t('deadLetters.backup.title')}</h2>
      <p className="muted">{t('deadLetters.backup.hint')}</p>
      <button type="button" className="btn" data-testid="backup-now" disabled={busy} aria-busy={busy} onClick={() => void run()}>
        {busy ? t('deadLetters.backup.working') : t('deadLetters.backup.now')}
      </button>
      {outcome?.ok && (
        <div className="sync-backup-result" role="status" data-testid="backup-result">
          <p className="sync-ok">{t('deadLetters.backup.done', { at: f.time(outcome.result.at) })}</p>
          <p className="muted">{t('deadLetters.backup.size', { size: size(outcome.result.bytes, f.lang) })}</p>
          <p className="sync-label">{t('deadLetters.backup.where')}</p>
          <bdi dir="ltr" className="mono sync-path">{outcome.result.file}</bdi>
        </div>
      )}
      {outcome && !outcome.ok && <ErrorMessage message={outcome.error} />}
    </section>
  );
}
