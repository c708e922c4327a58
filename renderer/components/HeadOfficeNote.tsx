import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../preload/contract';
import { refreshMasterData } from '../actions/masterDataStatus';
import { syncMasterDataNow } from '../actions/masterDataSync';
import { useFormat } from '../hooks/useFormat';
import { useMasterData } from '../stores/masterData';
import { useSession } from '../stores/session';
import { ErrorMessage } from './ErrorMessage';
import { roleAtLeast } from '../../preload/contract/roles';
import '../styles/head-office-note.css';
import '../styles/sync-screens.css';

/**
 * On a counter enrolled with a head office, above each screen of head-office data (meters,
 * customers, tariffs, users): why it cannot be edited here, how the pull stands (last pull, cursor,
 * any error with the record's key, the records set aside with why) and, for a supervisor, "Sync now". Nothing on a counter that
 * owns its data.
 */
export function HeadOfficeNote() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = useMasterData((s) => s.status);
  const syncing = useMasterData((s) => s.syncing);
  const supervisor = useSession((s) => (s.user ? roleAtLeast(s.user.role, 'supervisor') : false));
  const [failure, setFailure] = useState<Bilingual | null>(null);
  useEffect(() => void refreshMasterData(), []);
  if (status?.owner !== 'head-office') return null;
  return (
    <section className="ho-note" role="note" data-testid="head-office-note">
      <p className="ho-note-text">{t('masterData.note')}</p>
      <p className="muted ho-note-status" data-testid="head-office-sync-status">
        {status.lastSuccessAt ? t('masterData.lastPull', { time: f.dateTime(status.lastSuccessAt) }) : t('masterData.neverPulled')}
        {' · '}{t('masterData.cursor')} <bdi dir="ltr" className="mono">{status.cursor}</bdi>
      </p>
      {status.error && (
        <p className="sync-warn" data-testid="head-office-sync-error">
          {t('masterData.stoppedAt')} <bdi dir="ltr" className="mono">{status.error.key}</bdi>: {f.text(status.error.message)}
        </p>
      )}
      {status.heldBack.length > 0 && (
        <div className="sync-warn ho-note-held" data-testid="head-office-held-back">
          <p>{t('masterData.heldBack')}</p>
          <ul>
            {status.heldBack.map((h) => (
              <li key={`${h.entity}:${h.key}`} data-testid="head-office-held-record"><bdi dir="ltr" className="mono">{h.key}</bdi>: {f.text(h.message)}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorMessage message={failure} />
      {supervisor && (
        <button type="button" className="btn btn-small" data-testid="master-data-sync" disabled={syncing} onClick={() => void syncMasterDataNow().then(setFailure)}>
          {syncing ? t('masterData.syncing') : t('masterData.syncNow')}
        </button>
      )}
    </section>
  );
}
