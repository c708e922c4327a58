// The first run's progress: which setup steps are done, and whether any user exists yet (the one
// fact that ends setup).
import type { ReadDb, WriteDb } from '../open';

export function userCount(db: ReadDb): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

export function doneSetupSteps(db: ReadDb): string[] {
  return (db.prepare('SELECT step FROM setup_steps ORDER BY done_at, step').all() as { step: string }[]).map((r) => r.step);
}

/** Done again keeps the first time it was done. */
export function markSetupStep(db: WriteDb, step: string, at: string): void {
  db.prepare('INSERT INTO setup_steps (step, done_at) VALUES (?, ?) ON CONFLICT(step) DO NOTHING').run(step, at);
}

export function setLatinName(db: WriteDb, userId: number, name: string | null): void {
  db.prepare('UPDATE users SET display_name_latin = ? WHERE id = ?').run(name, userId);
}
