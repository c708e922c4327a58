import { useTranslation } from 'react-i18next';
import { useMeterCredit, type DebtDirection } from '../../stores/metersCredit';
import { editCreditDraft } from '../../actions/metersCreditSubmit';
import { parseMajorToMinor } from '../../lib/money';
import { useFormat } from '../../hooks/useFormat';
import { Segmented } from './Segmented';
import { MoneyField } from '../../components/MoneyInput';

const DIRECTIONS: DebtDirection[] = ['add', 'reduce'];

/** The debt dialog's fields: add or reduce, how much, why (kept in the audit log); the result shown first. */
export function DebtDialog({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const draft = useMeterCredit((s) => s.draft);
  const info = useMeterCredit((s) => s.info);
  if (!draft || !info) return null;
  const amount = parseMajorToMinor(draft.amountText, f.decimals);
  const after = amount.ok ? info.debtMinor + (draft.direction === 'add' ? amount.minor : -amount.minor) : null;
  const limit = info.paymentMode === 'credit' ? info.creditLimitMinor : null;
  let effect: string | null = null;
  if (after !== null && after >= 0 && limit !== null && after >= limit && info.supply === 'on') effect = t('meters.credit.debt.willCut');
  if (after !== null && after >= 0 && limit !== null && after < limit && info.supply === 'off') effect = t('meters.credit.debt.willRestore');
  return (
    <>
      <Segmented
        name="credit-debt"
        legend={t('meters.credit.debt.direction')}
        options={DIRECTIONS}
        value={draft.direction}
        label={(d) => t(`meters.credit.debt.${d}`)}
        onChange={(direction) => !locked && editCreditDraft({ direction })}
      />
      <MoneyField id="credit-amount" testId="credit-amount-input" label={t('meters.credit.fields.amount')} value={draft.amountText} readOnly={locked} autoFocus onChange={(amountText) => editCreditDraft({ amountText })} />
      <div className="field">
        <label className="field-label" htmlFor="credit-reason">
          {t('meters.confirm.reason')}
        </label>
        <textarea
          id="credit-reason"
          className="input textarea"
          data-testid="credit-reason"
          aria-required="true"
          maxLength={200}
          rows={2}
          readOnly={locked}
          aria-describedby="credit-reason-hint"
          value={draft.reason}
          onChange={(e) => editCreditDraft({ reason: e.target.value })}
        />
        <p id="credit-reason-hint" className="field-hint">
          {t('meters.credit.debt.reasonHint')}
        </p>
      </div>
      <dl className="kv credit-preview" data-testid="credit-debt-preview">
        <dt>{t('meters.credit.debt.now')}</dt>
        <dd>
          <bdi>{f.money(info.debtMinor)}</bdi>
        </dd>
        <dt>{t('meters.credit.debt.after')}</dt>
        <dd>{after === null ? <span className="muted">—</span> : after < 0 ? <span className="result-error">{t('meters.credit.debt.moreThanOwed')}</span> : <bdi>{f.money(after)}</bdi>}</dd>
      </dl>
      {effect && (
        <p className="credit-warning" role="note" data-testid="credit-effect">
          {effect}
        </p>
      )}
    </>
  );
}
