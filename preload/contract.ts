// THE contract between the renderer and main, channel -> { input, output, role }, built from one
// file per channel namespace under preload/contract/. Imported by main (to validate and authorise),
// by the preload (channel names) and by the renderer (types only); importers need only this file.
import type { z } from 'zod';
import { appChannels } from './contract/app';
import { approvalChannels, authChannels } from './contract/auth';
import { backupChannels } from './contract/backup';
import { customerChannels } from './contract/customers';
import type { RpcError } from './contract/errors';
import { historyChannels } from './contract/history';
import { keyChannels } from './contract/keys';
import { masterDataChannels } from './contract/master-data';
import { leaseChannels } from './contract/leases';
import { meterChannels, meterRecordChannels } from './contract/meters';
import { printerChannels, receiptChannels } from './contract/printer';
import { saleChannels } from './contract/sales';
import { setupChannels } from './contract/setup';
import { shiftChannels } from './contract/shifts';
import { outboxChannels, syncChannels } from './contract/sync';
import { tariffChannels } from './contract/tariffs';
import { userChannels } from './contract/users';
import { vendorChannels } from './contract/vendors';

export { Bilingual, PrintOutcomeSchema, ROLES, ROLE_RANK, roleAtLeast, type ChannelRole, type Role } from './contract/shared';
export * from './contract/errors';
export * from './contract/app';
export * from './contract/auth';
export * from './contract/users';
export * from './contract/sales';
export * from './contract/meters';
export * from './contract/tariffs';
export * from './contract/shifts';
export * from './contract/history';
export * from './contract/customers';
export * from './contract/sync';
export * from './contract/printer';
export * from './contract/vendors';
export * from './contract/keys';
export * from './contract/leases';
export * from './contract/backup';
export * from './contract/setup';
export * from './contract/master-data';

export const contract = {
  ...appChannels,
  ...authChannels,
  ...approvalChannels,
  ...userChannels,
  ...saleChannels,
  ...meterChannels,
  ...tariffChannels,
  ...shiftChannels,
  ...historyChannels,
  ...customerChannels,
  ...syncChannels,
  ...outboxChannels,
  ...printerChannels,
  ...receiptChannels,
  ...vendorChannels,
  ...keyChannels,
  ...leaseChannels,
  ...backupChannels,
  ...setupChannels,
  ...masterDataChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Some channels of a namespace's map, without naming them as keys here (each is defined once, in its namespace's file). */
function only<M extends object, K extends keyof M>(map: M, ...keys: K[]): Pick<M, K> {
  return Object.fromEntries(keys.map((k) => [k, map[k]])) as Pick<M, K>;
}

/**
 * The channels of a cashier's day, across namespaces: users, a PIN change and approvals, shifts,
 * history, customers, meter records and vending keys: the set
 * test/integration/day/channels.test.ts walks role by role.
 */
export const dayChannels = {
  ...userChannels,
  ...only(authChannels, 'auth.changePin'),
  ...approvalChannels,
  ...shiftChannels,
  ...historyChannels,
  ...customerChannels,
  ...meterRecordChannels,
  ...keyChannels,
} as const;

/** What the preload exposes as window.shahn — nothing else. */
export interface ShahnBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<{ ok: true; value: ChannelOutput<C> } | { ok: false; error: RpcError }>;
}
