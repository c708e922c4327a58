// Shared by the print-job, settings and preview integration tests.
import net from 'node:net';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Bitmap } from '../../../main/printing';
import { fromRgba, slice, stack } from '../../../main/printing/bitmap';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import type { Harness } from '../../helpers/harness';

export const stsMeter = DEMO_STS_METERS[0]!.number;

export const sellSts = async (h: Harness, amountMinor = 1000) =>
  h.call('sales.sell', await h.confirmed({ meterNumber: stsMeter, amountMinor, tenderedMinor: amountMinor, paymentMethod: 'cash' }));

export interface JobRow { id: number; sale_id: string; copy: number; status: string; attempts: number; error_code: string | null; replaced_by: number | null }

export const jobsOf = (h: Harness, saleId: string) =>
  h.app.db.read.prepare('SELECT id, sale_id, copy, status, attempts, error_code, replaced_by FROM print_jobs WHERE sale_id = ? ORDER BY id').all(saleId) as JobRow[];

/** The receipts.preview PNG back to dots, and the raster regions in it stacked (what GS v 0 must carry). */
export async function previewRasters(h: Harness, id: string, copy: boolean): Promise<Bitmap> {
  const p = await h.call('receipts.preview', { id, copy });
  const img = await loadImage(Buffer.from(p.png, 'base64'));
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  const full = fromRgba(ctx.getImageData(0, 0, img.width, img.height).data, img.width, img.height, 128);
  return stack(p.rasters.map((r) => slice(full, r.top, r.height)));
}

/**
 * A raw-port printer whose paper sensor we control: it answers DLE EOT 4 with "paper end" while
 * paperOut is set. Each connection's bytes are kept (the test sim in test/sim is not ours to change).
 */
export async function startPaperPrinter(): Promise<{ port: number; paperOut: boolean; received: Buffer[]; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const state = {
    port: 0,
    paperOut: true,
    received: [] as Buffer[],
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = net.createServer((sock) => {
    sockets.add(sock);
    const chunks: Buffer[] = [];
    sock.on('data', (c: Buffer) => {
      chunks.push(c);
      // 0x12 = fixed bits only (paper present); 0x72 adds bits 5-6, "roll paper end".
      if (c.includes(Buffer.from([0x10, 0x04, 0x04]))) sock.write(Buffer.from([state.paperOut ? 0x72 : 0x12]));
    });
    sock.on('error', () => undefined);
    sock.on('close', () => {
      sockets.delete(sock);
      if (chunks.length > 0) state.received.push(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.port = (server.address() as net.AddressInfo).port;
  return state;
}
