// The XMLVend use cases beyond a credit vend, as a counter uses them: the customer behind a meter
// (confirm customer), a meter's earlier tokens (reprint), an account payment, and the engineering
// tokens a utility's server issues (clear credit, clear tamper, power limit). A change — a payment
// or an engineering token — is keyed like a sale: one msgID per key, and asking again about the
// same key fetches that message's answer by last-response advice, never a second token or payment.
import type { WriteDb } from '../../../db/open';
import { ok, refused, unknown, type VendorOutcome } from '../outcome';
import type { CustomerResult, ParsedMessage, Token, Transaction } from './model';
import { allocateMsgId, sentMessage, type MsgId, type XmlVendMessageKind } from './msg-id';
import type { XmlVendSettings } from './settings';
import type { XmlVendTransport } from './transport';
import {
  buildClearCreditReq, buildClearTamperReq, buildConfirmCustomerReq, buildLastRespAdviceReq, buildPayAccReq, buildPwrLmtReq, buildReprintReq,
} from './write';

export interface UtilityOpsDeps {
  db: WriteDb;
  now: () => Date;
  timeZone: () => string;
}

export type EngineeringAction = 'clear_credit' | 'clear_tamper' | 'set_power_limit';

export interface XmlVendUtilityOps {
  /** The server's customer(s) for a meter: name, address, account, meter details, vend limits. */
  confirmCustomer(i: { meterNumber: string }): Promise<VendorOutcome<CustomerResult[]>>;
  /** The meter's earlier vends as the server keeps them: each one's receipt number and tokens. */
  reprint(i: { meterNumber: string }): Promise<VendorOutcome<{ receiptNo: string | null; tokens: Token[] }[]>>;
  /** Pays a postpaid or credit account at the server; keyed: asked again, the first payment's receipt. */
  payAccount(i: { idempotencyKey: string; amountMinor: number; account: { accountNo: string } | { meterNumber: string } }): Promise<VendorOutcome<{ receiptNo: string | null; transactions: Transaction[] }>>;
  /** An engineering token from the server; keyed: asked again, the first token. */
  engineeringToken(i: { idempotencyKey: string; meterNumber: string; action: EngineeringAction; powerLimitW?: number }): Promise<VendorOutcome<{ token: string; receiptNo: string | null }>>;
}

const KIND: Record<EngineeringAction, XmlVendMessageKind> = { clear_credit: 'clearCredit', clear_tamper: 'clearTamper', set_power_limit: 'pwrLmt' };

export function xmlVendUtilityOps(s: XmlVendSettings, transport: XmlVendTransport, deps: UtilityOpsDeps): XmlVendUtilityOps {
  const msgId = (kind: XmlVendMessageKind, key: string | null) =>
    allocateMsgId(deps.db, { clientId: s.clientId, kind, key, timeZone: deps.timeZone(), now: deps.now() }).msgId;

  /** The answer to a keyed change: sent once; asked again, fetched by advice under its msgID. */
  async function keyed(kind: XmlVendMessageKind, key: string, build: (id: MsgId) => string): Promise<VendorOutcome<ParsedMessage>> {
    const before = sentMessage(deps.db, kind, key);
    if (before) {
      const o = await transport.send({ body: buildLastRespAdviceReq(s, msgId('advice', null), { adviceReqMsgId: before.msgId }), operation: 'advice', retry: 'unsent' });
      if (o.kind === 'refused' && o.code === 'LastResponseEx') {
        // The first never reached the server's logic: nothing was done, so it is sent now.
        return transport.send({ body: build(before.msgId), operation: kind, key, retry: 'unsent' });
      }
      if (o.kind !== 'ok') return o;
      const last = o.value.lastResponse;
      if (!last) return unknown('malformed response: an advice answer without the last response');
      return last.fault ? refused(last.fault.type, { en: last.fault.description, ar: last.fault.description }) : ok(last);
    }
    return transport.send({ body: build(msgId(kind, key)), operation: kind, key, retry: 'unsent' });
  }

  return {
    async confirmCustomer({ meterNumber }) {
      const o = await transport.send({ body: buildConfirmCustomerReq(s, msgId('confirmCustomer', null), { meterNumber }), operation: 'confirmCustomer', retry: 'unsent' });
      return o.kind === 'ok' ? ok(o.value.customers) : o;
    },
    async reprint({ meterNumber }) {
      const o = await transport.send({ body: buildReprintReq(s, msgId('reprint', null), { meterNumber }), operation: 'reprint', retry: 'unsent' });
      return o.kind === 'ok' ? ok(o.value.reprints.map((r) => ({ receiptNo: r.receiptNo, tokens: r.tokens }))) : o;
    },
    async payAccount({ idempotencyKey, amountMinor, account }) {
      const o = await keyed('payAcc', idempotencyKey, (id) => buildPayAccReq(s, id, {
        amountMinor, payType: { kind: 'cash', tenderedMinor: amountMinor },
        account: 'accountNo' in account ? { kind: 'account', accountNo: account.accountNo } : { kind: 'account', meterNumber: account.meterNumber },
      }));
      return o.kind === 'ok' ? ok({ receiptNo: o.value.receiptNo, transactions: o.value.transactions }) : o;
    },
    async engineeringToken({ idempotencyKey, meterNumber, action, powerLimitW }) {
      const o = await keyed(KIND[action], idempotencyKey, (id) =>
        action === 'clear_credit' ? buildClearCreditReq(s, id, { meterNumber })
          : action === 'clear_tamper' ? buildClearTamperReq(s, id, { meterNumber })
            : buildPwrLmtReq(s, id, { meterNumber, powerLimitW: powerLimitW ?? 0 }));
      if (o.kind !== 'ok') return o;
      const t = o.value.tokens.find((x) => x.kind === 'engineering');
      return t ? ok({ token: t.digits, receiptNo: o.value.receiptNo }) : unknown('malformed response: no engineering token in the answer');
    },
  };
}
