import type { CommandKind } from '../../stores/metersCommand';

/** The buttons, in order; amperage only where the meter's cloud can set a limit (STS). */
export const COMMAND_KINDS: { kind: CommandKind; danger: boolean; stsOnly: boolean }[] = [
  { kind: 'disconnect', danger: true, stsOnly: false },
  { kind: 'reconnect', danger: false, stsOnly: false },
  { kind: 'turn_off', danger: true, stsOnly: false },
  { kind: 'turn_on', danger: false, stsOnly: false },
  { kind: 'reduce_amperage', danger: false, stsOnly: true },
  { kind: 'increase_amperage', danger: false, stsOnly: true },
];

export const isDanger = (kind: CommandKind) => COMMAND_KINDS.some((c) => c.kind === kind && c.danger);
export const needsLimit = (kind: CommandKind) => kind === 'reduce_amperage' || kind === 'increase_amperage';
