import type { ErrorCode, RpcError } from '../../preload/contract';

/** Thrown by invoke(): carries the contract's bilingual RpcError. */
export class RpcFailure extends Error {
  readonly error: RpcError;
  /** True when the request may not have reached main (network/IPC failure): the outcome is unknown. */
  readonly transport: boolean;

  constructor(error: RpcError, transport = false) {
    super(`${error.code}: ${error.message.en}`);
    this.name = 'RpcFailure';
    this.error = error;
    this.transport = transport;
  }

  get code(): ErrorCode {
    return this.error.code;
  }
}

export function unreachable(): RpcFailure {
  return new RpcFailure(
    {
      code: 'INTERNAL',
      message: {
        ar: 'تعذّر الوصول إلى خدمة شحن. تأكد من أن البرنامج يعمل ثم أعد المحاولة.',
        en: 'Cannot reach the Shahn service. Check that it is running, then try again.',
      },
    },
    true,
  );
}

export function badResponse(status: number): RpcFailure {
  return new RpcFailure(
    {
      code: 'INTERNAL',
      message: {
        ar: `ردّ غير متوقع من خدمة شحن (HTTP ${status}).`,
        en: `Unexpected response from the Shahn service (HTTP ${status}).`,
      },
    },
    status >= 500 || status === 0,
  );
}

/** Turns anything thrown into an RpcFailure so screens only handle one shape. */
export function toFailure(e: unknown): RpcFailure {
  if (e instanceof RpcFailure) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new RpcFailure({
    code: 'INTERNAL',
    message: { ar: `خطأ غير متوقع: ${detail}`, en: `Unexpected error: ${detail}` },
  });
}

export function isRpcError(v: unknown): v is RpcError {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { code?: unknown; message?: { ar?: unknown; en?: unknown } };
  return typeof o.code === 'string' && typeof o.message?.ar === 'string' && typeof o.message.en === 'string';
}
