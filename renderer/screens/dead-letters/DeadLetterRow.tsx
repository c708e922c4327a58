import { useTranslation } from 'react-i18next';
import type { DeadLetter } from '../../../preload/contract';
import { useFormat } from '../../hooks/useFormat';
import { useDeadLetters } from '../../stores/deadLetters';
import { ask } from '../../actions/deadLetters';
import { splitError, topicKey } from './topic';

/** One message refused for good: what it was, what it concerns, why, and the two ways out. */
export function DeadLetterRow({ letter }: { letter: DeadLetter }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fromSale = useDeadLetters((s) => (letter.saleId ? s.reasons[letter.saleId] : undefined));
  const bilingual = letter.reason?.message ?? fromSale;
  const busy = useDeadLetters((s) => s.busy);
  const topic = topicKey(letter.topic);
  const split = splitError(letter.lastError);
  const code = letter.reason?.code ?? split.code;
  const text = split.text;

  return (
    <li className="sync-row is-dead" data-testid="dead-letter-row" data-id={letter.id} data-topic={letter.topic} data-receipt-no={letter.receiptNo ?? undefined}>
      <div className="sync-row-head">
        <h2 className="sync-row-title">{t(topic.key, topic.values)}</h2>
        <span className="muted">
          {t('deadLetters.number')} <bdi dir="ltr" className="mono">{letter.id}</bdi>
        </span>
      </div>
      <dl className="sync-facts">
        {letter.receiptNo !== null && (
          <div>
            <dt>{t('deadLetters.receiptNo')}</dt>
            <dd><bdi dir="ltr" className="mono">{letter.receiptNo}</bdi></dd>
          </div>
        )}
        {letter.meterNumber && (
          <div>
            <dt>{t('deadLetters.meter')}</dt>
            <dd><bdi dir="ltr" className="mono">{letter.meterNumber}</bdi></dd>
          </div>
        )}
        <div>
          <dt>{t('deadLetters.attempts')}</dt>
          <dd><bdi>{letter.attempts}</bdi></dd>
        </div>
        <div>
          <dt>{t('deadLetters.created')}</dt>
          <dd><bdi>{f.dateTime(letter.refusedAt ?? letter.createdAt)}</bdi></dd>
        </div>
      </dl>
      <div className="sync-reason" data-testid="dead-letter-reason">
        <span className="sync-label">{t('deadLetters.reason')}</span>{' '}
        {bilingual ? (
          <span title={f.lang === 'ar' ? bilingual.en : bilingual.ar}>{f.text(bilingual)}</span>
        ) : text ? (
          <>
            <bdi dir="ltr" lang="en">{text}</bdi>
            {f.lang !== 'en' && <span className="sync-code-note"> {t('deadLetters.englishOnly')}</span>}
          </>
        ) : (
          <span className="muted">{t('deadLetters.noReason')}</span>
        )}
        {code && <bdi dir="ltr" className="mono sync-code">{code}</bdi>}
      </div>
      <div className="sync-row-actions">
        <button type="button" className="btn btn-small" data-testid="dead-letter-retry" disabled={busy} onClick={() => ask('retry', letter)}>
          {t('deadLetters.retry')}
        </button>
        <button type="button" className="btn btn-small" data-testid="dead-letter-resolve" disabled={busy} onClick={() => ask('resolve', letter)}>
          {t('deadLetters.resolve')}
        </button>
      </div>
    </li>
  );
}
