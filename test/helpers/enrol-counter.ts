// A counter as it joins a head office for real: an administrator's one-time code from the console
// API, the counter's enrolment over HTTP with it, and the signed client the counter then pushes
// its sales and Z reports with. For end-to-end tests and screenshot scripts.
import { createHeadOfficeClient, type HeadOfficeClient } from '../../main/vendors/head-office/client';
import { enrolWithHeadOffice } from '../../main/vendors/head-office/enrol';
import type { ConsoleClient } from './console';

export async function enrolThroughConsole(headOfficeUrl: string, admin: ConsoleClient, counterName: string, appVersion = '0.1.0'): Promise<HeadOfficeClient> {
  const made = await admin.send<{ code: string }>('POST', '/console/api/enrolment-codes', { counterName, validHours: 1 });
  if (made.status !== 201 && made.status !== 200) throw new Error(`enrolment code for ${counterName}: ${made.status} ${JSON.stringify(made.body)}`);
  const o = await enrolWithHeadOffice(headOfficeUrl, { code: made.body.code, counterName: 'Till', appVersion }, { userAgent: `Shahn-POS/${appVersion}` });
  if (o.kind !== 'ok') throw new Error(`enrol ${counterName}: ${JSON.stringify(o)}`);
  return createHeadOfficeClient({ baseUrl: headOfficeUrl, apiKey: o.value.counterKey, apiSecret: o.value.counterSecret, merchantId: null, timeoutMs: 10_000, retryAttempts: 0 });
}
