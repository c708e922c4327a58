import type { Bilingual, RpcError } from '../../../preload/contract';

/**
 * Main's sentence for each bad field, when its message is one line per field in the order of its
 * issues (the XMLVend settings rules write it so); null when it cannot be split that way, and the
 * message is then shown whole.
 */
export function fieldErrors(e: RpcError): Record<string, Bilingual> | null {
  if (e.code !== 'BAD_INPUT' || !e.issues || e.issues.length === 0) return null;
  const en = e.message.en.split('\n');
  const ar = e.message.ar.split('\n');
  if (en.length !== e.issues.length || ar.length !== e.issues.length) return null;
  return Object.fromEntries(e.issues.map((f, i) => [f, { en: en[i]!, ar: ar[i]! }]));
}
