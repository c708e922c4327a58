// Every page of the console, in navigation order: its path under /console/, its name in the
// navigation (an i18n key under nav.), and the least role that sees it (the service checks each
// request regardless). A new page — Reports, Master data, Leases — is one entry here: its
// component in pages/, its nav.<name> words in i18n/ar.json and en.json.
import { lazy, type ComponentType } from 'react';
import type { ConsoleRole } from '../roles';
import { CountersPage } from './pages/CountersPage';
import { MasterDataPage } from './pages/MasterDataPage';
import { LeasesPage } from './pages/LeasesPage';
import { SalesPage } from './pages/SalesPage';
import { UsersPage } from './pages/UsersPage';
import { VendingKeysPage } from './pages/VendingKeysPage';

// The reports' charts (recharts) are most of the console's code: their page loads when first opened.
const ReportsPage = lazy(() => import('./pages/ReportsPage').then((m) => ({ default: m.ReportsPage })));

export interface ConsolePage {
  path: `/console/${string}`;
  /** nav.<navKey> in the i18n files. */
  navKey: string;
  minRole: ConsoleRole;
  Component: ComponentType;
}

export const PAGES: readonly ConsolePage[] = [
  { path: '/console/counters', navKey: 'counters', minRole: 'viewer', Component: CountersPage },
  { path: '/console/sales', navKey: 'sales', minRole: 'viewer', Component: SalesPage },
  { path: '/console/reports', navKey: 'reports', minRole: 'viewer', Component: ReportsPage },
  // Its tabs are sub-paths (/console/master-data/meters, ...): the page picks the tab.
  { path: '/console/master-data', navKey: 'masterData', minRole: 'viewer', Component: MasterDataPage },
  { path: '/console/leases', navKey: 'leases', minRole: 'viewer', Component: LeasesPage },
  { path: '/console/vending-keys', navKey: 'vendingKeys', minRole: 'admin', Component: VendingKeysPage },
  { path: '/console/users', navKey: 'users', minRole: 'admin', Component: UsersPage },
];

/** Where /console/ itself leads. */
export const HOME = PAGES[0]!.path;
