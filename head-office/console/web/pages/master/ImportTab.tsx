import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importMasterData, type Written } from '../../actions/master-data';
import { ErrorText } from '../../components/ErrorText';
import { FormField } from './FormField';

/** Most bytes the service takes in one request body (head-office/server.ts BODY_LIMIT). */
const MAX_BYTES = 8 * 1024 * 1024;

const ENTITIES = ['tariff_schedule', 'tariff_group', 'customer', 'meter'] as const;

/**
 * Upload an import file (the JSON of `import-master`): the service checks every record against the
 * others and the register and writes all of them or none; a refusal names the record.
 */
export function ImportTab() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<Written | null>(null);

  const submit = async () => {
    setError(null);
    setResult(null);
    if (!file) {
      setError(t('masterData.import.pickFile'));
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(t('masterData.import.tooBig', { mb: MAX_BYTES / 1024 / 1024 }));
      return;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      setError(t('masterData.import.notJson', { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      setResult(await importMasterData(doc));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const count = (entity: string) => result?.written.filter((w) => w.entity === entity).length ?? 0;
  return (
    <div className="master-tab" data-testid="import-tab">
      <p className="muted">{t('masterData.import.intro')}</p>
      <pre className="panel code-sample" dir="ltr">{'{ "tariffSchedules": [...], "tariffGroups": [...], "customers": [...], "meters": [...] }'}</pre>
      <form className="panel import-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <FormField id="im-file" label={t('masterData.import.file')} hint={t('masterData.import.fileHint')}>
          <input id="im-file" className="input" type="file" accept="application/json,.json" data-testid="import-file"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); setError(null); }} />
        </FormField>
        <div className="search-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !file} data-testid="import-submit">{busy ? t('masterData.import.busy') : t('masterData.import.submit')}</button>
        </div>
      </form>
      {error !== null && <div className="refusal-box" data-testid="import-refused"><strong>{t('masterData.import.refused')}</strong><ErrorText error={error} /></div>}
      {result && (
        <div className="notice" role="status" data-testid="import-result">
          <strong>{t('masterData.import.done', { count: result.written.length })}</strong>
          <ul>
            {ENTITIES.map((e) => <li key={e}>{t(`masterData.import.entities.${e}`)}: {count(e)}</li>)}
          </ul>
        </div>
      )}
    </div>
  );
}
