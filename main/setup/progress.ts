// Where the first run stands: needed while no user exists; the step to show is the first one not
// done. Every step's write checks, inside its own transaction, that setup is still open, so no
// request slipped in after the first admin was made can change what setup saved.
import type { ReadDb, WriteDb } from '../../db/open';
import { doneSetupSteps, markSetupStep, userCount } from '../../db/repos/setup';
import { SETUP_STEPS, type SetupStep } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';

export const setupNeeded = (db: ReadDb): boolean => userCount(db) === 0;

export const setupDone = () =>
  err('SETUP_DONE', 'This counter is already set up. Log in, and change settings from the Settings screens.', 'تمت تهيئة نقطة البيع هذه من قبل. سجّل الدخول، وغيّر الإعدادات من شاشات الإعدادات.');

/** Throws SETUP_DONE once any user exists. */
export function assertSetupOpen(db: ReadDb): void {
  if (!setupNeeded(db)) throw setupDone();
}

export function doneSteps(db: ReadDb): SetupStep[] {
  const done = new Set(doneSetupSteps(db));
  return SETUP_STEPS.filter((s) => done.has(s));
}

/** The first step not done yet ('admin' when every other step is). */
export function nextStep(db: ReadDb): SetupStep {
  const done = new Set(doneSteps(db));
  return SETUP_STEPS.find((s) => !done.has(s)) ?? 'admin';
}

/**
 * Runs a step's write in one transaction: setup still open, the write, the step marked done, and
 * an audit row (user_id NULL: nobody can be logged in before the first user exists).
 */
export function runStep<T>(db: WriteDb, step: SetupStep, at: string, details: Record<string, unknown>, write: () => T): { value: T; step: SetupStep; next: SetupStep } {
  return db.transaction(() => {
    assertSetupOpen(db);
    const value = write();
    markSetupStep(db, step, at);
    appendAudit(db, { at, userId: null, action: `setup.${step}`, entity: 'setup', entityId: step, details });
    return { value, step, next: nextStep(db) };
  })();
}
