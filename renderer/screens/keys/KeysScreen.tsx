import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeys } from '../../stores/keys';
import { loadKeys } from '../../actions/keysLoad';
import { ErrorMessage } from '../../components/ErrorMessage';
import { KeyList } from './KeyList';
import { KeyLoadForm } from './KeyLoadForm';
import { RetireKeyDialog } from './RetireKeyDialog';
import '../../styles/day.css';
import '../../styles/keys.css';

/** Vending keys (admin): the keys on this counter by their check value, loading a key, retiring one. */
export function KeysScreen() {
  const { t } = useTranslation();
  const { loaded, error } = useKeys();
  useEffect(() => void loadKeys(), []);
  return (
    <main className="day" data-testid="keys-screen">
      <header className="day-report-head">
        <h1 className="day-title">{t('keys.title')}</h1>
      </header>
      <p className="muted keys-intro">{t('keys.intro')}</p>
      <ErrorMessage message={error} />
      {!loaded && <p className="muted">{t('app.loading')}</p>}
      <div className="keys-layout">
        <section className="panel keys-list-panel"><KeyList /></section>
        <KeyLoadForm />
      </div>
      <RetireKeyDialog />
    </main>
  );
}
