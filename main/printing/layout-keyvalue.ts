// Label/value lines. English: label at the left, value at the right. Arabic: mirrored — label at
// the right where the eye starts, value at the left. Both: English label left, Arabic label right,
// value between them when it fits, otherwise on the next line. A line that does not fit is broken
// into a label line and value line(s) rather than squeezed or clipped.
import { MARGIN, measureText, needsDrawing, type RasterRow, type RasterText, wrapMeasured } from './arabic-raster';
import type { Row } from './layout';
import { type Metrics, padLine, wrapChars } from './layout-text';
import type { KeyValueBlock, ReceiptLanguage } from './types';

const GAP = 12;

export function keyValueRows(b: KeyValueBlock, lang: ReceiptLanguage, m: Metrics): Row[] {
  const bold = b.bold ?? false;
  if (lang === 'both') return bothRows(b, bold, m);
  const label = b.label[lang];
  const value = typeof b.value === 'string' ? b.value : b.value[lang];
  if (lang === 'en' && !needsDrawing(label) && !needsDrawing(value)) return latinRows(label, value, bold, m);
  const [labelSide, valueSide] = lang === 'ar' ? (['right', 'left'] as const) : (['left', 'right'] as const);
  const avail = m.dots - 2 * MARGIN;
  if (measureText(label, m.px, false) + GAP + measureText(value, m.px, bold) <= avail) {
    return [raster(m, [item(label, labelSide, m, false), item(value, valueSide, m, bold)])];
  }
  return [raster(m, [item(label, labelSide, m, false)]), ...wrapMeasured(value, m.px, bold, avail).map((v) => raster(m, [item(v, valueSide, m, bold)]))];
}

/** Pure printer text: "Meter No.          01234567890", or two lines when it would not fit. */
function latinRows(label: string, value: string, bold: boolean, m: Metrics): Row[] {
  const text = (t: string): Row => ({ kind: 'text', line: { text: t, size: 1, bold } });
  if (label.length + 1 + value.length <= m.cols) return [text(label + ' '.repeat(m.cols - label.length - value.length) + value)];
  return [text(label), ...wrapChars(value, m.cols).map((v) => text(padLine(v, m.cols, 'right')))];
}

function bothRows(b: KeyValueBlock, bold: boolean, m: Metrics): Row[] {
  const avail = m.dots - 2 * MARGIN;
  const en = item(b.label.en, 'left', m, false);
  const ar = item(b.label.ar, 'right', m, false);
  const wEn = measureText(en.text, m.px, false);
  const wAr = measureText(ar.text, m.px, false);
  if (typeof b.value === 'string') {
    // The value is centred on the paper; it fits between the labels when neither half overlaps.
    const wVal = measureText(b.value, m.px, bold);
    const half = avail / 2 - wVal / 2;
    if (wEn + GAP <= half && wAr + GAP <= half) return [raster(m, [en, item(b.value, 'center', m, bold), ar])];
    return [raster(m, [en, ar]), ...wrapMeasured(b.value, m.px, bold, avail).map((v) => raster(m, [item(v, 'center', m, bold)]))];
  }
  // A translated value sits under its own label: English under English, Arabic under Arabic.
  const vEn = item(b.value.en, 'left', m, bold);
  const vAr = item(b.value.ar, 'right', m, bold);
  const rows: Row[] = [raster(m, [en, ar])];
  if (measureText(vEn.text, m.px, bold) + GAP + measureText(vAr.text, m.px, bold) <= avail) rows.push(raster(m, [vEn, vAr]));
  else rows.push(raster(m, [vAr]), raster(m, [vEn]));
  return rows;
}

function item(text: string, align: RasterText['align'], m: Metrics, bold: boolean): RasterText {
  return { text, align, px: m.px, bold };
}

function raster(m: Metrics, items: RasterText[]): Row {
  const row: RasterRow = { kind: 'text', height: m.rowH, items };
  return { kind: 'raster', row };
}
