// The namespaces of XMLVend 2.1 (NRS 009-6-10) and of the SOAP envelopes around it. Requests are
// written in exactly these; answers are read by local name, whatever their prefixes (servers differ).
export const NS = {
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  base: 'http://www.nrs.eskom.co.za/xmlvend/base/2.1/schema',
  revenue: 'http://www.nrs.eskom.co.za/xmlvend/revenue/2.1/schema',
  meter: 'http://www.nrs.eskom.co.za/xmlvend/meter/2.1/schema',
} as const;

/**
 * True for a namespace an XMLVend answer may use for its own elements: the NRS schemas of any 2.x
 * version, vendors' extension schemas (Conlog's base-ext 2.1.1), or none at all (.NET servers log
 * bodies without one).
 */
export function isXmlVendNamespace(uri: string | null): boolean {
  if (uri === null || uri === '') return true;
  return /^http:\/\/www\.nrs\.eskom\.co\.za\/xmlvend\//.test(uri) || /^http:\/\/www\.[a-z0-9-]+\.co\.za\/xmlvend\//.test(uri);
}
