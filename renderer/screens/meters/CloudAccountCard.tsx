import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { useMeters } from '../../stores/meters';
import { useMeterCredit } from '../../stores/metersCredit';
import { useMeterCloud } from '../../stores/metersCloud';
import type { Slot } from '../../stores/meters';
import { refreshMeterCloud } from '../../actions/metersCloud';
import { openCreditDialog } from '../../actions/metersCreditSubmit';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormat } from '../../hooks/useFormat';
import { Card } from './Card';
import '../../styles/meters-cloud.css';

/** A period such as "07:00–17:00 220" is never broken across lines (it would read wrongly right to left). */
const keepPeriodsWhole = (text: string) => text.replace(/(\d\d:\d\d)–(\d\d:\d\d) /g, '$1–\u2060$2\u00a0');

/** One read's value, or "reading…", or why the cloud did not give it. */
function Row<T>({ label, slot, testId, children }: { label: string; slot: Slot<T>; testId: string; children: (v: T) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId} aria-busy={slot.loading}>
        {slot.value !== null && children(slot.value)}
        {slot.value === null && !slot.error && <span className="muted">{t('meters.reading')}</span>}
        <ErrorMessage message={slot.error as Bilingual | null} />
      </dd>
    </>
  );
}

/** What the meter's cloud holds: its payment mode, its prepaid account, its time-of-use schedule. */
export function CloudAccountCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const meter = useMeters((s) => s.meter);
  const info = useMeterCredit((s) => (s.info?.meterNumber === meter?.number ? s.info : null));
  const busy = useMeterCredit((s) => s.sending || s.draft !== null);
  const mode = useMeterCloud((s) => s.mode);
  const prepaid = useMeterCloud((s) => s.prepaid);
  const schedule = useMeterCloud((s) => s.schedule);
  const scheduleCode = info?.scheduleCode ?? null;
  // Read when the account is known, and again once the commands a change queued are carried out.
  const settled = info ? info.pendingCommands.length === 0 : null;
  useEffect(() => {
    if (meter && scheduleCode && settled !== false) void refreshMeterCloud(meter.number, scheduleCode, useMeterCloud.getState().meterNumber === meter.number);
  }, [meter, scheduleCode, settled]);
  if (!meter) return null;
  const loading = mode.loading || prepaid.loading || schedule.loading;
  // The counter records one mode and the cloud holds another: offer to send the counter's again.
  const out = info && mode.value && info.paymentMode !== 'credit' && mode.value.mode !== info.paymentMode;
  return (
    <Card
      title={t('meterCloud.title')}
      testId="meter-cloud-card"
      loading={loading}
      readAt={mode.value?.checkedAt ?? prepaid.value?.checkedAt}
      onRefresh={scheduleCode ? () => void refreshMeterCloud(meter.number, scheduleCode) : undefined}
    >
      <p className="muted">{t(`meterCloud.hint.${meter.kind}`)}</p>
      <dl className="kv mkv cloud-account">
        <Row label={t('meterCloud.mode')} slot={mode} testId="cloud-mode">
          {(m) => (
            <span data-mode={m.mode}>
              <strong>{t(`meter.mode.${m.mode}`)}</strong>
              {m.mode === 'credit' && (
                <span className="muted">
                  {' '}
                  {t('meterCloud.limit')}{' '}
                  <bdi>{m.creditLimitMinor !== null ? f.money(m.creditLimitMinor) : m.creditLimitTenths !== null ? f.energy(m.creditLimitTenths) : t('meters.none')}</bdi>
                </span>
              )}
            </span>
          )}
        </Row>
        <Row label={t(`meterCloud.prepaid.${meter.kind}`)} slot={prepaid} testId="cloud-prepaid">
          {(b) => {
            const v = b.balanceMinor ?? b.balanceTenths ?? 0;
            return (
              <bdi className={`credit-money${v < 0 ? ' is-owed' : ''}`} data-minor={b.balanceMinor ?? undefined} data-tenths={b.balanceTenths ?? undefined}>
                {b.balanceMinor !== null ? f.money(b.balanceMinor) : b.balanceTenths !== null ? f.energy(b.balanceTenths) : t('meters.none')}
              </bdi>
            );
          }}
        </Row>
        <Row label={t('meterCloud.schedule')} slot={schedule} testId="cloud-schedule">
          {(c) => {
            const problem = c.disagree[0]?.problem;
            return problem ? (
              <span className="cloud-schedule-problem" data-agree="false" title={problem.en}>
                {keepPeriodsWhole(f.text(problem))}
              </span>
            ) : (
              <span className="credit-agree" data-agree="true">
                {t('meterCloud.scheduleAgrees', { code: c.code, version: c.version })}
              </span>
            );
          }}
        </Row>
      </dl>
      {out && info && mode.value && (
        <div className="credit-warning cloud-mode-differs" role="note" data-testid="cloud-mode-differs">
          <p>{t('meterCloud.differs', { counter: t(`meter.mode.${info.paymentMode}`), cloud: t(`meter.mode.${mode.value.mode}`) })}</p>
          <button type="button" className="btn btn-small" data-testid="cloud-send-mode" disabled={busy} onClick={() => openCreditDialog('mode', { mode: info.paymentMode })}>
            {t('meterCloud.sendMode', { mode: t(`meter.mode.${info.paymentMode}`) })}
          </button>
        </div>
      )}
    </Card>
  );
}
