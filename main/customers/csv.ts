// A small RFC 4180 CSV reader: quoted fields ("" inside quotes), commas, CRLF or LF, a UTF-8 BOM,
// line breaks inside quotes. Each record carries the line it starts on (the header is line 1), so
// an import's report can point at the right line.

export interface CsvRecord { line: number; fields: string[] }
export class CsvError extends Error {
  constructor(readonly line: number, message: string) { super(message); }
}

export function parseCsv(text: string): CsvRecord[] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) out.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { fields.push(field); field = ''; i++; continue; }
    if (c === '\r' && s[i + 1] === '\n') i++;
    if (c === '\n' || c === '\r') { endRecord(); line++; start = line; i++; continue; }
    field += c;
    i++;
  }
  if (quoted) throw new CsvError(start, 'a quoted field is not closed');
  if (field !== '' || fields.length) endRecord();
  return out;
}
