// The shape of a master-data import (JSON; `npm run -s head-office -- import-master --file x.json`
// and POST /console/api/master-data/import): each section optional, applied in the order the
// references need (schedules, groups, customers, meters, then users), all in one transaction.
import { z } from 'zod';
import { MasterCustomerSchema, MasterGroupSchema, MasterMeterSchema, MasterScheduleSchema } from '../../main/vendors/head-office/master-data-wire';
import { UserInputSchema, type MasterEdit } from './edits';

/** Enough for a utility's whole register in one file, small enough to check in one transaction. */
export const MAX_IMPORT_RECORDS = 200_000;

export const MasterImportSchema = z.object({
  tariffSchedules: z.array(MasterScheduleSchema).default([]),
  tariffGroups: z.array(MasterGroupSchema).default([]),
  customers: z.array(MasterCustomerSchema).default([]),
  meters: z.array(MasterMeterSchema).default([]),
  users: z.array(UserInputSchema).default([]),
}).strict().refine((d) => d.tariffSchedules.length + d.tariffGroups.length + d.customers.length + d.meters.length + d.users.length <= MAX_IMPORT_RECORDS,
  { message: `at most ${MAX_IMPORT_RECORDS} records in one import` });
export type MasterImport = z.infer<typeof MasterImportSchema>;

export function editsOfImport(d: MasterImport): MasterEdit[] {
  return [
    ...d.tariffSchedules.map((data) => ({ entity: 'tariff_schedule' as const, data })),
    ...d.tariffGroups.map((data) => ({ entity: 'tariff_group' as const, data })),
    ...d.customers.map((data) => ({ entity: 'customer' as const, data })),
    ...d.meters.map((data) => ({ entity: 'meter' as const, data })),
    ...d.users.map((data) => ({ entity: 'user' as const, data })),
  ];
}
