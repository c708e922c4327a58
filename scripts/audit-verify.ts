// npm run audit:verify [-- <data dir or database file>]
// Opens the database read-only (never changes it), verifies the audit log's hash chain and prints
// "OK" with the row count, the time it took and the process's peak memory (the chain is read one
// row at a time, so the peak stays flat however long the log), or names the first broken row
// (id, action, time) and exits 1.
// Exit 2: the database could not be opened. The folder comes from the argument or SHAHN_DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { checkAuditChain } from '../main/audit/verify';
import { defaultDataDir } from '../main/app/data-dir';

function databaseFile(arg: string | undefined): string | null {
  const where = arg ?? (process.env.SHAHN_DATA_DIR || defaultDataDir());
  return fs.existsSync(where) && fs.statSync(where).isDirectory() ? path.join(where, 'shahn.sqlite') : where;
}

export function main(argv: string[]): number {
  const file = databaseFile(argv[0]);
  if (!file) {
    console.error('Usage: npm run audit:verify -- <data folder or shahn.sqlite>   (or set SHAHN_DATA_DIR)');
    console.error('الاستخدام: npm run audit:verify -- <مجلد البيانات أو ملف shahn.sqlite>');
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`No database at ${file}. / لا توجد قاعدة بيانات في ${file}.`);
    return 2;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const t0 = performance.now();
    const r = checkAuditChain(db);
    const took = Math.round(performance.now() - t0);
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024); // kilobytes on every platform Node runs on
    if (r.ok) {
      console.log(`OK: audit log intact, ${r.rows} rows (last hash ${r.lastHash.slice(0, 16)}…), verified in ${took} ms, peak memory ${peakMb} MB`);
      console.log(`سليم: سجل التدقيق غير معدل، ${r.rows} سجل، تم التحقق في ${took} ملّي ثانية، أقصى ذاكرة ${peakMb} ميغابايت`);
      return 0;
    }
    const b = r.broken;
    console.error(`BROKEN: audit row ${b.id} (${b.action}, ${b.at}): ${b.reason}. ${r.rows} rows in the log.`);
    console.error(`تم العبث: سجل التدقيق رقم ${b.id} (${b.action}، ${b.at}) لا يطابق السلسلة.`);
    return 1;
  } finally {
    db.close();
  }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
