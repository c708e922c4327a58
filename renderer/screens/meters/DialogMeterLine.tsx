import { useTranslation } from 'react-i18next';

/** "Meter 04000001018 · Ahmad Ali" under a meter dialog's title. */
export function DialogMeterLine({ meter }: { meter: { number: string; customerName?: string | null } }) {
  const { t } = useTranslation();
  return (
    <p className="mdialog-meter">
      <span>{t('meters.confirm.meter')}</span>{' '}
      <bdi dir="ltr" className="mono meter-number">
        {meter.number}
      </bdi>
      {meter.customerName && (
        <>
          {' · '}
          <bdi>{meter.customerName}</bdi>
        </>
      )}
    </p>
  );
}
