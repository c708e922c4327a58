import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShift } from '../../stores/shift';
import { useNav } from '../../stores/nav';
import { loadShift, loadXReport } from '../../actions/shiftLoad';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OpenShiftPanel } from './OpenShiftPanel';
import { XReport } from './XReport';
import { CloseShiftForm } from './CloseShiftForm';
import { ZReportView } from './ZReportView';
import '../../styles/day.css';

/** The cashier's shift: X report now, close with a blind count, the Z report after. */
export function ShiftScreen() {
  const { t } = useTranslation();
  const { loaded, current, x, z, error } = useShift();
  const [closing, setClosing] = useState(false);
  const go = useNav((s) => s.go);
  useEffect(() => {
    void loadShift().then(loadXReport);
  }, []);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === 'F5') {
        e.preventDefault();
        void loadXReport();
      } else if (e.key === 'Escape' && closing) {
        setClosing(false);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closing]);
  if (!loaded) return <main className="day"><p className="muted">{t('app.loading')}</p></main>;
  if (z && !current) {
    return (
      <main className="day">
        <ZReportView z={z} />
        <button type="button" className="btn btn-primary" data-testid="z-done" onClick={() => { useShift.getState().patch({ z: null }); go('sell'); }}>
          {t('shift.startNext')}
        </button>
      </main>
    );
  }
  if (!current) return <OpenShiftPanel />;
  return (
    <main className="day">
      <ErrorMessage message={error} />
      <div className="day-split">
        {x ? <XReport x={x} onRefresh={() => void loadXReport()} /> : <p className="muted">{t('app.loading')}</p>}
        <aside className="day-side">
          {closing ? <CloseShiftForm onCancel={() => setClosing(false)} /> : (
            <button type="button" className="btn btn-primary btn-block" data-testid="close-shift" onClick={() => setClosing(true)}>
              {t('shift.close')}
            </button>
          )}
        </aside>
      </div>
    </main>
  );
}
