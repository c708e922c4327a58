import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../preload/contract';
import { invoke } from '../../transport';
import { useFormat } from '../../hooks/useFormat';
import { ErrorMessage } from '../../components/ErrorMessage';
import { minuteOf } from './periods';
import { useAction } from './useAction';

export type PriceNowInfo = ChannelOutput<'tariffs.priceNow'>;

/** "Price now" and "next change" of a schedule, refreshed every minute. */
export function PriceNow({ code, refreshKey, onLoaded }: { code: string; refreshKey: number; onLoaded?: (p: PriceNowInfo) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [info, setInfo] = useState<PriceNowInfo | null>(null);
  const { error, run } = useAction();
  useEffect(() => {
    const load = () => void run(() => invoke('tariffs.priceNow', { code })).then((r) => { if (r) { setInfo(r); onLoaded?.(r); } });
    load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [code, refreshKey, run, onLoaded]);
  if (error) return <ErrorMessage message={error} />;
  if (!info) return null;
  return (
    <div className="price-now" data-testid="price-now">
      <div className="price-now-card">
        <span className="price-now-label">{t('tariffs.priceNow')}</span>
        {info.now ? (
          <>
            <strong className="price-now-value">{f.price(info.now.pricePerKwh)}</strong>
            <span><bdi>{f.text(info.now.periodName)}</bdi> · <span className="mono" dir="ltr">{info.now.start}–{info.now.end}</span></span>
          </>
        ) : <strong>{t('tariffs.noPeriodNow')}</strong>}
      </div>
      <div className="price-now-card">
        <span className="price-now-label">{t('tariffs.nextChange')}</span>
        {info.next ? (
          <>
            <strong className="price-now-value">{f.price(info.next.pricePerKwh)}</strong>
            <span>{t('tariffs.at', { time: f.dateTime(info.next.at) })} · <bdi>{f.text(info.next.periodName)}</bdi>
              {info.next.version !== info.version ? <> · {t('tariffs.newVersion', { version: info.next.version })}</> : null}</span>
          </>
        ) : <strong>{t('tariffs.noChange')}</strong>}
      </div>
    </div>
  );
}

/** Minute of the day "now" on the counter's wall clock, from the price-now answer. */
export function nowMinuteFrom(info: PriceNowInfo | null, timeZone: string | undefined): number | null {
  if (!info) return null;
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(info.at));
    return minuteOf(parts);
  } catch {
    return null;
  }
}
