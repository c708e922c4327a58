// The one error of reading an XMLVend message: a sentence saying what is wrong with it (not XML,
// not XMLVend, an unknown or incomplete message, a bad amount, bad token digits...).
export class XmlVendReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlVendReadError';
  }
}

export function fail(message: string): never {
  throw new XmlVendReadError(message);
}

/** Options of a read: the server's configured currency, for symbols that are not ISO codes. */
export interface ReadOptions {
  currency?: string;
}
