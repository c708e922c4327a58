// An STS vendor endpoint that is an XMLVend server, as the settings of that server: the address,
// credentials and client ID every vendor has, plus XMLVend's own fields. Checked here once more
// (checkXmlVendSettings), so a client is never built from settings the server would refuse.
import type { VendorEndpointConfig, XmlVendEndpoint } from '../config';
import { checkXmlVendSettings, type XmlVendSettings } from './settings';

export function xmlVendSettingsOf(cfg: VendorEndpointConfig & { xmlvend: XmlVendEndpoint }): XmlVendSettings {
  const x = cfg.xmlvend;
  return checkXmlVendSettings({
    url: cfg.baseUrl,
    soapVersion: x.soapVersion,
    clientId: cfg.merchantId ?? '',
    terminalId: x.terminalId,
    terminalIdKind: x.terminalIdKind,
    opName: cfg.apiKey,
    password: cfg.apiSecret,
    currency: x.currency,
    timeoutMs: cfg.timeoutMs,
    adviceWindowMs: x.adviceWindowMs,
    ...(x.conlogVendingServerId ? { conlogVendingServerId: x.conlogVendingServerId } : {}),
    hexingLogin: x.hexingLogin,
  });
}
