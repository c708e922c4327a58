import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditInfoOut } from '../../stores/metersCredit';
import { useFormat } from '../../hooks/useFormat';

/** The counter's record beside the meter's cloud's, every disagreement named; or why the cloud is missing. */
export function CreditCloud({ info }: { info: CreditInfoOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const cloud = info.cloud;
  if (cloud === undefined) return <p className="muted credit-cloud-note">{t('meters.credit.cloud.checking')}</p>;
  if (cloud === null) {
    return (
      <p className="credit-note" role="note" data-testid="credit-cloud-note">
        {info.cloudNote ? f.text(info.cloudNote) : t('meters.credit.cloud.none')}
      </p>
    );
  }
  const value = (minor: number | null, tenths: number | null): ReactNode =>
    minor !== null ? <bdi>{f.money(minor)}</bdi> : tenths !== null ? <bdi>{f.energy(tenths)}</bdi> : <span className="muted">{t('meters.none')}</span>;
  const credit = info.paymentMode === 'credit';
  const money = info.kind === 'acrel' && credit && cloud.mode === 'credit';
  const rows: { key: string; here: ReactNode; there: ReactNode; differs: boolean }[] = [
    { key: 'mode', here: t(`meter.mode.${info.paymentMode}`), there: t(`meter.mode.${cloud.mode}`), differs: info.paymentMode !== cloud.mode },
    {
      key: 'limit',
      here: credit && info.creditLimitMinor !== null ? <bdi>{f.money(info.creditLimitMinor)}</bdi> : <span className="muted">{t('meters.none')}</span>,
      there: value(cloud.creditLimitMinor, cloud.creditLimitTenths),
      differs: money && info.creditLimitMinor !== cloud.creditLimitMinor,
    },
    {
      key: 'used',
      here: <bdi>{f.money(info.debtMinor)}</bdi>,
      there: value(cloud.usedCreditMinor, cloud.usedCreditTenths),
      differs: money && cloud.usedCreditMinor !== null && cloud.usedCreditMinor !== info.debtMinor,
    },
    { key: 'balance', here: <span className="muted">{t('meters.credit.cloud.notKept')}</span>, there: value(cloud.balanceMinor, cloud.balanceTenths), differs: false },
  ];
  const disagreements = info.disagreements ?? [];
  return (
    <section className="credit-cloud" data-testid="credit-cloud">
      <table className="mtable credit-compare">
        <caption className="mtable-caption">
          {t('meters.credit.cloud.title')}{' '}
          <span className="muted">
            {t('meters.readAt')} <bdi>{f.time(cloud.readAt)}</bdi>
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">{t('meters.credit.cloud.counter')}</th>
            <th scope="col">{t(`meters.credit.cloud.cloud.${info.kind}`)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.differs ? 'is-different' : undefined} data-differs={r.differs || undefined}>
              <th scope="row">{t(`meters.credit.cloud.rows.${r.key}`)}</th>
              <td>{r.here}</td>
              <td>{r.there}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {disagreements.length > 0 ? (
        <div className="credit-warning" role="alert" data-testid="credit-disagreements" data-count={disagreements.length}>
          <p className="credit-warning-title">{t('meters.credit.cloud.disagree', { count: disagreements.length })}</p>
          <ul>
            {disagreements.map((d, i) => (
              <li key={i}>{f.text(d)}</li>
            ))}
          </ul>
          <p className="field-hint">{t('meters.credit.cloud.disagreeHint')}</p>
        </div>
      ) : (
        <p className="credit-agree" data-testid="credit-agree">
          {t('meters.credit.cloud.agree')}
        </p>
      )}
    </section>
  );
}
