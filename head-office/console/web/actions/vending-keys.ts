// The vending keys page's actions (administrators only; the service checks): the keys by their
// check values, a key file checked without storing it, loaded with the KCV read on the key
// certificate, and a key retired. The file's text goes to the service and is kept nowhere here.
import { api } from '../lib/api';
import type { KeyFileCheck, KeyLoadAnswer, VendingKeyView } from '../../../leases/console-wire';

export const loadVendingKeys = async (): Promise<VendingKeyView[]> => (await api<{ keys: VendingKeyView[] }>('GET', '/vending-keys')).keys;

export const checkKeyFile = (keyFile: string): Promise<KeyFileCheck> => api<KeyFileCheck>('POST', '/vending-keys/check', { keyFile });

export const loadKeyFile = (keyFile: string, certificateKcv: string, replace: boolean): Promise<KeyLoadAnswer> =>
  api<KeyLoadAnswer>('POST', '/vending-keys', { keyFile, certificateKcv: certificateKcv.trim(), replace });

export const retireVendingKey = (id: number): Promise<{ key: VendingKeyView }> => api<{ key: VendingKeyView }>('POST', `/vending-keys/${id}/retire`);
