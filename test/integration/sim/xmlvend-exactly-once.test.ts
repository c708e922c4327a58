// Exactly once over XMLVend: a msgID is performed at most once; lastRespAdviceReq gives back the
// answer of a msgID the server processed (within the advice window), and "no such transaction"
// (LastResponseEx) for one it never did; every injected fault leaves the server's ledger in a state
// the advice reports truthfully. Waits on events, never sleeps.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { child } from '../../../main/vendors/xmlvend/xml';
import { XMLVEND_DEMO_METERS } from '../../sim/xmlvend/demo';
import { startXmlVendSim, type XmlVendSim } from '../../sim/xmlvend/server';
import { createSimClock } from '../../sim/world/clock';
import { call, creditVendReq, lastRespAdviceReq, newMsgId, post, tokensIn, type Answer, type MsgId } from './xmlvend-requests';

const METER = XMLVEND_DEMO_METERS[0]!.number;
const WINDOW_MS = 3_600_000;

describe.each(['hexing', 'conlog'] as const)('%s style', (style) => {
  let sim: XmlVendSim;
  const clock = createSimClock(undefined, { frozen: true });
  beforeAll(async () => {
    sim = await startXmlVendSim({ style, currency: 'LYD', pricePerKwh: '0.050', clock, adviceWindowMs: WINDOW_MS });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.setFaults({}));

  const vendReq = (msgId: MsgId, value = '5.000') => creditVendReq({ msgId, msno: METER, value, symbol: 'LYD', dialect: style });
  const advise = (advice: MsgId) => call(sim.url, lastRespAdviceReq({ msgId: newMsgId(), advice, dialect: style }));
  const vendsOf = (id: MsgId) => sim.ledger.vends().filter((v) => v.header.reqMsgId.uniqueNumber === id.uniqueNumber && v.header.reqMsgId.dateTime === id.dateTime);
  /** The credit token inside an advice answer's lastResponse. */
  const lastToken = (a: Answer) => {
    expect(a.fault).toBeNull();
    const last = child(a.message, 'lastResponse')!;
    return tokensIn(last).find((t) => t.kind === 'credit')!.digits;
  };

  it('the same msgID twice vends once', async () => {
    const id = newMsgId();
    const first = await call(sim.url, vendReq(id));
    const second = await call(sim.url, vendReq(id));
    expect(vendsOf(id)).toHaveLength(1);
    expect(sim.ledger.received(id)).toBe(2);
    if (style === 'hexing') {
      // Hexing answers what it answered the first time, to the byte.
      expect(second.body).toBe(first.body);
      expect(sim.requestLog().at(-1)!.outcome).toBe('replayed');
    } else {
      // Conlog refuses the repeat; the client asks for the first answer with advice.
      expect(second.fault).toBe('DuplicateMsgIDEx');
    }
    // A different amount under the same msgID is not a new sale either.
    await call(sim.url, vendReq(id, '7.000'));
    expect(vendsOf(id)).toHaveLength(1);
  });

  it('advice returns the original answer; a msgID never processed is LastResponseEx', async () => {
    const id = newMsgId();
    const original = await call(sim.url, vendReq(id));
    const token = tokensIn(original.message)[0]!.digits;
    const advice = await advise(id);
    expect(advice.message.localName).toBe('adviceResp');
    const adviceId = child(advice.message, 'adviceReqMsgID')!;
    expect([adviceId.getAttribute('dateTime'), adviceId.getAttribute('uniqueNumber')]).toEqual([id.dateTime, id.uniqueNumber]);
    expect(lastToken(advice)).toBe(token);
    expect(child(child(advice.message, 'lastResponse')!, 'reqMsgID')!.getAttribute('uniqueNumber')).toBe(id.uniqueNumber);
    // Advice never vends.
    expect(vendsOf(id)).toHaveLength(1);

    const never = await advise(newMsgId());
    expect([never.status, never.fault]).toEqual([500, 'LastResponseEx']);
  });

  it('after the advice window the answer is no longer given: LastResponseEx', async () => {
    const id = newMsgId();
    await call(sim.url, vendReq(id));
    clock.advance(WINDOW_MS);
    expect((await advise(id)).fault).toBeNull();
    clock.advance(1);
    expect((await advise(id)).fault).toBe('LastResponseEx');
    // Still never vended twice.
    await call(sim.url, vendReq(id));
    expect(vendsOf(id)).toHaveLength(1);
  });

  it('dropResponseNext: the vend is performed, the answer lost; advice then finds it and the token loads', async () => {
    await sim.setFaults({ dropResponseNext: true });
    const id = newMsgId();
    const sent = await post(sim.url, vendReq(id));
    expect(sent.ok).toBe(false);
    expect(sim.requestLog().at(-1)!.outcome).toBe('dropped');
    expect(vendsOf(id)).toHaveLength(1);
    const token = lastToken(await advise(id));
    expect(token).toBe(vendsOf(id)[0]!.sale.digits);
    expect(sim.meters.enterToken(METER, token)).toMatchObject({ accepted: true, amountTenths: 1000 });
  });

  it('malformedNext: performed, then an answer the client cannot read; advice finds it', async () => {
    await sim.setFaults({ malformedNext: true });
    const id = newMsgId();
    const sent = await post(sim.url, vendReq(id));
    expect(sent.ok).toBe(false);
    if (!sent.ok) expect(sent.status).toBe(200);
    expect(lastToken(await advise(id))).toBe(vendsOf(id)[0]!.sale.digits);
  });

  it('failNext: a SystemEx with that status and nothing performed; advice says no such transaction; the retry vends', async () => {
    await sim.setFaults({ failNext: { status: 500 } });
    const id = newMsgId();
    const failed = await call(sim.url, vendReq(id));
    expect([failed.status, failed.fault]).toEqual([500, 'SystemEx']);
    expect(vendsOf(id)).toHaveLength(0);
    expect((await advise(id)).fault).toBe('LastResponseEx');
    const retry = await call(sim.url, vendReq(id));
    expect(retry.fault).toBeNull();
    expect(vendsOf(id)).toHaveLength(1);
  });

  it('errorRate: the share of requests answered 503 SystemEx without being performed', async () => {
    await sim.setFaults({ errorRate: 1 });
    const id = newMsgId();
    const failed = await call(sim.url, vendReq(id));
    expect([failed.status, failed.fault]).toEqual([503, 'SystemEx']);
    await sim.setFaults({});
    expect(vendsOf(id)).toHaveLength(0);
  });

  it('offline: the connection is refused, nothing happens; back online the same server answers', async () => {
    await sim.setFaults({ offline: true });
    const id = newMsgId();
    const sent = await post(sim.url, vendReq(id));
    expect(sent.ok ? 'answered' : sent.error).toMatch(/ECONNREFUSED/);
    await sim.setFaults({});
    expect(vendsOf(id)).toHaveLength(0);
    expect((await call(sim.url, vendReq(id))).fault).toBeNull();
  });

  it('latency: advice about a msgID still being processed is "ask again", then the answer once it is done', async () => {
    await sim.setFaults({ latencyMs: 400 });
    const id = newMsgId();
    const slow = post(sim.url, vendReq(id));
    await vi.waitFor(() => expect(sim.ledger.inProgress(id)).toBe(true));
    await sim.setFaults({});
    const early = await advise(id);
    expect(early.fault).toBe(style === 'conlog' ? 'IndeterminantLastResponseEx' : 'SystemEx');
    const done = await slow;
    expect(done.ok).toBe(true);
    expect(sim.ledger.inProgress(id)).toBe(false);
    expect(lastToken(await advise(id))).toBe(vendsOf(id)[0]!.sale.digits);
  });
});
