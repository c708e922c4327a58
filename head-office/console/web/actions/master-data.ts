// The master-data pages' actions: one page of an entity's records (keyset cursor, search and
// filters done by the service), write one record (PUT: create or change), delete one, import a
// file. Who may do what is the service's decision; the pages only hide what a role cannot do.
import { api, query } from '../lib/api';
import type { MasterCustomer, MasterGroup, MasterMeter, MasterSchedule } from '../../master-wire';

export type MasterPath = 'meters' | 'customers' | 'tariff-schedules' | 'tariff-groups' | 'users';

/** A counter user as the console sees it: never the PIN hash, only whether one is set. */
export interface CounterUserView {
  username: string;
  displayName: string;
  role: 'cashier' | 'supervisor' | 'admin';
  locale: 'ar' | 'en';
  active: boolean;
  hasPin: boolean;
}

export interface Listed<T> {
  key: string;
  version: number;
  counterId: number | null;
  updatedAt: string;
  updatedBy: string;
  deleted: boolean;
  data: T;
  /** Meters: the customer's names (null: no customer, or one since deleted). */
  customer?: { nameAr: string; nameLatin: string | null } | null;
}

export interface ListPage<T> {
  records: Listed<T>[];
  next: string | null;
}

export interface ListFilter {
  q?: string;
  kind?: string;
  tariff?: string;
  active?: string;
  counterId?: number;
}

export const PAGE_SIZE = 50;

export function listPage<T>(path: MasterPath, filter: ListFilter, after: string | null, limit = PAGE_SIZE): Promise<ListPage<T>> {
  return api<ListPage<T>>('GET', `/master-data/${path}${query({ ...filter, q: filter.q?.trim(), after, limit })}`);
}

/** Every record of a small register (schedules, groups): pages until the last. */
export async function listAll<T>(path: MasterPath, filter: ListFilter = {}): Promise<Listed<T>[]> {
  const out: Listed<T>[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ListPage<T> = await listPage<T>(path, filter, after, 500);
    out.push(...page.records);
    if (!page.next) return out;
    after = page.next;
  }
}

/** Every schedule version and tariff group, asked at once (the meter form and the tariffs tab both need both). */
export async function loadTariffs(): Promise<{ schedules: Listed<MasterSchedule>[]; groups: Listed<MasterGroup>[] }> {
  const [schedules, groups] = await Promise.all([listAll<MasterSchedule>('tariff-schedules'), listAll<MasterGroup>('tariff-groups')]);
  return { schedules, groups };
}

export interface Written {
  written: { entity: string; key: string; version: number }[];
}

export const saveMeter = (m: MasterMeter) => api<Written>('PUT', '/master-data/meters', m);
export const saveCustomer = (c: MasterCustomer) => api<Written>('PUT', '/master-data/customers', c);
export const saveSchedule = (s: MasterSchedule) => api<Written>('PUT', '/master-data/tariff-schedules', s);
export const saveGroup = (g: MasterGroup) => api<Written>('PUT', '/master-data/tariff-groups', g);

/** A counter user: the clear PIN only when setting one (a new user, or a reset). */
export interface CounterUserInput {
  counterId: number;
  username: string;
  displayName: string;
  role: CounterUserView['role'];
  locale: 'ar' | 'en';
  active: boolean;
  pin?: string;
}
export const saveCounterUser = (u: CounterUserInput) => api<Written>('PUT', '/master-data/users', u);

export const deleteRecord = (path: MasterPath, key: string) => api<Written>('DELETE', `/master-data/${path}/${encodeURIComponent(key)}`);

export const importMasterData = (doc: unknown) => api<Written>('POST', '/master-data/import', doc);

export interface MoneySettings {
  currency: string;
  decimals: number;
}
export const loadMoney = () => api<MoneySettings>('GET', '/master-data/money');
