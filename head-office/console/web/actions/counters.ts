// The counters page's actions: list, make a one-time enrolment code (operator), revoke (admin).
import { api } from '../lib/api';
import type { CounterView, IssuedEnrolmentCode } from '../../wire';

export const loadCounters = async (): Promise<CounterView[]> => (await api<{ counters: CounterView[] }>('GET', '/counters')).counters;

export const makeEnrolmentCode = (counterName: string, validHours: number): Promise<IssuedEnrolmentCode> =>
  api<IssuedEnrolmentCode>('POST', '/enrolment-codes', { counterName, validHours });

export const revokeCounter = (id: number): Promise<CounterView> => api<CounterView>('POST', `/counters/${id}/revoke`);
