// Reads of the open meter's cloud account: the payment mode the cloud holds, its prepaid balance
// and the schedule read-back for this one meter. Each fills its own slot; a failure stays beside it.
import { invoke, toFailure } from '../transport';
import { useMeterCloud, type CloudReadName } from '../stores/metersCloud';

async function read<T>(meterNumber: string, name: CloudReadName, call: () => Promise<T>, quiet: boolean): Promise<void> {
  const s = useMeterCloud.getState();
  if (!quiet) s.patchSlot(meterNumber, name, { loading: true });
  try {
    const value = await call();
    useMeterCloud.getState().patchSlot(meterNumber, name, { value, loading: false, error: null });
  } catch (e) {
    useMeterCloud.getState().patchSlot(meterNumber, name, { loading: false, error: toFailure(e).error.message });
  }
}

/** scheduleCode: the schedule in force for the meter (its group's when it is in one). */
export function refreshMeterCloud(meterNumber: string, scheduleCode: string, quiet = false): Promise<void> {
  if (useMeterCloud.getState().meterNumber !== meterNumber) useMeterCloud.getState().reset(meterNumber);
  return Promise.all([
    read(meterNumber, 'mode', () => invoke('meters.cloudPaymentMode', { meterNumber }), quiet),
    read(meterNumber, 'prepaid', () => invoke('meters.prepaidBalance', { meterNumber }), quiet),
    read(meterNumber, 'schedule', () => invoke('tariffs.readBack', { code: scheduleCode, meterNumber }), quiet),
  ]).then(() => undefined);
}
