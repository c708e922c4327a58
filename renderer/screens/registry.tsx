// Every screen reachable from the top bar: one entry each, with the lowest role that may open it
// (main checks roles again on every call; hiding a tab is only a convenience).
// To add a screen: add one entry here and its label under "nav" in i18n/ar.json and en.json.
import type { ComponentType } from 'react';
import { roleAtLeast, type Role } from '../../preload/contract/roles';
import { SellWithShift } from './shift/ShiftGate';
import { ShiftScreen } from './shift/ShiftScreen';
import { HistoryScreen } from './history/HistoryScreen';
import { CustomersScreen } from './customers/CustomersScreen';
import { UsersScreen } from './users/UsersScreen';
import { PendingScreen } from './pending/PendingScreen';
import { DeadLettersScreen } from './dead-letters/DeadLettersScreen';
import { PrinterSettingsScreen } from './printer/PrinterSettingsScreen';
import { TariffsScreen } from './tariffs/TariffsScreen';
import { MetersScreen } from './meters/MetersScreen';
import { VendorsScreen } from './vendors/VendorsScreen';
import { KeysScreen } from './keys/KeysScreen';

export interface ScreenEntry {
  id: string;
  /** i18n key of the tab label */
  label: string;
  role: Role;
  component: ComponentType;
}

export const SCREENS: ScreenEntry[] = [
  // Behind the open-shift panel when the counter requires a shift and none is open.
  { id: 'sell', label: 'nav.sell', role: 'cashier', component: SellWithShift },
  { id: 'shift', label: 'shift.nav', role: 'cashier', component: ShiftScreen },
  { id: 'history', label: 'history.nav', role: 'cashier', component: HistoryScreen },
  { id: 'pending', label: 'pending.nav', role: 'cashier', component: PendingScreen },
  { id: 'deadLetters', label: 'deadLetters.nav', role: 'supervisor', component: DeadLettersScreen },
  { id: 'printer', label: 'nav.printer', role: 'supervisor', component: PrinterSettingsScreen },
  { id: 'vendors', label: 'vendors.nav', role: 'supervisor', component: VendorsScreen },
  { id: 'tariffs', label: 'nav.tariffs', role: 'supervisor', component: TariffsScreen },
  { id: 'meters', label: 'meters.nav', role: 'supervisor', component: MetersScreen },
  { id: 'customers', label: 'customers.nav', role: 'supervisor', component: CustomersScreen },
  { id: 'users', label: 'users.nav', role: 'supervisor', component: UsersScreen },
  { id: 'keys', label: 'keys.nav', role: 'admin', component: KeysScreen },
];

export const screensFor = (role: Role) => SCREENS.filter((s) => roleAtLeast(role, s.role));
