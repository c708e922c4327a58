import { useTranslation } from 'react-i18next';
import { useMeterCredit, type PaymentMode } from '../../stores/metersCredit';
import { cloudModeDiffers, editCreditDraft } from '../../actions/metersCreditSubmit';
import { parseMajorToMinor } from '../../lib/money';
import { useFormat } from '../../hooks/useFormat';
import { Segmented } from './Segmented';
import { MoneyField } from '../../components/MoneyInput';

const MODES: PaymentMode[] = ['prepaid', 'postpaid', 'credit'];

/** The mode dialog's fields: the new mode; for credit the limit (required) and the deposit. */
export function PaymentModeDialog({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const draft = useMeterCredit((s) => s.draft);
  const info = useMeterCredit((s) => s.info);
  if (!draft || !info) return null;
  const limit = parseMajorToMinor(draft.limitText, f.decimals);
  // What will happen to the supply, said before it happens.
  let effect: string | null = null;
  if (draft.mode === 'credit' && limit.ok && info.debtMinor >= limit.minor && info.supply === 'on') effect = t('meters.credit.mode.willCut', { debt: f.money(info.debtMinor) });
  else if (draft.mode !== 'credit' && info.supply === 'off') effect = t('meters.credit.mode.willRestore');
  const same = draft.mode === info.paymentMode && draft.mode !== 'credit';
  const resend = same && cloudModeDiffers(draft.mode);
  return (
    <>
      <p>
        {t('meters.credit.mode.now')} <strong>{t(`meter.mode.${info.paymentMode}`)}</strong>
      </p>
      <Segmented
        name="credit-mode"
        legend={t('meters.credit.mode.new')}
        options={MODES}
        value={draft.mode}
        label={(m) => t(`meter.mode.${m}`)}
        onChange={(mode) => !locked && editCreditDraft({ mode })}
      />
      <p className="field-hint">{t(`meters.credit.modeExplain.${draft.mode}`)}</p>
      {draft.mode === 'credit' && (
        <div className="credit-fields">
          <MoneyField
            id="credit-limit"
            testId="credit-limit-input"
            label={t('meters.credit.fields.limitRequired')}
            hint={t('meters.credit.mode.limitHint')}
            value={draft.limitText}
            readOnly={locked}
            autoFocus
            onChange={(limitText) => editCreditDraft({ limitText })}
          />
          <MoneyField
            id="credit-deposit"
            testId="credit-deposit-input"
            label={t('meters.credit.fields.depositOptional')}
            hint={t('meters.credit.mode.depositHint')}
            value={draft.depositText}
            readOnly={locked}
            onChange={(depositText) => editCreditDraft({ depositText })}
          />
        </div>
      )}
      <p className="field-hint">{resend ? t('meterCloud.resend') : t(`meters.credit.mode.command.${draft.mode === 'credit' ? 'credit' : same ? 'same' : 'change'}`)}</p>
      {effect && (
        <p className="credit-warning" role="note" data-testid="credit-effect">
          {effect}
        </p>
      )}
    </>
  );
}
