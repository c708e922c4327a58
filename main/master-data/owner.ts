// Who owns this counter's master data. The head office does once the counter's head-office
// credentials came from enrolment (recorded by vendors.enrolHeadOffice), or when the environment
// says so (SHAHN_MASTER_DATA=head-office, for a counter configured by hand). Otherwise the counter
// does, as before: the demo and a counter without a head office edit their own data.
import type { ReadDb } from '../../db/open';
import { masterSyncState } from '../../db/repos/master-data';

export function masterDataOwner(db: ReadDb, forced: boolean): 'counter' | 'head-office' {
  return forced || masterSyncState(db).enrolledAt !== null ? 'head-office' : 'counter';
}
