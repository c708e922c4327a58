// Reads an ESC/POS (Epson) or Star line-mode byte stream back into operations, so tests can assert
// on what a printer would do — which text at which size, which images, where it cuts — instead of
// comparing opaque bytes. Anything it does not understand becomes an 'unknown' op so a test can
// insist there is none.
import type { Bitmap } from '../../main/printing';

export type Op =
  | { op: 'init' }
  | { op: 'text'; text: string; width: number; height: number; bold: boolean }
  | { op: 'feed'; lines: number }
  | { op: 'raster'; format: 'gsv0' | 'star-band'; image: Bitmap }
  | { op: 'cut'; partial: boolean }
  | { op: 'drawer'; pin?: number }
  | { op: 'setting'; name: string; value: number }
  | { op: 'unknown'; at: number; byte: number };

export function decodeEscPos(buf: Buffer, profile: 'epson' | 'star' = 'epson'): Op[] {
  const ops: Op[] = [];
  const st = { width: 1, height: 1, bold: false };
  let text = '';
  const flushText = (): void => {
    if (text) ops.push({ op: 'text', text, ...st });
    text = '';
  };
  const reset = (): void => {
    Object.assign(st, { width: 1, height: 1, bold: false });
  };
  let i = 0;
  const need = (n: number): void => {
    if (i + n > buf.length) throw new Error(`truncated command at byte ${i}`);
  };
  while (i < buf.length) {
    const b = buf[i]!;
    if (b >= 0x20 && b < 0x7f) {
      text += String.fromCharCode(b);
      i++;
      continue;
    }
    flushText();
    const n1 = buf[i + 1];
    const n2 = buf[i + 2];
    if (b === 0x0a) { ops.push({ op: 'feed', lines: 1 }); i += 1; }
    else if (b === 0x0b && profile === 'star') { ops.push({ op: 'feed', lines: 1 }); i += 1; }
    else if (b === 0x07 && profile === 'star') { ops.push({ op: 'drawer' }); i += 1; }
    else if (b === 0x1b && n1 === 0x40) { ops.push({ op: 'init' }); reset(); i += 2; }
    else if (b === 0x1b && n1 === 0x45 && profile === 'epson') { need(3); st.bold = (n2! & 1) === 1; i += 3; }
    else if (b === 0x1b && n1 === 0x45) { st.bold = true; i += 2; }
    else if (b === 0x1b && n1 === 0x46 && profile === 'star') { st.bold = false; i += 2; }
    else if (b === 0x1b && n1 === 0x21 && profile === 'epson') {
      need(3);
      Object.assign(st, { bold: (n2! & 0x08) !== 0, height: n2! & 0x10 ? 2 : 1, width: n2! & 0x20 ? 2 : 1 });
      i += 3;
    }
    else if (b === 0x1d && n1 === 0x21) { need(3); Object.assign(st, { width: (n2! >> 4) + 1, height: (n2! & 0x0f) + 1 }); i += 3; }
    else if (b === 0x1b && n1 === 0x69 && profile === 'star') { need(4); Object.assign(st, { height: n2! + 1, width: buf[i + 3]! + 1 }); i += 4; }
    else if (b === 0x1b && n1 === 0x64 && profile === 'epson') { need(3); ops.push({ op: 'feed', lines: n2! }); i += 3; }
    else if (b === 0x1b && n1 === 0x64) { need(3); ops.push({ op: 'cut', partial: n2! % 2 === 1 }); i += 3; }
    else if (b === 0x1d && n1 === 0x56) {
      need(3);
      ops.push({ op: 'cut', partial: n2 === 1 || n2 === 49 || n2 === 66 });
      i += n2 === 65 || n2 === 66 ? 4 : 3;
    }
    else if (b === 0x1b && n1 === 0x70) { need(5); ops.push({ op: 'drawer', pin: n2 === 1 || n2 === 49 ? 5 : 2 }); i += 5; }
    else if (b === 0x1b && n1 === 0x07 && profile === 'star') { need(4); ops.push({ op: 'setting', name: 'drawer-pulse', value: n2! }); i += 4; }
    else if (b === 0x1d && n1 === 0x76 && n2 === 0x30) {
      need(8);
      const bytesPerRow = buf[i + 4]! | (buf[i + 5]! << 8);
      const height = buf[i + 6]! | (buf[i + 7]! << 8);
      need(8 + bytesPerRow * height);
      const data = new Uint8Array(buf.subarray(i + 8, i + 8 + bytesPerRow * height));
      ops.push({ op: 'raster', format: 'gsv0', image: { width: bytesPerRow * 8, height, bytesPerRow, data } });
      i += 8 + bytesPerRow * height;
    }
    else if (b === 0x1b && n1 === 0x6b && profile === 'star') {
      // As node-thermal-printer writes it: n1 = bytes per row, then 24 rows of n1 bytes.
      need(4);
      const bytesPerRow = n2!;
      need(4 + bytesPerRow * 24);
      const data = new Uint8Array(buf.subarray(i + 4, i + 4 + bytesPerRow * 24));
      ops.push({ op: 'raster', format: 'star-band', image: { width: bytesPerRow * 8, height: 24, bytesPerRow, data } });
      i += 4 + bytesPerRow * 24;
    }
    else if (b === 0x1b && (n1 === 0x61 || n1 === 0x74 || n1 === 0x33 || n1 === 0x4d || n1 === 0x7a)) { need(3); ops.push({ op: 'setting', name: `ESC ${String.fromCharCode(n1)}`, value: n2! }); i += 3; }
    else if (b === 0x1b && (n1 === 0x30 || n1 === 0x32)) { ops.push({ op: 'setting', name: `ESC ${String.fromCharCode(n1)}`, value: 0 }); i += 2; }
    else if (b === 0x1b && n1 === 0x1d && (n2 === 0x61 || n2 === 0x74)) { need(4); ops.push({ op: 'setting', name: `ESC GS ${String.fromCharCode(n2)}`, value: buf[i + 3]! }); i += 4; }
    else { ops.push({ op: 'unknown', at: i, byte: b }); i += 1; }
  }
  flushText();
  return ops;
}

/** The text as printed lines (a line ends at each feed), with leading/trailing spaces trimmed. */
export function textLines(ops: Op[]): Array<{ text: string; width: number; height: number; bold: boolean }> {
  const lines: Array<{ text: string; width: number; height: number; bold: boolean }> = [];
  let cur: { text: string; width: number; height: number; bold: boolean } | null = null;
  for (const o of ops) {
    if (o.op === 'text') {
      cur ??= { text: '', width: o.width, height: o.height, bold: o.bold };
      cur.text += o.text;
    } else if (o.op === 'feed' && cur) {
      lines.push({ ...cur, text: cur.text.trim() });
      cur = null;
    }
  }
  if (cur) lines.push({ ...cur, text: cur.text.trim() });
  return lines;
}

export function rasters(ops: Op[]): Bitmap[] {
  return ops.flatMap((o) => (o.op === 'raster' ? [o.image] : []));
}
