import type { SetupStep } from '../../../preload/contract';

/** The flow's order, as main's SETUP_STEPS (the renderer takes only types from the contract). */
export const STEPS = ['language', 'counter', 'currency', 'timeZone', 'company', 'vendors', 'printer', 'admin'] as const satisfies readonly SetupStep[];
// Fails to compile when main adds a step this list does not show.
const everyStep: Record<Exclude<SetupStep, (typeof STEPS)[number]>, never> = {};
void everyStep;

export function previousStep(step: SetupStep): SetupStep | null {
  const i = STEPS.indexOf(step);
  return i > 0 ? STEPS[i - 1]! : null;
}
