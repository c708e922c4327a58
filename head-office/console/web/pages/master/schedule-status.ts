// Which version of a schedule prices sales now: the one with the latest start that has begun
// (the highest version among equal starts); later starts are upcoming, earlier ones superseded.
import type { MasterSchedule } from '../../../master-wire';

export type VersionStatus = 'current' | 'upcoming' | 'superseded';

export function versionStatuses(versions: readonly MasterSchedule[], now: number): Map<number, VersionStatus> {
  const begun = versions.filter((v) => Date.parse(v.effectiveFrom) <= now)
    .sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom) || b.version - a.version);
  const current = begun[0]?.version;
  return new Map(versions.map((v) => [v.version, v.version === current ? 'current' : Date.parse(v.effectiveFrom) > now ? 'upcoming' : 'superseded']));
}
