// Master data: the records every counter pulls (meters, customers, tariffs) and each counter's
// users, in tabs under /console/master-data/<tab> so each can be bookmarked. Viewers look,
// operators edit meters, customers and tariffs and import files, admins also manage counter users.
import type { ComponentType, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast, type ConsoleRole } from '../../roles';
import { loadMoney } from '../actions/master-data';
import { ErrorText } from '../components/ErrorText';
import { navigate, usePath } from '../lib/router';
import { useLoad } from '../lib/use-load';
import { useMe } from '../session';
import { MasterCtx } from './master/context';
import '../styles/master-data.css';
import { CounterUsersTab } from './master/CounterUsersTab';
import { CustomersTab } from './master/CustomersTab';
import { ImportTab } from './master/ImportTab';
import { MetersTab } from './master/MetersTab';
import { TariffsTab } from './master/TariffsTab';

export const MASTER_BASE = '/console/master-data';

const TABS: readonly { slug: string; minRole: ConsoleRole; Component: ComponentType }[] = [
  { slug: 'meters', minRole: 'viewer', Component: MetersTab },
  { slug: 'customers', minRole: 'viewer', Component: CustomersTab },
  { slug: 'tariffs', minRole: 'viewer', Component: TariffsTab },
  { slug: 'counter-users', minRole: 'admin', Component: CounterUsersTab },
  { slug: 'import', minRole: 'operator', Component: ImportTab },
];

export function MasterDataPage() {
  const { t } = useTranslation();
  const me = useMe();
  const path = usePath().replace(/\/+$/, '');
  const money = useLoad(loadMoney);
  const tabs = TABS.filter((x) => roleAtLeast(me.role, x.minRole));
  const slug = path.slice(MASTER_BASE.length + 1);
  const tab = tabs.find((x) => x.slug === slug);
  if (!tab) {
    if (slug === '') navigate(`${MASTER_BASE}/meters`, { replace: true });
    else return <section className="page" data-testid="page-not-found"><p>{t('common.notFound')}</p></section>;
    return null;
  }
  const go = (e: MouseEvent<HTMLAnchorElement>, to: string) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <section className="page" data-testid="master-data-page">
      <header className="page-head">
        <div>
          <h1>{t('masterData.title')}</h1>
          <p className="muted">{t('masterData.intro')}</p>
        </div>
      </header>
      <nav className="subtabs" aria-label={t('masterData.tabsLabel')}>
        {tabs.map((x) => (
          <a key={x.slug} href={`${MASTER_BASE}/${x.slug}`} className="subtab" aria-current={x === tab ? 'page' : undefined} data-testid={`master-tab-${x.slug}`}
            onClick={(e) => go(e, `${MASTER_BASE}/${x.slug}`)}>
            {t(`masterData.tabs.${x.slug}`)}
          </a>
        ))}
      </nav>
      <ErrorText error={money.error} />
      {money.data && (
        <MasterCtx.Provider value={{ money: money.data, canEdit: roleAtLeast(me.role, 'operator') }}>
          <tab.Component key={tab.slug} />
        </MasterCtx.Provider>
      )}
    </section>
  );
}
