import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../preload/contract';
import { invoke } from '../../transport';
import { useFormat } from '../../hooks/useFormat';
import { useSession } from '../../stores/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TimelineBar } from './TimelineBar';
import { nowMinuteFrom, PriceNow, type PriceNowInfo } from './PriceNow';
import { AssignPanel } from './AssignPanel';
import { PushPanel } from './PushPanel';
import { useAction } from './useAction';

type Schedule = ChannelOutput<'tariffs.get'>;

export function ScheduleDetail({ code, refreshKey, onEdit, onChanged }: { code: string; refreshKey: number; onEdit?: (s: Schedule) => void; onChanged(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tz = useSession((s) => s.info?.timeZone);
  const [s, setS] = useState<Schedule | null>(null);
  const [priceInfo, setPriceInfo] = useState<PriceNowInfo | null>(null);
  const { error, run } = useAction();
  useEffect(() => void run(() => invoke('tariffs.get', { code })).then((r) => r && setS(r)), [code, refreshKey, run]);
  const onLoaded = useCallback((p: PriceNowInfo) => setPriceInfo(p), []);
  if (error) return <ErrorMessage message={error} />;
  if (!s) return null;
  return (
    <div className="tariff-detail" data-testid="schedule-detail">
      <header className="tariff-head">
        <div>
          <h2><bdi>{f.text(s.name)}</bdi></h2>
          <p className="muted">
            <span className="mono" dir="ltr">{s.code}</span> · {t('tariffs.version', { version: s.version })} · {t('tariffs.since', { time: f.dateTime(s.effectiveFrom) })}
          </p>
          <p className="muted">
            {t('tariffs.vatShort', { vat: s.vatPercent })} · {t('tariffs.feeShort', { fee: f.money(s.feeMinor), mode: t(s.feeMode === 'per_sale' ? 'tariffs.feePerSale' : 'tariffs.feeFirstOfMonth') })}
            {' · '}{t('tariffs.debtShort', { pct: s.debtRecoveryPercent })} · {t('tariffs.limits', { min: f.money(s.minPurchaseMinor), max: f.money(s.maxPurchaseMinor) })}
          </p>
        </div>
        {onEdit && <button type="button" className="btn btn-primary btn-small" onClick={() => onEdit(s)} data-testid="new-version">{t('tariffs.newVersionButton')}</button>}
      </header>
      <PriceNow code={code} refreshKey={refreshKey} onLoaded={onLoaded} />
      <TimelineBar periods={s.periods} nowMinute={nowMinuteFrom(priceInfo, tz)} />
      <div className="tariff-panels">
        {/* Assigning meters and groups is editing master data: only where the counter owns it (the same condition as onEdit). */}
        {onEdit && <AssignPanel code={code} onChanged={onChanged} />}
        <PushPanel code={code} />
      </div>
    </div>
  );
}
