import { useTranslation } from 'react-i18next';
import { useSync } from '../../stores/sync';
import { syncNow } from '../../actions/sync';
import { useFormat } from '../../hooks/useFormat';
import { useNav } from '../../stores/nav';
import { useSession } from '../../stores/session';
import { screensFor } from '../registry';
import '../../styles/sync-screens.css';

export function SyncIndicator() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = useSync((s) => s.status);
  const reachable = useSync((s) => s.reachable);
  const syncing = useSync((s) => s.syncing);
  const online = reachable && status?.online === true;
  const label = !reachable ? t('topbar.unreachable') : online ? t('topbar.online') : t('topbar.offline');
  const pending = status?.pending ?? 0;
  const failed = status?.failed ?? 0;
  const go = useNav((s) => s.go);
  const role = useSession((s) => s.user?.role ?? 'cashier');
  const canSeeRefused = screensFor(role).some((s) => s.id === 'deadLetters');

  return (
    <div className="sync" aria-live="polite">
      <span className={`sync-dot ${online ? 'is-online' : 'is-offline'}`} data-testid="sync-online" data-online={String(online)}>
        {label}
      </span>
      <button type="button" className={`sync-pending sync-link ${pending > 0 ? 'has-pending' : ''}`} title={t('pending.open')}
        data-testid="sync-pending-open" onClick={() => go('pending')}>
        <span className="sync-caption">{t('topbar.pending')}</span>{' '}
        <bdi className="sync-count" data-testid="sync-pending">
          {pending}
        </bdi>
      </button>
      {failed > 0 && (canSeeRefused ? (
        <button type="button" className="sync-failed sync-link" data-testid="sync-failed" title={t('deadLetters.open')} onClick={() => go('deadLetters')}>
          {t('topbar.failed')} <bdi>{failed}</bdi>
        </button>
      ) : (
        <span className="sync-failed" data-testid="sync-failed">
          {t('topbar.failed')} <bdi>{failed}</bdi>
        </span>
      ))}
      <span className="sync-last">
        <span className="sync-caption">{t('topbar.lastSync')}</span>{' '}
        <bdi data-testid="sync-last">{status?.lastSyncAt ? f.time(status.lastSyncAt) : t('topbar.never')}</bdi>
      </span>
      <button type="button" className="btn btn-small" data-testid="sync-now" disabled={syncing} onClick={() => void syncNow()}>
        {syncing ? t('topbar.syncing') : t('topbar.syncNow')}
      </button>
    </div>
  );
}
