// An STS engineering token for a technician. The request id is kept after a failure, so a second
// press asks the vendor for the same code rather than a new one.
import { invoke, toFailure } from '../transport';
import { useMeters } from '../stores/meters';
import { useMaintenance } from '../stores/metersMaintenance';
import { newSaleId } from '../lib/uuid';
import { normalizeDigits } from '../lib/money';
import { both } from '../i18n';

export async function generateMaintenanceCode(): Promise<void> {
  const m = useMaintenance.getState();
  const meterNumber = useMeters.getState().meter?.number;
  if (m.busy || !meterNumber) return;
  let powerLimitW: number | undefined;
  if (m.action === 'set_power_limit') {
    const text = normalizeDigits(m.powerLimitText).trim();
    powerLimitW = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
    if (!(powerLimitW >= 100 && powerLimitW <= 65_535)) {
      m.patch({ error: both('meters.maint.powerInvalid') });
      return;
    }
  }
  const requestId = m.requestId ?? newSaleId();
  m.patch({ busy: true, error: null, requestId });
  try {
    const result = await invoke('meters.maintenanceCode', {
      meterNumber,
      requestId,
      purpose: m.purpose,
      action: m.action,
      validMinutes: m.validMinutes,
      ...(powerLimitW === undefined ? {} : { powerLimitW }),
    });
    if (useMeters.getState().meter?.number !== meterNumber) return;
    // Made: the next press is a new request (a new code with a new TID).
    useMaintenance.getState().patch({ busy: false, result, requestId: null });
  } catch (e) {
    useMaintenance.getState().patch({ busy: false, error: toFailure(e).error.message });
  }
}
