// What every master-data tab needs from the page around it: the currency's decimals (amounts are
// typed in major units) and whether the signed-in role may change records.
import { createContext, useContext } from 'react';
import type { MoneySettings } from '../../actions/master-data';

export interface MasterContext {
  money: MoneySettings;
  /** Operators and admins edit meters, customers and tariffs; viewers only look. */
  canEdit: boolean;
}

export const MasterCtx = createContext<MasterContext | null>(null);

export function useMaster(): MasterContext {
  const c = useContext(MasterCtx);
  if (!c) throw new Error('useMaster outside the master-data page');
  return c;
}
