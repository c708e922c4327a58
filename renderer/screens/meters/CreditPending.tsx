import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { useMeterCredit } from '../../stores/metersCredit';
import { FINAL } from '../../actions/metersPoll';

const NONE: never[] = [];

/** Commands the account is waiting on, in plain words; those of the last change with their status. */
export function CreditPending() {
  const { t } = useTranslation();
  const kinds = useMeterCredit((s) => s.info?.pendingCommands ?? NONE);
  const followIds = useMeterCredit((s) => s.followIds);
  const list = useMeters((s) => s.commands.value ?? NONE);
  const followed = followIds.map((id) => list.find((c) => c.id === id)).filter((c) => c !== undefined);
  // Waiting kinds not already shown as a followed command (e.g. queued by a sale or before this visit).
  const open = followed.filter((c) => !FINAL.has(c.status)).map((c) => c.kind as string);
  const others = kinds.filter((k) => {
    const i = open.indexOf(k);
    if (i < 0) return true;
    open.splice(i, 1);
    return false;
  });
  if (followed.length === 0 && others.length === 0) return null;
  const name = (k: string) => t(`meters.kind.${k}`, { defaultValue: k.replace(/_/g, ' ') });
  return (
    <section className="credit-pending" data-testid="credit-pending" aria-live="polite">
      <h3 className="credit-sub">{t('meters.credit.pending.title')}</h3>
      <ul className="credit-pending-list">
        {followed.map((c) => (
          <li key={c.id} data-testid="credit-command" data-kind={c.kind} data-status={c.status}>
            <span>{name(c.kind)}</span>
            <span className={`cmd-badge cmd-${c.status}`}>{t(`meters.commandStatus.${c.status}`)}</span>
          </li>
        ))}
        {others.map((k, i) => (
          <li key={`${k}-${i}`} data-testid="credit-command" data-kind={k} data-status="waiting">
            <span>{name(k)}</span>
            <span className="cmd-badge cmd-pending">{t('meters.credit.pending.waiting')}</span>
          </li>
        ))}
      </ul>
      <p className="field-hint">{t('meters.credit.pending.hint')}</p>
    </section>
  );
}
