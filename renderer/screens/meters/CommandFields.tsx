import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { useMeterCommand } from '../../stores/metersCommand';
import { needsLimit } from './commandKinds';

/** What a command needs besides the confirmation: a reason (disconnect) or the new limit (amperage). */
export function CommandFields({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const draft = useMeterCommand((s) => s.draft);
  const patch = useMeterCommand((s) => s.patch);
  const limitNow = useMeters((s) => s.status.value?.amperageLimitA ?? null);
  if (!draft) return null;
  const edit = (p: Partial<typeof draft>) => patch({ draft: { ...draft, ...p }, error: null });

  if (draft.kind === 'disconnect') {
    return (
      <div className="field">
        <label className="field-label" htmlFor="command-reason">
          {t('meters.confirm.reason')}
        </label>
        <textarea
          id="command-reason"
          className="input textarea"
          data-testid="command-reason"
          aria-required="true"
          maxLength={200}
          rows={2}
          autoFocus
          readOnly={locked}
          aria-describedby="command-reason-hint"
          value={draft.reason}
          onChange={(e) => edit({ reason: e.target.value })}
          onKeyDown={(e) => {
            // Enter sends (Shift+Enter for a new line), like the rest of the counter's forms.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <p id="command-reason-hint" className="field-hint">
          {t('meters.confirm.reasonHint')}
        </p>
      </div>
    );
  }
  if (!needsLimit(draft.kind)) return null;
  return (
    <div className="field">
      <label className="field-label" htmlFor="command-limit">
        {t('meters.confirm.limit')}
      </label>
      <input
        id="command-limit"
        className="input input-limit"
        data-testid="command-limit"
        dir="ltr"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        readOnly={locked}
        aria-describedby="command-limit-hint"
        value={draft.limitText}
        onChange={(e) => edit({ limitText: e.target.value })}
      />
      <p id="command-limit-hint" className="field-hint">
        {limitNow === null ? t('meters.confirm.limitHintUnknown') : t('meters.confirm.limitHint', { now: limitNow })}
      </p>
    </div>
  );
}
