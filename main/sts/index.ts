/**
 * STS (IEC 62055-41) token engine: pure functions, no I/O.
 * Keys are natural-order hex strings; tokens are 20-digit strings; amounts are integer tenths.
 */
export { StsError, type StsErrorCode } from './errors';
export { type BaseDate, tidFromDate, dateFromTid, nextTid, TID_MAX } from './tid';
export { luhnDigit, isValidMeterNumber, meterPan } from './meter-number';
export { type KeyParams, deriveDecoderKey } from './dkga';
export { encodeAmount, decodeAmount, AMOUNT_MAX } from './amount';
export type { Ea } from './cipher';
export {
  type CreditTokenInput,
  creditToken,
  MGMT,
  managementToken,
  maxPowerLimitToken,
  clearCreditToken,
  setTariffRateToken,
  clearTamperToken,
  maxPhaseUnbalanceToken,
  waterMeterFactorToken,
  type KeyChangeInput,
  keyChangeTokens,
  type TestTokenInput,
  testToken,
} from './token-classes';
export { type DecodedToken, decodeToken } from './decode';
export { formatToken } from './transpose';
export { handleBatchLine } from './batch';
