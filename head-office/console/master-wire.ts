// What the console's master-data pages share with the service and the counters: the records'
// wire schemas (the browser checks a form with the very schema the service checks the request
// with), the counters' own rules on a schedule's periods and on an STS meter's check digit, and
// the counter users' PIN and role rules. All of it pure (zod and arithmetic): safe in a browser.
export {
  MasterCustomerSchema, MasterGroupSchema, MasterMeterSchema, MasterScheduleSchema, MasterUserSchema,
  type MasterCustomer, type MasterGroup, type MasterMeter, type MasterSchedule,
} from '../../main/vendors/head-office/master-data-wire';
export { masterScheduleProblems } from '../../main/master-data/schedule';
export { isValidMeterNumber } from '../../main/sts/meter-number';
export { PIN_DIGITS, ROLES as COUNTER_ROLES, type Bilingual } from '../../preload/contract/shared';
