// `npm run -s head-office -- <command>`: administration from a shell until the web console exists.
//   enrolment-code --counter "Counter 7" [--valid-hours 24] [--by "name"]   prints a one-time code, once
//   revoke --counter-key <key>                                              refuses that counter from now on
//   counters                                                                lists the counters
//   report <sales-by-day|z-reports|outstanding|counters> [--from YYYY-MM-DD --to YYYY-MM-DD]
//          [--by counter|cashier|product|period] [--counter ID,..] [--product P,..] [--lang ar|en]
//          [--time-zone ZONE] [--csv]                                       prints a report (JSON, or CSV with --csv)
//   import-master --file data.json [--by "name"]                            loads master data, all or nothing
//   console-user --username NAME --role admin [--display-name "Amal"]       creates a console user, or
//       gives an existing one a new password and that role; the password is read from stdin (never
//       argv, which shell history and `ps` keep)
//   load-key --file PATH [--replace] [--by "name"]                          seals a vending key from a key file (main/keys/key-file.ts)
//   keys                                                                    lists the vending keys (SGC, KRN, KCV; never the key)
//   leases [--meter N]                                                      who holds which meter's offline vending, until when
//   release-lease --meter N [--by "name"]                                   releases an EXPIRED lease (never one still running)
// Only DATABASE_URL is needed (no secret is opened here), but for load-key: HEAD_OFFICE_SEALING_KEY seals the key. A bad argument: one line on stderr, exit 2;
// a failure doing the work: one line, exit 1.
import fs from 'node:fs';
import os from 'node:os';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { adminDatabaseUrlFromEnv, adminSealingKeyFromEnv, HeadOfficeConfigError, reportCurrencyFromEnv, reportTimeZoneFromEnv } from './config';
import { listCounters, revokeCounterByApiKey, type CounterRow } from './db/counters';
import { listLeases, releaseExpiredLease } from './db/leases';
import { listVendingKeys, type VendingKeyRow } from './db/vending-keys';
import { leaseView } from './leases/routes';
import { KeyLoadError, loadVendingKeyFile } from './leases/vending-keys';
import { migrate } from './db/migrate';
import { createEnrolmentCode, DEFAULT_VALID_HOURS, MAX_VALID_HOURS } from './enrolment';
import { applyMasterEdits, MasterDataRefusal } from './master-data/edits';
import { editsOfImport, MasterImportSchema } from './master-data/import-doc';
import { upsertConsoleUser } from './db/console-users';
import { hashPassword } from './console/passwords';
import { readPassword } from './console/read-password';
import { ConsoleRoleSchema, DisplayNameSchema, PasswordSchema, UsernameSchema } from './console/wire';
import { PASSWORD_MAX, PASSWORD_MIN } from './console/password-rules';
import { countersJson, outstandingJson, reportCsv, salesByDayJson, zoneKnownToDatabase, zReportsJson, type ReportContext } from './reports/run';
import { OutstandingQuerySchema, REPORT_KINDS, SalesByDayQuerySchema, ZReportsQuerySchema, type ReportKind } from './reports/wire';

export const ADMIN_COMMANDS = ['enrolment-code', 'revoke', 'counters', 'console-user', 'import-master', 'load-key', 'keys', 'leases', 'release-lease', 'report'] as const;
type Command = (typeof ADMIN_COMMANDS)[number];

class UsageError extends Error {}

const USAGE = 'usage: head-office enrolment-code --counter NAME [--valid-hours N] [--by WHO] | revoke --counter-key KEY | counters' +
  ' | console-user --username NAME --role viewer|operator|admin [--display-name NAME] (password on stdin)' +
  ' | import-master --file data.json [--by WHO]' +
  ' | load-key --file PATH [--replace] [--by WHO] | keys | leases [--meter N] | release-lease --meter N [--by WHO]' +
  ` | report <${REPORT_KINDS.join('|')}> [--from YYYY-MM-DD --to YYYY-MM-DD] [--by counter|cashier|product|period] [--counter ID,..] [--product P,..] [--lang ar|en] [--time-zone ZONE] [--csv]`;

type ReportQuery =
  | { kind: 'sales-by-day'; q: ReturnType<typeof SalesByDayQuerySchema.parse> }
  | { kind: 'z-reports'; q: ReturnType<typeof ZReportsQuerySchema.parse> }
  | { kind: 'outstanding' | 'counters'; q: ReturnType<typeof OutstandingQuerySchema.parse> };

interface Parsed {
  command: Command;
  counter?: string;
  validHours?: number;
  by?: string;
  counterKey?: string;
  file?: string;
  replace?: boolean;
  meter?: string;
  username?: string;
  role?: 'viewer' | 'operator' | 'admin';
  displayName?: string;
  report?: ReportQuery;
}

// The report's options by the name of the query parameter they fill (the HTTP API's own schema checks both).
const REPORT_OPTIONS: Record<string, string> = { from: 'from', to: 'to', by: 'by', counter: 'counter', product: 'product', lang: 'lang', 'time-zone': 'timeZone' };
const OPTION_OF = Object.fromEntries(Object.entries(REPORT_OPTIONS).map(([o, q]) => [q, o]));

function parseReport(kindArg: string | undefined, values: Record<string, string | boolean | undefined>): ReportQuery {
  if (!REPORT_KINDS.includes(kindArg as ReportKind)) {
    throw new UsageError(kindArg ? `unknown report "${kindArg}" (${REPORT_KINDS.join(', ')}); ${USAGE}` : `report needs one of ${REPORT_KINDS.join(', ')}; ${USAGE}`);
  }
  const kind = kindArg as ReportKind;
  const input: Record<string, unknown> = { format: values.csv ? 'csv' : 'json' };
  for (const [opt, key] of Object.entries(REPORT_OPTIONS)) if (typeof values[opt] === 'string') input[key] = values[opt];
  const schema = kind === 'sales-by-day' ? SalesByDayQuerySchema : kind === 'z-reports' ? ZReportsQuerySchema : OutstandingQuerySchema;
  const p = schema.safeParse(input);
  if (!p.success) {
    const bad = p.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys : [String(i.path[0])])).flat()
      .map((k) => `--${OPTION_OF[k] ?? k}`);
    throw new UsageError(`${[...new Set(bad)].join(', ')} ${bad.length > 1 ? 'are' : 'is'} missing or invalid for report ${kind}; ${USAGE}`);
  }
  return { kind, q: p.data } as ReportQuery;
}

export function parseAdminArgs(argv: string[]): Parsed {
  let values: Record<string, string | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        counter: { type: 'string' },
        'valid-hours': { type: 'string' },
        by: { type: 'string' },
        'counter-key': { type: 'string' },
        file: { type: 'string' },
        replace: { type: 'boolean' },
        meter: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        product: { type: 'string' },
        lang: { type: 'string' },
        'time-zone': { type: 'string' },
        csv: { type: 'boolean' },
        username: { type: 'string' },
        role: { type: 'string' },
        'display-name': { type: 'string' },
      },
    }) as { values: Record<string, string | undefined>; positionals: string[] });
  } catch (err) {
    // parseArgs says which option, e.g. "Unknown option '--x'"; only its first line.
    throw new UsageError(`${(err as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  const [command, ...rest] = positionals;
  if (!ADMIN_COMMANDS.includes(command as Command)) throw new UsageError(command ? `unknown command "${command}"; ${USAGE}` : USAGE);
  // A report names its kind: report sales-by-day ...
  const extra = command === 'report' ? rest.slice(1) : rest;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"; ${USAGE}`);
  const allowed: Record<Command, string[]> = {
    'enrolment-code': ['counter', 'valid-hours', 'by'], revoke: ['counter-key'], counters: [],
    'console-user': ['username', 'role', 'display-name'], 'import-master': ['file', 'by'],
    'load-key': ['file', 'replace', 'by'], keys: [], leases: ['meter'], 'release-lease': ['meter', 'by'],
    report: ['from', 'to', 'by', 'counter', 'product', 'lang', 'time-zone', 'csv'],
  };
  const stray = Object.keys(values).find((k) => values[k] !== undefined && !allowed[command as Command].includes(k));
  if (stray) throw new UsageError(`--${stray} does not apply to ${command}; ${USAGE}`);

  if (command === 'enrolment-code') {
    const counter = values.counter?.trim();
    if (!counter) throw new UsageError('enrolment-code needs --counter "NAME" (the name the counter will have at the head office)');
    if (counter.length > 64) throw new UsageError('--counter must be at most 64 characters');
    const hours = values['valid-hours'] ?? String(DEFAULT_VALID_HOURS);
    if (!/^\d{1,3}$/.test(hours) || Number(hours) < 1 || Number(hours) > MAX_VALID_HOURS) {
      throw new UsageError(`--valid-hours must be a whole number of hours from 1 to ${MAX_VALID_HOURS}`);
    }
    const by = values.by?.trim() || `shell:${os.userInfo().username}`;
    if (by.length > 128) throw new UsageError('--by must be at most 128 characters');
    return { command, counter, validHours: Number(hours), by };
  }
  const byOf = () => {
    const by = values.by?.trim() || `shell:${os.userInfo().username}`;
    if (by.length > 100) throw new UsageError('--by must be at most 100 characters');
    return by;
  };
  const meterOf = (required: boolean) => {
    const m = values.meter?.trim();
    if (m === undefined || m === '') {
      if (required) throw new UsageError(`${command} needs --meter NUMBER`);
      return undefined;
    }
    if (!/^[0-9A-Za-z-]{1,32}$/.test(m)) throw new UsageError('--meter must be a meter number (up to 32 letters and digits)');
    return m;
  };
  if (command === 'load-key') {
    const file = values.file?.trim();
    if (!file) throw new UsageError('load-key needs --file PATH (a key file: SGC, KRN, KEY_TYPE, BASE_DATE, EA, DKGA, VENDING_KEY, optional KCV and EXPIRES)');
    return { command, file, replace: (values.replace as unknown as boolean | undefined) === true, by: byOf() };
  }
  if (command === 'leases') return { command, meter: meterOf(false) };
  if (command === 'release-lease') return { command, meter: meterOf(true), by: byOf() };
  if (command === 'revoke') {
    const key = values['counter-key']?.trim();
    if (!key || !/^[A-Za-z0-9._-]{8,128}$/.test(key)) throw new UsageError('revoke needs --counter-key KEY (as listed by the counters command)');
    return { command, counterKey: key };
  }
  if (command === 'import-master') {
    const file = values.file?.trim();
    if (!file) throw new UsageError('import-master needs --file data.json (its shape: head-office/README.md, "Master data")');
    if (!/\.json$/i.test(file)) throw new UsageError('--file must be a .json file (the shape in head-office/README.md, "Master data")');
    const by = values.by?.trim() || `shell:${os.userInfo().username}`;
    if (by.length > 64) throw new UsageError('--by must be at most 64 characters');
    return { command, file, by };
  }
  if (command === 'console-user') {
    const username = UsernameSchema.safeParse(values.username ?? '');
    if (!username.success) throw new UsageError('console-user needs --username NAME (3 to 64 letters, digits, dots, dashes or underscores)');
    const role = ConsoleRoleSchema.safeParse(values.role);
    if (!role.success) throw new UsageError('console-user needs --role viewer, operator or admin');
    const displayName = DisplayNameSchema.safeParse(values['display-name'] ?? username.data);
    if (!displayName.success) throw new UsageError('--display-name must be 1 to 128 characters');
    return { command, username: username.data, role: role.data, displayName: displayName.data };
  }
  if (command === 'report') return { command, report: parseReport(rest[0], values) };
  return { command: command as Command };
}

/** The import file, read and checked before any database is touched; a UsageError names what is wrong. */
function readImport(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read ${file} as JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  const p = MasterImportSchema.safeParse(json);
  if (!p.success) {
    const issues = p.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new UsageError(`${file} is not a master-data import: ${issues.join('; ')}`);
  }
  return p.data;
}

/** Prints one report: CSV streamed to `out`, or its JSON. */
async function printReport(pool: pg.Pool, r: ReportQuery, out: NodeJS.WritableStream, errOut: NodeJS.WritableStream): Promise<number> {
  const ctx: ReportContext = { pool, timeZone: reportTimeZoneFromEnv(process.env), now: () => new Date(), money: reportCurrencyFromEnv(process.env) };
  const zone = r.q.timeZone ?? ctx.timeZone;
  if (!(await zoneKnownToDatabase(pool, zone))) {
    errOut.write(`the database does not know the time zone ${zone}\n`);
    return 2;
  }
  if (r.q.format === 'csv') {
    // The output stays open: it may be the process's stdout.
    await pipeline(reportCsv(ctx, r).body, out, { end: false });
    return 0;
  }
  const answer = r.kind === 'sales-by-day' ? await salesByDayJson(ctx, r.q) : r.kind === 'z-reports' ? await zReportsJson(ctx, r.q)
    : r.kind === 'outstanding' ? await outstandingJson(ctx, r.q) : await countersJson(ctx, r.q);
  out.write(`${JSON.stringify(answer, null, 2)}\n`);
  return 0;
}

const when = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').slice(0, 19) + 'Z' : '-');

function table(rows: CounterRow[]): string {
  const head = ['NAME', 'KEY', 'ENROLLED', 'LAST SEEN', 'VERSION', 'PENDING', 'UNKNOWN', 'REVOKED'];
  const body = rows.map((c) => [
    c.name, c.apiKey, c.enrolledAt ? when(c.enrolledAt) : `- (registered ${when(c.createdAt)})`, when(c.lastSeenAt), c.appVersion ?? '-',
    c.pendingSales === null ? '-' : String(c.pendingSales), c.unknownSales === null ? '-' : String(c.unknownSales), when(c.revokedAt),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  return [head, ...body].map((r) => r.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

function keyTable(rows: VendingKeyRow[]): string {
  const head = ['SGC', 'KRN', 'KEY TYPE', 'BASE DATE', 'EA', 'DKGA', 'EXPIRES', 'KCV', 'LOADED BY', 'LOADED', 'RETIRED'];
  const body = rows.map((k) => [k.sgc, String(k.krn), String(k.keyType), String(k.baseDate), k.ea, k.dkga, k.expiresOn ?? '-', k.kcv, k.loadedBy, when(k.loadedAt), when(k.retiredAt)]);
  return columns(head, body);
}

function columns(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  return [head, ...body].map((r) => r.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** Runs one command; the exit code. */
export async function runAdmin(
  argv: string[], out: NodeJS.WritableStream = process.stdout, errOut: NodeJS.WritableStream = process.stderr,
  input: NodeJS.ReadStream | NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  let args: Parsed;
  let databaseUrl: string;
  let doc: ReturnType<typeof readImport> | undefined;
  let password: string | null = null;
  try {
    args = parseAdminArgs(argv);
    if (args.command === 'import-master') doc = readImport(args.file!);
    databaseUrl = adminDatabaseUrlFromEnv(process.env);
    if (args.command === 'report') {
      reportTimeZoneFromEnv(process.env);
      reportCurrencyFromEnv(process.env);
    }
    if (args.command === 'console-user') {
      password = await readPassword(input, errOut, `Password for ${args.username} (${PASSWORD_MIN} to ${PASSWORD_MAX} characters, not shown): `);
      if (!PasswordSchema.safeParse(password).success) throw new UsageError(`the password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters (read from stdin)`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      errOut.write(`${err.message}\n`);
      return 2;
    }
    if (err instanceof HeadOfficeConfigError) {
      errOut.write(`${err.issues.join('; ')}\n`);
      return 2;
    }
    throw err;
  }
  let sealingKey: Buffer | null = null;
  let keyText = '';
  try {
    if (args.command === 'load-key') {
      sealingKey = adminSealingKeyFromEnv(process.env);
      try {
        keyText = fs.readFileSync(args.file!, 'utf8');
      } catch (err) {
        errOut.write(`cannot read the key file ${args.file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}\n`);
        return 2;
      }
    }
  } catch (err) {
    if (err instanceof HeadOfficeConfigError) {
      errOut.write(`${err.issues.join('; ')}\n`);
      return 2;
    }
    throw err;
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    // The same schema the service runs on: a fresh database gets it, a newer one is refused.
    await migrate(pool);
    if (args.command === 'enrolment-code') {
      const issued = await createEnrolmentCode(pool, { counterName: args.counter!, createdBy: args.by!, validHours: args.validHours });
      out.write(
        `Enrolment code for "${issued.counterName}" (one use, valid until ${when(issued.expiresAt)}):\n\n  ${issued.code}\n\n` +
          'Type it at the counter: Settings > Vendors > Head office > Enrol with a code. It is not shown again.\n',
      );
      return 0;
    }
    if (args.command === 'revoke') {
      const c = await revokeCounterByApiKey(pool, args.counterKey!);
      if (!c) {
        errOut.write(`no counter has the key ${args.counterKey}\n`);
        return 1;
      }
      out.write(`Revoked "${c.name}" (${c.apiKey}) at ${when(c.revokedAt)}: its requests are refused from now on.\n`);
      return 0;
    }
    if (args.command === 'import-master') {
      const rows = await applyMasterEdits(pool, editsOfImport(doc!), args.by!);
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r.entity, (counts.get(r.entity) ?? 0) + 1);
      out.write(`Imported ${rows.length} master-data records (${[...counts].map(([e, n]) => `${n} ${e}`).join(', ') || 'none'}); counters receive the changes on their next pull.\n`);
      return 0;
    }
    if (args.command === 'report') return await printReport(pool, args.report!, out, errOut);
    if (args.command === 'console-user') {
      const { user, created } = await upsertConsoleUser(pool, { username: args.username!, displayName: args.displayName!, role: args.role!, password: await hashPassword(password!) }, new Date());
      out.write(created
        ? `Console user "${user.username}" created with the role ${user.role}. Sign in at /console/ on the head office.\n`
        : `Console user "${user.username}" now has a new password and the role ${user.role}, and is active; their sessions were ended.\n`);
      return 0;
    }
    if (args.command === 'load-key') {
      try {
        const r = await loadVendingKeyFile(pool, sealingKey!, keyText, { by: args.by!, replace: args.replace === true, now: new Date(), timeZone: reportTimeZoneFromEnv(process.env) });
        out.write(`Loaded the vending key for SGC ${r.row.sgc} KRN ${r.row.krn}: KCV ${r.row.kcv} (compare it with the key certificate).` +
          (r.replaced ? ` It replaces the key with KCV ${r.replaced.kcv}, now retired.` : '') + '\n');
        return 0;
      } catch (err) {
        if (!(err instanceof KeyLoadError)) throw err;
        errOut.write(`${err.en}\n`);
        return 1;
      } finally {
        keyText = '';
      }
    }
    if (args.command === 'keys') {
      const keys = await listVendingKeys(pool);
      out.write(keys.length === 0 ? 'No vending keys loaded.\n' : `${keyTable(keys)}\n`);
      return 0;
    }
    if (args.command === 'leases') {
      const t = Date.now();
      const rows = (await listLeases(pool, { meter: args.meter, limit: 1000 })).map((l) => leaseView(l, t));
      out.write(rows.length === 0 ? 'No leases.\n' : `${columns(['METER', 'COUNTER', 'STATE', 'GRANTED', 'RENEWED', 'EXPIRES', 'RELEASED', 'BY'],
        rows.map((l) => [l.meter, l.counterName, l.state, when(new Date(l.grantedAt)), when(new Date(l.renewedAt)), when(new Date(l.expiresAt)),
          l.releasedAt ? when(new Date(l.releasedAt)) : '-', l.releasedBy ?? '-']))}\n`);
      return 0;
    }
    if (args.command === 'release-lease') {
      const r = await releaseExpiredLease(pool, args.meter!, new Date(), `operator:${args.by!}`);
      if (!r.lease) {
        errOut.write(`meter ${args.meter} has never been leased\n`);
        return 1;
      }
      if (r.released) {
        out.write(`Released meter ${args.meter}'s lease (held by "${r.lease.counterName}", expired ${when(r.lease.expiresAt)}).\n`);
        return 0;
      }
      if (r.lease.releasedAt !== null) {
        out.write(`Meter ${args.meter}'s lease was already released (${when(r.lease.releasedAt)}, by ${r.lease.releasedBy}).\n`);
        return 0;
      }
      errOut.write(`"${r.lease.counterName}" holds meter ${args.meter} until ${when(r.lease.expiresAt)}: it may be offline and selling with it, so the lease cannot be released before then.\n`);
      return 1;
    }
    const rows = await listCounters(pool);
    out.write(rows.length === 0 ? 'No counters yet.\n' : `${table(rows)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof MasterDataRefusal) {
      errOut.write(`head-office import-master refused, nothing was imported: ${err.en}\n`);
      return 1;
    }
    errOut.write(`head-office ${args.command} failed: ${(err as Error).message.split('\n')[0]}\n`);
    return 1;
  } finally {
    await pool.end();
  }
}
