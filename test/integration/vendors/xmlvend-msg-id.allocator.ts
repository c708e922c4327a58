// Allocates XMLVend msgIDs on a connection of its own to the database file in SHAHN_MSGID_DB
// (or workerData.file), the way the app opens it (db/open.ts). Two uses by
// xmlvend-msg-id.test.ts:
// - as a worker thread: allocates workerData.count messages for keys "<prefix>-<i>" and posts them;
// - as a process: allocates for keys "crash-<i>" without end, printing each msgID only once
//   allocateMsgId has returned (committed), until the test kills it with SIGKILL.
import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../../../db/open';
import { allocateMsgId, type SentMessage } from '../../../main/vendors/xmlvend/msg-id';

const CLIENT = '6001234567899';
const line = (m: SentMessage) => `${m.key} ${m.seq} ${m.msgId.dateTime} ${m.msgId.uniqueNumber}`;

if (parentPort) {
  const { file, count, prefix } = workerData as { file: string; count: number; prefix: string };
  const db = openDb(file);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(line(allocateMsgId(db.write, { clientId: CLIENT, kind: 'creditVend', key: `${prefix}-${i}`, timeZone: 'Africa/Tripoli', now: new Date() })));
  }
  db.close();
  parentPort.postMessage(out);
} else {
  const db = openDb(process.env.SHAHN_MSGID_DB!);
  for (let i = 0; ; i++) {
    const m = allocateMsgId(db.write, { clientId: CLIENT, kind: 'creditVend', key: `crash-${i}`, timeZone: 'Africa/Tripoli', now: new Date() });
    process.stdout.write(`${line(m)}\n`);
  }
}
