// Direct reads of a meter through its cloud: live status behind the DCU, the present reading,
// interval readings, the balance, the payment mode the cloud holds and its prepaid account.
// Nothing is stored: the supervisor sees what the cloud says now, or a clear reason why it cannot
// be asked.
import { meterKindOf } from '../../db/repos/meter-commands';
import type { Db } from '../../db/open';
import { err } from '../common/errors';
import { clientFor, unwrap, type MeterVendors } from './vendors';

export interface ReadDeps {
  db: Db;
  vendors: MeterVendors;
  now: () => Date;
}

export function knownMeter(db: Db, meterNumber: string): 'sts' | 'acrel' {
  const kind = meterKindOf(db.read, meterNumber.replace(/[\s-]/g, ''));
  if (!kind) throw err('METER_NOT_FOUND', `Meter ${meterNumber} is not registered at this counter.`, `العداد ${meterNumber} غير مسجل في هذا المركز.`);
  return kind;
}

const DAY = 24 * 3_600_000;

export function meterReads(d: ReadDeps) {
  const target = (meterNumber: string) => {
    const n = meterNumber.replace(/[\s-]/g, '');
    const kind = knownMeter(d.db, n);
    return { n, kind, client: clientFor(d.vendors, kind) };
  };
  return {
    async status({ meterNumber }: { meterNumber: string }) {
      const t = target(meterNumber);
      const s = unwrap(await t.client.getMeterStatus({ meterNumber: t.n }), t.kind, t.n);
      return { meterNumber: t.n, kind: t.kind, ...s, checkedAt: d.now().toISOString() };
    },
    async reading({ meterNumber }: { meterNumber: string }) {
      const t = target(meterNumber);
      return { meterNumber: t.n, ...unwrap(await t.client.getMeterReading({ meterNumber: t.n }), t.kind, t.n) };
    },
    async readings({ meterNumber, from, to, limit }: { meterNumber: string; from?: string; to?: string; limit: number }) {
      const t = target(meterNumber);
      const end = to ?? d.now().toISOString();
      const start = from ?? new Date(Date.parse(end) - DAY).toISOString();
      if (Date.parse(start) > Date.parse(end)) throw err('BAD_INPUT', '"from" must not be after "to".', 'يجب ألا يكون "من" بعد "إلى".');
      const readings = unwrap(await t.client.getMeterReadings({ meterNumber: t.n, from: start, to: end, limit }), t.kind, t.n);
      return { meterNumber: t.n, readings };
    },
    async balance({ meterNumber }: { meterNumber: string }) {
      const t = target(meterNumber);
      const b: { balanceMinor: number | null; remainingTenths: number | null; readAt: string } =
        t.kind === 'sts' ? unwrap(await clientFor(d.vendors, 'sts').getMeterBalance({ meterNumber: t.n }), 'sts', t.n) : unwrap(await clientFor(d.vendors, 'acrel').getMeterBalance({ meterNumber: t.n }), 'acrel', t.n);
      return { meterNumber: t.n, kind: t.kind, balanceMinor: b.balanceMinor, remainingTenths: b.remainingTenths, readAt: b.readAt };
    },
    /** The mode the cloud holds, in its own unit: the STS cloud's limit is energy, Acrel's money. */
    async cloudPaymentMode({ meterNumber }: { meterNumber: string }) {
      const t = target(meterNumber);
      const checkedAt = d.now().toISOString();
      if (t.kind === 'sts') {
        const m = unwrap(await clientFor(d.vendors, 'sts').getPaymentMode({ meterNumber: t.n }), 'sts', t.n);
        return { meterNumber: t.n, kind: t.kind, mode: m.mode, creditLimitMinor: null, creditLimitTenths: m.creditLimitTenths, checkedAt };
      }
      const m = unwrap(await clientFor(d.vendors, 'acrel').getPaymentMode({ meterNumber: t.n }), 'acrel', t.n);
      return { meterNumber: t.n, kind: t.kind, mode: m.mode, creditLimitMinor: m.creditLimitMinor, creditLimitTenths: null, checkedAt };
    },
    /** The cloud's prepaid account: kWh (tenths) on the STS vendor's, money on Acrel's. */
    async prepaidBalance({ meterNumber }: { meterNumber: string }) {
      const t = target(meterNumber);
      const checkedAt = d.now().toISOString();
      if (t.kind === 'sts') {
        const b = unwrap(await clientFor(d.vendors, 'sts').getPrepaidBalance({ meterNumber: t.n }), 'sts', t.n);
        return { meterNumber: t.n, kind: t.kind, balanceMinor: null, balanceTenths: b.balanceTenths, checkedAt };
      }
      const b = unwrap(await clientFor(d.vendors, 'acrel').getPrepaidBalance({ meterNumber: t.n }), 'acrel', t.n);
      return { meterNumber: t.n, kind: t.kind, balanceMinor: b.balanceMinor, balanceTenths: null, checkedAt };
    },
  };
}
