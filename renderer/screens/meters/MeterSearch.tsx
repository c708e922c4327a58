import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { lookupMeterPage, openMeter } from '../../actions/metersLookup';
import { useFormat } from '../../hooks/useFormat';
import { ErrorMessage } from '../../components/ErrorMessage';

/** Meter number (typed or scanned) or part of it; Enter searches. */
export function MeterSearch() {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useMeters((s) => s.query);
  const looking = useMeters((s) => s.looking);
  const candidates = useMeters((s) => s.candidates);
  const error = useMeters((s) => s.lookupError);
  const patch = useMeters((s) => s.patch);
  const open = useMeters((s) => s.meter !== null);
  return (
    <section className={`meters-search${open ? ' is-compact' : ''}`}>
      <div className="field">
        <label className="field-label" htmlFor="meters-search">
          {t('meters.search.label')}
        </label>
        <div className="field-row">
          <input
            id="meters-search"
            className="input input-meter"
            data-testid="meters-search"
            dir="ltr"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            aria-describedby="meters-search-hint"
            value={query}
            onChange={(e) => patch({ query: e.target.value, lookupError: null })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void lookupMeterPage();
              }
            }}
          />
          <button type="button" className="btn" data-testid="meters-find" disabled={looking || !query.trim()} onClick={() => void lookupMeterPage()}>
            {looking ? t('meters.search.finding') : t('meters.search.find')}
          </button>
        </div>
        <p id="meters-search-hint" className={open ? 'visually-hidden' : 'field-hint'}>
          {t('meters.search.hint')}
        </p>
        <ErrorMessage message={error} />
      </div>
      {candidates.length > 0 && (
        <div className="choices" data-testid="meters-choices">
          <p className="field-label">{t('meters.search.pick')}</p>
          <ul>
            {candidates.map((m) => (
              <li key={`${m.kind}:${m.number}`}>
                <button type="button" className="btn btn-choice" onClick={() => openMeter(m)}>
                  <bdi dir="ltr" className="mono">
                    {m.number}
                  </bdi>
                  <bdi>{m.customerName ?? t('meter.noName')}</bdi>
                  <span className="muted">{f.text(m.tariffName)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
