import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { useMeterCommand } from '../../stores/metersCommand';
import { openCommand } from '../../actions/metersCommand';
import { refreshCommands } from '../../actions/metersRefresh';
import { Card } from './Card';
import { COMMAND_KINDS } from './commandKinds';
import { CommandLive } from './CommandLive';
import { CommandList } from './CommandList';

/** Relay and amperage commands, each behind a confirmation; the one sent followed live. */
export function CommandsCard() {
  const { t } = useTranslation();
  const kind = useMeters((s) => s.meter?.kind ?? 'sts');
  const list = useMeters((s) => s.commands);
  const busy = useMeterCommand((s) => s.sending || s.draft !== null);
  // A tokens-only meter (no DCU): a command would wait in the outbox and then fail.
  const noLink = useMeters((s) => s.status.value !== null && s.status.value.connectionType === 'unknown' && s.status.value.dcuId === null);
  const kinds = COMMAND_KINDS.filter((c) => !c.stsOnly || kind === 'sts');
  return (
    <Card title={t('meters.commands.title')} testId="meter-commands" loading={list.loading} error={list.error} onRefresh={() => void refreshCommands()}>
      <div className="command-buttons" role="group" aria-label={t('meters.commands.title')}>
        {kinds.map((c) => (
          <button
            key={c.kind}
            type="button"
            className={`btn btn-command${c.danger ? ' btn-danger' : ''}`}
            data-testid={`meter-command-${c.kind}`}
            disabled={busy}
            onClick={() => openCommand(c.kind)}
          >
            {t(`meters.kind.${c.kind}`)}
          </button>
        ))}
      </div>
      <p className="field-hint">{t('meters.commands.hint')}</p>
      {noLink && (
        <p className="meter-warning" role="note" data-testid="meter-no-link">
          {t('meters.commands.noLink')}
        </p>
      )}
      <CommandLive />
      <CommandList />
    </Card>
  );
}
