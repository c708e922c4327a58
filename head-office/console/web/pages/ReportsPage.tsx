import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCounters } from '../actions/counters';
import { ErrorText } from '../components/ErrorText';
import { useLoad } from '../lib/use-load';
import type { OutstandingFilters } from '../lib/report-query';
import { OutstandingReport } from './reports/OutstandingReport';
import { defaultSalesFilters, SalesByDayReport } from './reports/SalesByDayReport';
import { defaultZFilters, ZReportsReport } from './reports/ZReportsReport';
import '../styles/reports.css';

const TABS = ['sales', 'z', 'outstanding'] as const;
type Tab = (typeof TABS)[number];

/** The reports across counters, one at a time: sales per day, Z reports against the ledger, what is still open. */
export function ReportsPage() {
  const { t } = useTranslation();
  const counters = useLoad(loadCounters);
  const [tab, setTab] = useState<Tab>('sales');
  // Each report's filters outlive a switch to another tab and back.
  const [salesFilters, setSalesFilters] = useState(defaultSalesFilters);
  const [zFilters, setZFilters] = useState(defaultZFilters);
  const [openFilters, setOpenFilters] = useState<OutstandingFilters>({ counter: '' });
  const list = counters.data ?? [];
  return (
    <section className="page" data-testid="reports-page">
      <header className="page-head">
        <div>
          <h1>{t('reports.title')}</h1>
          <p className="muted">{t('reports.intro')}</p>
        </div>
      </header>
      <div className="report-tabs" role="tablist" aria-label={t('reports.tabsLabel')}>
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" id={`report-tab-${k}`} aria-controls={`report-panel-${k}`} aria-selected={tab === k}
            className="report-tab" data-testid={`report-tab-${k}`} onClick={() => setTab(k)}>
            {t(`reports.tabs.${k}`)}
          </button>
        ))}
      </div>
      <ErrorText error={counters.error} />
      <div role="tabpanel" id={`report-panel-${tab}`} aria-labelledby={`report-tab-${tab}`} className="report-panel">
        {tab === 'sales' && <SalesByDayReport counters={list} filters={salesFilters} onFilters={setSalesFilters} />}
        {tab === 'z' && <ZReportsReport counters={list} filters={zFilters} onFilters={setZFilters} />}
        {tab === 'outstanding' && <OutstandingReport counters={list} filters={openFilters} onFilters={setOpenFilters} />}
      </div>
    </section>
  );
}
