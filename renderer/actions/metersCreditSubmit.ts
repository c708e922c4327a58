// The card's three changes, each confirmed in a dialog naming the meter: payment mode (credit needs
// a limit), a debt adjustment with its reason, purchase limits. Amounts are parsed exactly into
// integer minor units; the answer is the counter's record, then the cloud is asked again.
import type { Bilingual, ChannelInput } from '../../preload/contract';
import { RpcFailure, invoke, toFailure } from '../transport';
import { useSession } from '../stores/session';
import { useMeterCredit, type CreditDialogKind, type CreditDraft } from '../stores/metersCredit';
import { parseMajorToMinor, minorToInput } from '../lib/money';
import { both } from '../i18n';
import { newSaleId } from '../lib/uuid';
import { followNewCommands, knownCommandIds, refreshCredit } from './metersCredit';
import { useMeterCloud } from '../stores/metersCloud';

const decimals = () => useSession.getState().info?.currencyDecimals ?? 2;

/** Whether the meter's cloud was last seen holding a mode other than this one. */
export function cloudModeDiffers(mode: CreditDraft['mode']): boolean {
  const held = useMeterCloud.getState().mode.value?.mode ?? useMeterCredit.getState().info?.cloud?.mode;
  return held !== undefined && held !== mode;
}

/** opts.mode: the mode to start the mode dialog on (default: credit, or the present one when credit). */
export function openCreditDialog(kind: CreditDialogKind, opts: { mode?: CreditDraft['mode'] } = {}): void {
  const s = useMeterCredit.getState();
  if (s.sending || !s.info) return;
  const i = s.info;
  const d = decimals();
  const money = (v: number | null) => (v === null ? '' : minorToInput(v, d));
  s.patch({
    sendError: null,
    draft: {
      kind,
      mode: opts.mode ?? (kind === 'mode' && i.paymentMode !== 'credit' ? 'credit' : i.paymentMode),
      limitText: money(i.creditLimitMinor),
      depositText: i.depositMinor > 0 ? money(i.depositMinor) : '',
      direction: 'add',
      amountText: '',
      reason: '',
      minText: money(i.minPurchaseMinor),
      maxText: money(i.maxPurchaseMinor),
      requestId: newSaleId(),
    },
  });
}

export function editCreditDraft(p: Partial<CreditDraft>): void {
  const { draft } = useMeterCredit.getState();
  // A changed adjustment is a new request; the same one sent again keeps its id.
  const changed = p.amountText !== undefined || p.direction !== undefined || p.reason !== undefined;
  if (draft) useMeterCredit.getState().patch({ draft: { ...draft, ...p, ...(changed ? { requestId: newSaleId() } : {}) }, sendError: null });
}

export function cancelCreditDialog(): void {
  if (useMeterCredit.getState().sending) return;
  useMeterCredit.getState().patch({ draft: null, sendError: null });
}

type Call =
  | { channel: 'meters.setPaymentMode'; input: ChannelInput<'meters.setPaymentMode'> }
  | { channel: 'meters.adjustDebt'; input: ChannelInput<'meters.adjustDebt'> }
  | { channel: 'meters.setLimits'; input: ChannelInput<'meters.setLimits'> };

class Invalid extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

function money(text: string, label: string, opts: { optional?: boolean; allowZero?: boolean } = {}): number | null {
  if (opts.optional && text.trim() === '') return null;
  const r = parseMajorToMinor(text, decimals(), { allowZero: opts.allowZero });
  if (!r.ok) throw new Invalid({ ar: `${both(label).ar}: ${r.message.ar}`, en: `${both(label).en}: ${r.message.en}` });
  return r.minor;
}

/** The draft as a contract call, or an Invalid naming the field that is wrong. */
export function buildCall(d: CreditDraft, meterNumber: string, debtMinor: number, counterMode?: CreditDraft['mode']): Call {
  if (d.kind === 'mode') {
    if (d.mode !== 'credit') {
      // The counter already records this mode: it is sent to the cloud again only when the cloud holds another.
      const syncCloud = d.mode === counterMode && cloudModeDiffers(d.mode);
      return { channel: 'meters.setPaymentMode', input: { meterNumber, mode: d.mode, ...(syncCloud ? { syncCloud } : {}) } };
    }
    const creditLimitMinor = money(d.limitText, 'meters.credit.fields.limit')!;
    const deposit = money(d.depositText, 'meters.credit.fields.deposit', { optional: true, allowZero: true });
    return { channel: 'meters.setPaymentMode', input: { meterNumber, mode: 'credit', creditLimitMinor, ...(deposit === null ? {} : { depositMinor: deposit }) } };
  }
  if (d.kind === 'debt') {
    const amount = money(d.amountText, 'meters.credit.fields.amount')!;
    if (d.direction === 'reduce' && amount > debtMinor) throw new Invalid(both('meters.credit.debt.moreThanOwed'));
    const reason = d.reason.trim();
    if (reason.length < 3 || reason.length > 200) throw new Invalid(both('meters.credit.debt.reasonNeeded'));
    return { channel: 'meters.adjustDebt', input: { meterNumber, deltaMinor: d.direction === 'add' ? amount : -amount, reason, requestId: d.requestId } };
  }
  const min = money(d.minText, 'meters.credit.fields.min', { optional: true });
  const max = money(d.maxText, 'meters.credit.fields.max', { optional: true });
  if (min !== null && max !== null && min > max) throw new Invalid(both('meters.credit.limits.minAboveMax'));
  return { channel: 'meters.setLimits', input: { meterNumber, minPurchaseMinor: min, maxPurchaseMinor: max } };
}

function send(c: Call) {
  switch (c.channel) {
    case 'meters.setPaymentMode':
      return invoke(c.channel, c.input);
    case 'meters.adjustDebt':
      return invoke(c.channel, c.input);
    case 'meters.setLimits':
      return invoke(c.channel, c.input);
  }
}

/** The dialog's confirm button. */
export async function submitCredit(): Promise<void> {
  const s = useMeterCredit.getState();
  if (s.sending || !s.draft || !s.info || !s.meterNumber) return;
  let call: Call;
  try {
    call = buildCall(s.draft, s.meterNumber, s.info.debtMinor, s.info.paymentMode);
  } catch (e) {
    if (e instanceof Invalid) return s.patch({ sendError: { message: e.text, unknown: false } });
    throw e;
  }
  const before = knownCommandIds();
  s.patch({ sending: true, sendError: null });
  try {
    const info = await send(call);
    if (useMeterCredit.getState().meterNumber !== info.meterNumber) return;
    // The answer is the counter's record only: the cloud is asked again below.
    useMeterCredit.getState().patch({ sending: false, draft: null, info: { ...info, cloud: undefined, disagreements: undefined, cloudNote: undefined } });
    await followNewCommands(before);
    void refreshCredit(true);
  } catch (e) {
    const f = toFailure(e);
    // No answer: the change may have been made. Re-read the account before anything is sent again.
    const unknown = (f instanceof RpcFailure && f.transport) || f.code === 'INTERNAL';
    useMeterCredit.getState().patch({ sending: false, sendError: { message: f.error.message, unknown } });
    if (unknown) void refreshCredit();
  }
}
