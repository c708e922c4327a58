// The pull loop: at start-up, every `intervalMs`, and when a supervisor presses "Sync now", page
// through the head office's changes after the cursor until none are left, applying each page with
// the cursor in ONE write transaction. A record this counter refuses is set aside with its reason
// (apply.ts) and the pull goes on; the held records are shown on the status, logged, and tried again
// at the start of every pull. A page that cannot be applied at all (the head office unreachable,
// its amounts in other money than this counter's, a crash) stops the pull there: the cursor stays,
// the error is kept on the status in both languages and logged, and the next pull tries again.
import type { Db } from '../../db/open';
import { heldRecords, masterSyncState, setMasterCursor, setMasterPulled, setMasterSyncError, type SyncError } from '../../db/repos/master-data';
import type { MasterDataStatus } from '../../preload/contract';
import type { Logger } from '../common/logger';
import { appendAudit } from '../audit/append';
import type { HeadOfficeClient } from '../vendors/head-office/client';
import { MALFORMED_RESPONSE } from '../vendors/outcome';
import { MAX_MASTER_PAGE, type MasterDataPage } from '../vendors/head-office/master-data-wire';
import { applyMasterPage, retryHeld, type ApplyOptions, type HeldBack } from './apply';

export interface MasterDataSyncDeps {
  db: Db;
  client: () => HeadOfficeClient | null;
  owner: () => 'counter' | 'head-office';
  now: () => Date;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  intervalMs: number;
  /** The money this counter sells in (its setup's currency and decimals): the page's must be the same. */
  money: () => { currency: string; currencyDecimals: number };
  pageSize?: number;
  /** Users deactivated, demoted or given a new PIN: their sessions end. */
  endSessions: (userIds: number[]) => void;
  apply?: ApplyOptions;
}

export interface MasterDataSync {
  start(): void;
  stop(): Promise<void>;
  /** Pulls now (joining a pull under way, then pulling again so nothing written meanwhile is missed); the status after. */
  syncNow(): Promise<MasterDataStatus>;
  status(): MasterDataStatus;
}

export function createMasterDataSync(d: MasterDataSyncDeps): MasterDataSync {
  const pageSize = Math.min(d.pageSize ?? MAX_MASTER_PAGE, MAX_MASTER_PAGE);
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const status = (): MasterDataStatus => {
    const s = masterSyncState(d.db.read);
    return {
      owner: d.owner(), cursor: s.cursor, lastPullAt: s.lastPullAt, lastSuccessAt: s.lastSuccessAt,
      error: s.error && { entity: s.error.entity, key: s.error.key, message: s.error.message }, running: running !== null,
      heldBack: heldRecords(d.db.read).map((h) => ({ entity: h.entity, key: h.key, version: h.version, message: h.reason, heldAt: h.heldAt })),
    };
  };

  const logHeld = (held: HeldBack[]) => {
    for (const h of held) d.log.warn({ entity: h.entity, key: h.key, version: h.version, reason: h.reason.en }, 'master data record held back');
  };

  /** Why this counter must not apply the page's amounts (null: they are in its own money). */
  const otherMoney = (page: Pick<MasterDataPage, 'currency' | 'currencyDecimals'>): Omit<SyncError, 'at'> | null => {
    const mine = d.money();
    if (page.currency === mine.currency && page.currencyDecimals === mine.currencyDecimals) return null;
    return { entity: 'head-office', key: `currency ${page.currency}/${page.currencyDecimals}`, version: masterSyncState(d.db.read).cursor, message: {
      en: `The head office sells in ${page.currency} with ${page.currencyDecimals} decimals; this counter is set to ${mine.currency} with ${mine.currencyDecimals}. Nothing was applied: its prices and limits would be wrong here. Set the counter's currency to match (Setup), or ask the head office.`,
      ar: `المكتب الرئيسي يبيع بعملة ${page.currency} بعدد ${page.currencyDecimals} من الخانات العشرية؛ ونقطة البيع هذه مضبوطة على ${mine.currency} بعدد ${mine.currencyDecimals}. لم يُطبَّق شيء: ستكون الأسعار والحدود خاطئة هنا. اضبط عملة نقطة البيع لتطابقه (الإعداد)، أو راجع المكتب الرئيسي.`,
    } };
  };

  /** The records set aside before: tried again, each in its own savepoint. */
  const retry = () => {
    if (heldRecords(d.db.read).length === 0) return;
    const at = d.now().toISOString();
    let r;
    try {
      r = d.db.write.transaction(() => retryHeld(d.db.write, at))();
    } catch (e) {
      // Held records stay as they were; the pages still come.
      d.log.error({ err: (e as Error).message }, 'master data held records could not be tried again');
      return;
    }
    if (r.endSessionsOf.length) d.endSessions(r.endSessionsOf);
    if (r.applied) d.log.info({ applied: r.applied }, 'master data held records applied');
    logHeld(r.held);
  };

  const fail = (e: Omit<SyncError, 'at'>) => {
    const at = d.now().toISOString();
    setMasterSyncError(d.db.write, { ...e, at }, at);
    d.log.warn({ entity: e.entity, key: e.key, version: e.version, reason: e.message.en }, 'master data pull stopped');
  };

  async function pullAll(): Promise<void> {
    const client = d.client();
    if (!client || d.owner() !== 'head-office') return;
    let pages = 0;
    for (;;) {
      const cursor = masterSyncState(d.db.read).cursor;
      const o = await client.pullMasterData(cursor, pageSize);
      if (o.kind !== 'ok') {
        const message = o.kind === 'refused' ? o.message : o.reason.startsWith(MALFORMED_RESPONSE) ? {
          // Most likely a head office older than this counter: its pages do not say their money.
          en: 'The head office answered with a page this counter cannot read (an older head office does not say the currency of its amounts); nothing was applied. Update the head office.',
          ar: 'أجاب المكتب الرئيسي بصفحة لا تقرؤها نقطة البيع هذه (المكتب الرئيسي الأقدم لا يذكر عملة مبالغه)؛ لم يُطبَّق شيء. حدّث المكتب الرئيسي.',
        } : {
          en: 'The head office could not be reached; this counter keeps its data and tries again shortly.',
          ar: 'تعذّر الوصول إلى المكتب الرئيسي؛ تحتفظ نقطة البيع ببياناتها وتعيد المحاولة قريباً.',
        };
        return fail({ entity: 'head-office', key: o.kind === 'refused' ? o.code : o.reason.slice(0, 120), version: cursor, message });
      }
      const page = o.value;
      const money = otherMoney(page);
      if (money) return fail(money);
      // Only once the money is known to be this counter's: a held record may carry amounts too.
      if (pages === 0) retry();
      if (page.changes.some((c) => c.version <= cursor) || page.cursor < cursor) {
        return fail({ entity: 'head-office', key: `cursor ${cursor}`, version: cursor, message: {
          en: `The head office answered with changes this counter already has (before ${cursor}); nothing was applied.`,
          ar: `أرسل المكتب الرئيسي تغييرات موجودة في نقطة البيع (قبل ${cursor})؛ لم يُطبَّق شيء.`,
        } });
      }
      if (page.changes.length === 0) {
        setMasterPulled(d.db.write, d.now().toISOString());
        return;
      }
      const at = d.now().toISOString();
      let ended: number[] = [];
      let held: HeldBack[] = [];
      try {
        d.db.write.transaction(() => {
          ({ endSessionsOf: ended, held } = applyMasterPage(d.db.write, page.changes, at, d.apply));
          setMasterCursor(d.db.write, page.cursor, at);
          // What changed here and why, in the counter's own audit chain: the head office's page, by entity.
          const counts: Record<string, number> = {};
          for (const c of page.changes) counts[c.entity] = (counts[c.entity] ?? 0) + 1;
          appendAudit(d.db.write, { at, userId: null, action: 'master_data.pull', entity: 'master_data', entityId: String(page.cursor),
            details: { from: cursor, to: page.cursor, counts, deleted: page.changes.filter((c) => c.data === null).length,
              held: held.map((h) => ({ entity: h.entity, key: h.key, version: h.version, reason: h.reason.en })) } });
        })();
      } catch (e) {
        d.log.error({ err: (e as Error).message, cursor }, 'master data page failed');
        return fail({ entity: 'counter', key: `page after ${cursor}`, version: cursor, message: {
          en: 'This counter could not apply the head office\'s changes; nothing of them was applied. It tries again shortly; if this stays, call support.',
          ar: 'تعذّر على نقطة البيع تطبيق تغييرات المكتب الرئيسي؛ لم يُطبَّق منها شيء. ستعيد المحاولة قريباً؛ وإن استمر ذلك فاتصل بالدعم.',
        } });
      }
      if (ended.length) d.endSessions(ended);
      logHeld(held);
      pages++;
      d.log.info({ applied: page.changes.length, cursor: page.cursor, pages }, 'master data applied');
      if (!page.more || stopped) return;
    }
  }

  const run = (): Promise<void> => {
    if (!running) {
      running = pullAll().catch((e: unknown) => d.log.error({ err: (e as Error).message }, 'master data pull failed')).finally(() => { running = null; });
    }
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void run().finally(schedule), d.intervalMs);
    timer.unref?.();
  };

  return {
    start() {
      stopped = false;
      void run().finally(schedule);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    async syncNow() {
      // A pull under way may have read its page before the change the supervisor is waiting for.
      if (running) await running;
      await run();
      return status();
    },
    status,
  };
}
