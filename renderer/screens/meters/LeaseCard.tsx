import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../../preload/contract/roles';
import { holdForOffline } from '../../actions/leasesHold';
import { loadLease } from '../../actions/leasesLoad';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormat } from '../../hooks/useFormat';
import { useLeases } from '../../stores/leases';
import { useMeters } from '../../stores/meters';
import { useSession } from '../../stores/session';
import { Card } from './Card';

/** A counter's name or a time keeps its own direction inside the sentence (FSI … PDI). */
const isolate = (s: string) => `\u2068${s}\u2069`;

/**
 * An STS meter's offline-sales lease on a counter enrolled with a head office: held here until
 * when, held by which counter, or none; supervisors can ask for it. A standalone counter (its
 * head office does not lease meters) shows nothing: it sells offline with its own vending keys.
 */
export function LeaseCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const meter = useMeters((s) => s.meter);
  const { lease, loading, holding, error, refusal } = useLeases();
  const role = useSession((s) => s.user?.role);
  const number = meter?.kind === 'sts' ? meter.number : null;
  useEffect(() => {
    if (number) void loadLease(number);
  }, [number]);
  if (!number || !lease || lease.meterNumber !== number || !lease.enrolled) return null;
  const supervisor = role !== undefined && roleAtLeast(role, 'supervisor');
  return (
    <Card title={t('leases.title')} testId="lease-card" loading={loading} error={error} readAt={lease.heardAt}>
      <p className={`lease-state is-${lease.state}`} data-testid="lease-state" data-state={lease.state}>
        {lease.state === 'held' && t('leases.heldHere', { until: isolate(f.dateTime(lease.until!)) })}
        {lease.state === 'elsewhere' && t('leases.heldElsewhere', { counter: isolate(lease.holder ?? ''), until: isolate(f.dateTime(lease.until!)) })}
        {lease.state === 'none' && t('leases.none')}
      </p>
      <p className="field-hint">{t('leases.hint')}</p>
      {/* "Held by another counter" is already the state line above. */}
      {refusal && lease.state !== 'elsewhere' && <ErrorMessage message={refusal} />}
      {supervisor && (
        <button type="button" className="btn" data-testid="lease-hold" disabled={holding} onClick={() => void holdForOffline(number)}>
          {holding ? t('leases.holding') : lease.state === 'held' ? t('leases.renew') : t('leases.hold')}
        </button>
      )}
    </Card>
  );
}
