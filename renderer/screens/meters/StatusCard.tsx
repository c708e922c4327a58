import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { refreshStatus } from '../../actions/metersRefresh';
import { useFormat } from '../../hooks/useFormat';
import { Card } from './Card';
import { SignalBars } from './SignalBars';

/** Online behind its DCU or not, how it is reached, the relay and the amperage limit. */
export function StatusCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const slot = useMeters((s) => s.status);
  const s = slot.value;
  return (
    <Card title={t('meters.status.title')} testId="meter-status" loading={slot.loading} error={slot.error} readAt={s?.checkedAt} onRefresh={() => void refreshStatus()}>
      {s ? (
        <>
          <p className={`online-pill ${s.isConnected ? 'is-online' : 'is-offline'}`} data-testid="meter-online" data-online={String(s.isConnected)}>
            {s.isConnected ? t('meters.status.online') : t('meters.status.offline')}
          </p>
          <dl className="kv mkv">
            <dt>{t('meters.status.connection')}</dt>
            <dd>{t(`meters.status.type.${s.connectionType}`)}</dd>
            <dt>{t('meters.status.dcu')}</dt>
            <dd>{s.dcuId ? <bdi dir="ltr" className="mono">{s.dcuId}</bdi> : <span className="muted">{t('meters.none')}</span>}</dd>
            <dt>{t('meters.status.signal')}</dt>
            <dd>
              <SignalBars percent={s.signalStrength} />
            </dd>
            <dt>{t('meters.status.lastSeen')}</dt>
            <dd>{s.lastConnectionTime ? <bdi>{f.dateTime(s.lastConnectionTime)}</bdi> : <span className="muted">{t('meters.never')}</span>}</dd>
            <dt>{t('meters.status.relay')}</dt>
            <dd>
              <span className={`relay relay-${s.relay}`} data-testid="meter-relay" data-relay={s.relay}>
                {t(`meters.relay.${s.relay}`)}
              </span>
            </dd>
            <dt>{t('meters.status.amperage')}</dt>
            <dd data-testid="meter-amperage">
              <bdi>{t('meters.amps', { n: s.amperageLimitA })}</bdi>
            </dd>
          </dl>
        </>
      ) : (
        !slot.error && <p className="muted">{t('meters.reading')}</p>
      )}
    </Card>
  );
}
