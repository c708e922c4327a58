import { useTranslation } from 'react-i18next';
import type { LeaseView } from '../../../leases/console-wire';
import { dateTime } from '../lib/format';
import { useLang } from '../lib/lang';
import { relativeTime } from '../lib/relative-time';

/**
 * A lease's expiry and state together: held ("expires in …"), expired ("expired … ago": an
 * operator may release it), or released (when, by whom). `skewMs` is the head office's clock
 * minus the browser's, so "in …" is the office's reckoning, the one the release is judged by.
 */
export function LeaseStateCell({ lease, skewMs }: { lease: LeaseView; skewMs: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const left = Date.parse(lease.expiresAt) - (Date.now() + skewMs);
  if (lease.state === 'released') {
    return (
      <div className="lease-state">
        <span className="tag">{t('leases.state.released')}</span>
        <span className="muted">{t('leases.releasedWhen', { when: dateTime(lease.releasedAt, lang), by: byText(lease.releasedBy, t) })}</span>
      </div>
    );
  }
  // The state is the service's; a lease that ran out since the page loaded says so too.
  const expired = lease.state === 'expired' || left <= 0;
  return (
    <div className="lease-state">
      {expired
        ? <span className="tag tag-danger">{t('leases.state.expired')}</span>
        : <span className="tag tag-ok">{t('leases.state.held')}</span>}
      <span className={expired ? 'lease-when is-expired' : 'lease-when'} data-testid="lease-expiry">
        {expired ? t('leases.expiredAgo', { ago: relativeTime(left, lang) }) : t('leases.expiresIn', { in: relativeTime(left, lang) })}
      </span>
    </div>
  );
}

/** Who released or renewed: the counter itself, an operator (by name), or the counter's revocation. */
export function byText(by: string | null, t: (k: string, o?: Record<string, string>) => string): string {
  if (by === null) return t('common.none');
  if (by === 'counter') return t('leases.by.counter');
  const op = /^operator:(.+)$/.exec(by);
  if (op) return t('leases.by.operator', { name: op[1]! });
  if (by === 'revoked') return t('leases.by.revoked');
  return by;
}
