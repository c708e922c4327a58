// The leases page's actions: a page of leases (all, one counter's, one meter's), a meter's lease
// history, and an operator's release of an expired lease (the service refuses a running one).
import { api, query } from '../lib/api';
import type { LeaseEventView, LeasePage, LeaseReleaseAnswer } from '../../../leases/console-wire';

export interface LeaseFilter {
  counterId: string;
  meter: string;
}

export const EMPTY_FILTER: LeaseFilter = { counterId: '', meter: '' };

export const LEASE_PAGE_SIZE = 50;

export const loadLeases = (f: LeaseFilter, cursor: string | null): Promise<LeasePage> =>
  api<LeasePage>('GET', `/leases${query({ counterId: f.counterId, meter: f.meter.trim(), cursor, limit: LEASE_PAGE_SIZE })}`);

export const loadLeaseHistory = async (meter: string): Promise<LeaseEventView[]> =>
  (await api<{ events: LeaseEventView[] }>('GET', `/leases/${encodeURIComponent(meter)}/events`)).events;

export const releaseLease = (meter: string): Promise<LeaseReleaseAnswer> => api<LeaseReleaseAnswer>('POST', `/leases/${encodeURIComponent(meter)}/release`);
