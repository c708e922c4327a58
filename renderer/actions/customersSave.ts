import { invoke, toFailure } from '../transport';
import { useCustomers } from '../stores/customers';
import type { Bilingual, Customer } from '../../preload/contract';
import { refreshCustomers } from './customersSearch';

export interface CustomerDraft { nameAr: string; nameLatin: string; phone: string; address: string }

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** Create (id null) or update a customer. Returns the error to show, or null when saved. */
export async function saveCustomer(id: number | null, d: CustomerDraft): Promise<Bilingual | null> {
  const fields = { nameAr: d.nameAr.trim(), nameLatin: orNull(d.nameLatin), phone: orNull(d.phone), address: orNull(d.address) };
  try {
    const customer: Customer = id === null ? await invoke('customers.create', fields) : await invoke('customers.update', { id, ...fields });
    useCustomers.getState().patch({ panel: { kind: 'customer', customer } });
    void refreshCustomers();
    return null;
  } catch (e) {
    return toFailure(e).error.message;
  }
}

/** A row of the results -> its form (read fresh from main). */
export async function openCustomer(id: number): Promise<void> {
  try {
    const customer = await invoke('customers.get', { id });
    useCustomers.getState().patch({ panel: { kind: 'customer', customer }, error: null });
  } catch (e) {
    useCustomers.getState().patch({ error: toFailure(e).error.message });
  }
}
