import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { refreshReadings } from '../../actions/metersRefresh';
import { useFormat } from '../../hooks/useFormat';
import { formatTenths } from '../../lib/energy';
import { Card } from './Card';
import { ReadingsChart, intervals } from './ReadingsChart';

const ROWS = 6;

/** The register now (energy, power, voltage) and the last 24 hours of interval readings. */
export function ReadingsCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useMeters((s) => s.reading);
  const list = useMeters((s) => s.readings);
  const r = now.value;
  const rows = intervals(list.value?.readings ?? []).slice(-ROWS).reverse();
  const error = now.error ?? list.error;
  return (
    <Card title={t('meters.readings.title')} testId="meter-readings" loading={now.loading || list.loading} error={error} readAt={r?.readAt} onRefresh={() => void refreshReadings()}>
      {r && (
        <div className="facts-row" data-testid="meter-reading">
          <div className="fact">
            <span className="fact-label">{t('meters.readings.register')}</span>
            <bdi className="fact-value">{f.energy(r.importTenths)}</bdi>
          </div>
          <div className="fact">
            <span className="fact-label">{t('meters.readings.power')}</span>
            <bdi className="fact-value">{t('meters.watts', { n: r.powerW })}</bdi>
          </div>
          <div className="fact">
            <span className="fact-label">{t('meters.readings.voltage')}</span>
            <bdi className="fact-value">{t('meters.volts', { n: formatTenths(r.voltageDeciV, f.lang) })}</bdi>
          </div>
        </div>
      )}
      {list.value && list.value.readings.length > 1 && <ReadingsChart readings={list.value.readings} />}
      {list.value && (rows.length === 0 ? (
        <p className="muted">{t('meters.readings.empty')}</p>
      ) : (
        <table className="mtable" data-testid="meter-readings-table">
          <thead>
            <tr>
              <th scope="col">{t('meters.readings.time')}</th>
              <th scope="col">{t('meters.readings.register')}</th>
              <th scope="col">{t('meters.readings.used')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr key={x.at}>
                <td><bdi>{f.dateTime(x.at)}</bdi></td>
                <td className="num"><bdi>{f.energy(x.importTenths)}</bdi></td>
                <td className="num"><bdi>{x.usedTenths === null ? '—' : f.energy(x.usedTenths)}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </Card>
  );
}
