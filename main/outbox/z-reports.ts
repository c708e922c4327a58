// The outbox topic that takes each closed shift's Z report to the head office: the exact JSON the
// counter hashed at close, and its hash. A repeat is harmless (the head office keeps one per Z
// number and counts repeats); a different report under the same number is refused for good and
// lands in the dead letters for a supervisor — it means this counter's history was altered.
import { zReportRow } from '../../db/repos/shifts';
import type { Db } from '../../db/open';
import type { VendorOutcome } from '../vendors/outcome';
import type { PushZReportRequest, PushZReportResult } from '../vendors/head-office/wire';
import type { Delivery, TopicHandler } from './worker';

export const Z_REPORT_TOPIC = 'headoffice.zreport';

export function zReportHandler(db: Db, push: (z: PushZReportRequest) => Promise<VendorOutcome<PushZReportResult>>): TopicHandler {
  return {
    batch: 1,
    async deliver(rows) {
      const out = new Map<number, Delivery>();
      for (const r of rows) {
        const { zNo } = JSON.parse(r.payload_json) as { zNo: number };
        const z = zReportRow(db.read, zNo);
        if (!z) {
          out.set(r.id, { kind: 'refused', code: 'NO_SUCH_Z_REPORT', message: { en: `Z report No. ${zNo} is not in this counter's database.`, ar: `تقرير Z رقم ${zNo} غير موجود في قاعدة بيانات هذا المركز.` } });
          continue;
        }
        out.set(r.id, await push({ reportJson: z.report_json, hash: z.hash }));
      }
      return out;
    },
  };
}
