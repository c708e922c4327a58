// What the sale flow needs from the outside world. app/create-app.ts plugs the real adapters in; the sale
// logic never knows whether a token came over HTTP or from which printer a receipt went out.
import type { Db } from '../../db/open';
import type { VendorOutcome } from '../vendors/outcome';
import type { Sale } from '../../preload/contract';
import type { VendingKeyStore } from '../keys';
import type { LeaseService } from '../leases/service';
import type { PrintQueue } from '../printing/queue';

export type { StsCharge, ServerPrice } from '../vendors/sts/client';
import type { StsCharge, ServerPrice } from '../vendors/sts/client';
export type StsVerify = { found: false } | ({ found: true } & StsCharge);

/** What was sent under a key (main/vendors/attempt-ledger.ts), for the "not vended" verdict. */
export interface SentAttempts {
  count: number;
  lastSignedAtMs: number | null;
  /** The latest moment any attempt could still be sending (its signature time + its timeout). */
  lastAbortAtMs: number | null;
  /** The latest moment the call could still have started another attempt. */
  notAfterMs: number | null;
}

export interface StsVendorPort {
  /** notAfterMs: no attempt starts after it (the sale's deadline). */
  chargeMeter(i: { meterNumber: string; energyTenths: number; amountMinor: number; purchaseMinor?: number; paymentMethod?: 'cash' | 'card' | 'transfer'; idempotencyKey: string; notAfterMs?: number }): Promise<VendorOutcome<StsCharge>>;
  /** Asks the endpoint that received the key's requests, whatever the settings say now. */
  verifyCharge(i: { idempotencyKey: string }): Promise<VendorOutcome<StsVerify>>;
  sentAttempts(key: string): SentAttempts;
  /** True when the vendor in force prices sales itself (XMLVend): quotes come from price(). Absent: never. */
  pricesSales?(): boolean;
  /** The server's price for this purchase now, changing nothing (XMLVend's trial credit vend). */
  price?(i: { meterNumber: string; amountMinor: number }): Promise<VendorOutcome<ServerPrice>>;
}

export interface OutboxPort {
  /** Try to deliver one message now; the worker keeps retrying it if this attempt fails. */
  deliverNow(rowId: number): Promise<'done' | 'retry' | 'dead'>;
  /** Wake the worker (new messages, or the network may be back). */
  kick(): void;
}

export interface PrinterPort {
  print(sale: Sale, copy: boolean): Promise<void>;
}

export interface SalesConfig {
  /** This counter's name: a sale joins the seller's open shift at this counter. */
  counterName: string;
  currency: string;
  currencyDecimals: number;
  timeZone: string;
  /**
   * How long after an attempt was signed the vendor may still accept it: its timestamp tolerance
   * (5 min in our protocol) plus how far its clock may lag ours. A "no such charge" is believed
   * only once this has passed since the last attempt that may have left (sales/deliveries.ts).
   */
  vendorAcceptWindowMs: number;
}

/** How STS tokens are made when the vendor cannot be asked (main/sales/local-vend.ts). */
export interface VendingConfig {
  mode: 'vendor' | 'local';
  offlineLimitMinor: number;
  saleDeadlineMs: number;
}

/** The durable step boundaries of a vend; the crash test kills the process at each of them. */
export type SaleStep = 'paid' | 'answered' | 'outcome' | 'printed';

export interface SalesDeps {
  db: Db;
  config: SalesConfig;
  now: () => Date;
  sts: StsVendorPort;
  outbox: OutboxPort;
  printer: PrinterPort;
  /** The print queue every receipt goes through (a print_jobs row before the printer is touched). */
  receipts: PrintQueue;
  log: { info(o: object, msg: string): void; warn(o: object, msg: string): void; error(o: object, msg: string): void };
  /** Sealed vending keys for local STS vending; the plain key never leaves main. */
  keys: VendingKeyStore;
  /**
   * Meter leases (main/leases): on a counter whose head office leases meters, a token is made here
   * only under a live lease, with its decoder key; absent or not enrolled: the vending keys above.
   */
  leases?: LeaseService;
  vending: VendingConfig;
  /** Observes step boundaries (tests only: crash injection); never changes the sale. */
  onStep?: (step: SaleStep, saleId: string) => void;
}
