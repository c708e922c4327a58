import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaleFlow } from '../../stores/sale';
import { lookupMeter } from '../../actions/lookupMeter';
import { useFieldError } from '../../hooks/useFieldError';
import { ErrorMessage } from '../../components/ErrorMessage';

/** Meter number: typed or scanned (scanners type the digits then Enter). */
export function MeterField({ inputRef, onFound }: { inputRef: RefObject<HTMLInputElement | null>; onFound(): void }) {
  const { t } = useTranslation();
  const query = useSaleFlow((s) => s.meterQuery);
  const looking = useSaleFlow((s) => s.looking);
  const hasMeter = useSaleFlow((s) => s.meter !== null);
  const locked = useSaleFlow((s) => s.sale !== null || s.pendingSell !== null);
  const patch = useSaleFlow((s) => s.patch);
  const error = useFieldError('meter');

  async function find() {
    if (await lookupMeter()) onFound();
  }

  return (
    <div className="field">
      <label className="field-label" htmlFor="meter-input">
        {t('sell.meter')}
      </label>
      <div className="field-row">
        <input
          id="meter-input"
          ref={inputRef}
          className="input input-meter"
          data-testid="meter-input"
          dir="ltr"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          readOnly={locked}
          aria-invalid={error ? true : undefined}
          aria-describedby="meter-hint"
          value={query}
          onChange={(e) => {
            // Editing the number drops the meter that was found for the old one.
            patch({ meterQuery: e.target.value, ...(hasMeter ? { meter: null, quote: null, quoteKey: null } : {}), error: null });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (hasMeter) onFound();
              else void find();
            }
          }}
        />
        <button type="button" className="btn" disabled={locked || looking || !query.trim()} onClick={() => void find()}>
          {looking ? t('sell.finding') : t('sell.find')}
        </button>
      </div>
      <p id="meter-hint" className="field-hint">
        {t('sell.meterHint')}
      </p>
      <ErrorMessage message={error} />
    </div>
  );
}
