// Starts every simulator on 127.0.0.1 (random free ports unless told otherwise) with the demo data,
// and gives back their handles plus the environment that points the app's clients at them.
// Used by integration tests, `npm run sim` and `npm run demo`.
import { startAcrelSim, type AcrelSim } from './acrel';
import { DEMO_CREDENTIALS } from './demo-data';
import { startHeadOfficeSim, type HeadOfficeSim } from './head-office';
import { startPrinterSim, type PrinterSim } from './printer';
import { startStsVendorSim, type StsVendorSim } from './sts-vendor';
import { startXmlVendSim, type XmlVendSim } from './xmlvend/server';
import { XMLVEND_DEMO_CREDENTIALS } from './xmlvend/demo';
import type { XmlVendSimOptions } from './xmlvend/options';
import { createSimClock, type SimClock } from './world/clock';

export type { AcrelSim } from './acrel';
export type { HeadOfficeSim } from './head-office';
export type { PrinterSim } from './printer';
export type { StsVendorSim } from './sts-vendor';
export type { XmlVendSim } from './xmlvend/server';
export type { Faults } from './kit/faults';
export type { SimClock } from './world/clock';

export interface SimulatorPorts {
  sts: number;
  acrel: number;
  headOffice: number;
  printer: number;
}

export interface Simulators {
  stsUrl: string;
  acrelUrl: string;
  headOfficeUrl: string;
  printer: PrinterSim;
  sts: StsVendorSim;
  acrel: AcrelSim;
  headOffice: HeadOfficeSim;
  /**
   * The clouds' shared simulated time. Follows the wall clock until a test calls freeze(); then
   * advance(ms) plays consumption, link drift and command completion deterministically.
   */
  clock: SimClock;
  /** With `xmlvend`: the XMLVend 2.1 server the STS vendor speaks to instead of the STS cloud. */
  xmlvend: XmlVendSim | null;
  /** STS_*, ACREL_* and HEAD_OFFICE_* variables that point vendorConfigFromEnv at these simulators. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startSimulators(opts: {
  ports?: Partial<SimulatorPorts>; now?: () => Date; frozen?: boolean; stsTimestampToleranceMs?: number;
  /** Also start the XMLVend simulator and point the STS vendor at it (STS_PROTOCOL=xmlvend). */
  xmlvend?: XmlVendSimOptions | true;
} = {}): Promise<Simulators> {
  const ports = opts.ports ?? {};
  const clock = createSimClock(opts.now, { frozen: opts.frozen });
  const started: { close(): Promise<void> }[] = [];
  const track = async <T extends { close(): Promise<void> }>(p: Promise<T>): Promise<T> => {
    const s = await p;
    started.push(s);
    return s;
  };
  const closeAll = async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  };
  try {
    const c = DEMO_CREDENTIALS;
    const sts = await track(startStsVendorSim({ port: ports.sts, credentials: c.sts, clock, timestampToleranceMs: opts.stsTimestampToleranceMs }));
    const acrel = await track(startAcrelSim({ port: ports.acrel, credentials: c.acrel, clock }));
    const headOffice = await track(startHeadOfficeSim({ port: ports.headOffice, credentials: c.headOffice, now: opts.now }));
    const printer = await track(startPrinterSim({ port: ports.printer }));
    const xmlvend = opts.xmlvend ? await track(startXmlVendSim({ clock, ...(opts.xmlvend === true ? {} : opts.xmlvend) })) : null;
    const env: Record<string, string> = {
      STS_API_BASE_URL: sts.url,
      STS_API_KEY: c.sts.apiKey,
      STS_API_SECRET: c.sts.apiSecret,
      STS_MERCHANT_ID: c.sts.merchantId ?? '',
      ACREL_API_BASE_URL: acrel.url,
      ACREL_API_KEY: c.acrel.apiKey,
      ACREL_API_SECRET: c.acrel.apiSecret,
      ACREL_MERCHANT_ID: c.acrel.merchantId ?? '',
      HEAD_OFFICE_URL: headOffice.url,
      HEAD_OFFICE_KEY: c.headOffice.apiKey,
      HEAD_OFFICE_SECRET: c.headOffice.apiSecret,
      ...(xmlvend ? xmlvendEnv(xmlvend) : {}),
    };
    return { stsUrl: sts.url, acrelUrl: acrel.url, headOfficeUrl: headOffice.url, printer, sts, acrel, headOffice, clock, xmlvend, env, close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

/** The STS vendor as an XMLVend server: address, client ID, operator and its own fields. */
function xmlvendEnv(x: XmlVendSim): Record<string, string> {
  const c = XMLVEND_DEMO_CREDENTIALS;
  return {
    STS_PROTOCOL: 'xmlvend',
    STS_API_BASE_URL: x.url,
    STS_MERCHANT_ID: c.clientEan,
    STS_API_KEY: c.opName,
    STS_API_SECRET: c.password,
    STS_XMLVEND_TERMINAL_ID: 'COUNTER-1',
    STS_XMLVEND_CURRENCY: x.currency,
  };
}
