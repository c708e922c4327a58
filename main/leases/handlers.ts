// leases.*: a meter's lease as this counter knows it, and a supervisor's request to hold it.
import type { LeaseView } from '../../preload/contract';
import { err } from '../common/errors';
import type { NamespaceHandlers } from '../ipc/handlers';
import type { LeaseService } from './service';

function viewOf(leases: LeaseService, meterNumber: string): LeaseView {
  const l = leases.lease(meterNumber);
  const enrolled = leases.enrolled();
  if (!l || l.state === 'releasing') return { meterNumber, enrolled, state: 'none', until: null, holder: null, heardAt: l?.heardAt ?? null };
  if (l.state === 'elsewhere') return { meterNumber, enrolled, state: 'elsewhere', until: l.expiresAt, holder: l.holder, heardAt: l.heardAt };
  return { meterNumber, enrolled, state: 'held', until: leases.usableUntil(l)!.toISOString(), holder: null, heardAt: l.heardAt };
}

export function leasesHandlers(d: { leases: LeaseService }): NamespaceHandlers<'leases'> {
  return {
    'leases.get': ({ meterNumber }) => viewOf(d.leases, meterNumber),
    'leases.hold': async ({ meterNumber }) => {
      const o = await d.leases.ask([meterNumber]);
      if (o.kind === 'not-leasing') {
        throw err('NOT_CONFIGURED', 'This counter\'s head office does not lease meters: it sells offline with its own vending keys.',
          'المكتب الرئيسي لهذه النقطة لا يحجز العدادات: تبيع دون اتصال بمفاتيح الشحن الخاصة بها.');
      }
      if (o.kind === 'unreachable') {
        return { lease: viewOf(d.leases, meterNumber), refusal: { en: 'The head office cannot be reached now: try again once the connection is back.', ar: 'تعذر الوصول إلى المكتب الرئيسي الآن: أعد المحاولة عند عودة الاتصال.' } };
      }
      const refused = o.refused.find((r) => r.meter === meterNumber);
      return { lease: viewOf(d.leases, meterNumber), refusal: refused ? refused.message : null };
    },
  };
}
