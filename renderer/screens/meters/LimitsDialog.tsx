import { useTranslation } from 'react-i18next';
import { useMeterCredit } from '../../stores/metersCredit';
import { editCreditDraft } from '../../actions/metersCreditSubmit';
import { MoneyField } from '../../components/MoneyInput';

/** The purchase-limits dialog's fields: this meter's own minimum and maximum sale, or none. */
export function LimitsDialog({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const draft = useMeterCredit((s) => s.draft);
  if (!draft) return null;
  return (
    <>
      <p>{t('meters.credit.limits.explain')}</p>
      <div className="credit-fields">
        <MoneyField id="credit-min" testId="credit-min-input" label={t('meters.credit.fields.min')} value={draft.minText} readOnly={locked} autoFocus onChange={(minText) => editCreditDraft({ minText })} />
        <MoneyField id="credit-max" testId="credit-max-input" label={t('meters.credit.fields.max')} value={draft.maxText} readOnly={locked} onChange={(maxText) => editCreditDraft({ maxText })} />
      </div>
      <p className="field-hint">{t('meters.credit.limits.emptyHint')}</p>
      <button type="button" className="btn btn-small btn-ghost credit-clear" data-testid="credit-limits-clear" disabled={locked} onClick={() => editCreditDraft({ minText: '', maxText: '' })}>
        {t('meters.credit.limits.clear')}
      </button>
    </>
  );
}
