// Which channels each file of preload/contract/ defines, read by importing the files and looking
// at their exported channel maps. The contract's "one place per namespace" test uses it; a test of
// main's handler files can use the same helpers to hold the handlers to the same rule.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const CONTRACT_DIR = path.resolve(__dirname, '../../../preload/contract');

export interface ChannelDef { input: unknown; output: unknown; role: string }
export type ChannelMap = Record<string, ChannelDef>;

/** One file and the channels its exported maps hold (a channel may sit in several maps of one file). */
export interface FileChannels {
  file: string;
  /** Exported channel maps by export name. */
  maps: Record<string, ChannelMap>;
  /** Every channel of those maps, with its definition. */
  channels: Map<string, ChannelDef>;
}

const isChannelDef = (v: unknown): v is ChannelDef =>
  typeof v === 'object' && v !== null && 'input' in v && 'output' in v && typeof (v as { role?: unknown }).role === 'string';

/** A non-empty object whose every value is { input, output, role }. */
export const isChannelMap = (v: unknown): v is ChannelMap =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.values(v).every(isChannelDef);

/** The namespace of a channel: 'meters' for 'meters.status'. */
export const namespaceOf = (channel: string) => channel.slice(0, channel.indexOf('.'));

/** The channel maps exported by one module. */
export function channelsOf(file: string, mod: Record<string, unknown>): FileChannels {
  const maps: Record<string, ChannelMap> = {};
  const channels = new Map<string, ChannelDef>();
  for (const [name, value] of Object.entries(mod)) {
    if (!isChannelMap(value)) continue;
    maps[name] = value;
    for (const [channel, def] of Object.entries(value)) channels.set(channel, def);
  }
  return { file, maps, channels };
}

/** Every .ts file of preload/contract/, imported, with its channels. */
export async function loadContractFiles(dir = CONTRACT_DIR): Promise<FileChannels[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  return Promise.all(files.map(async (file) => channelsOf(file, (await import(path.join(dir, file))) as Record<string, unknown>)));
}

/** Namespaces whose channels sit in more than one file: namespace -> the files, sorted. Empty when each has one place. */
export function spreadNamespaces(files: { file: string; channels: Iterable<string> | Map<string, unknown> }[]): Record<string, string[]> {
  const where = new Map<string, Set<string>>();
  for (const { file, channels } of files) {
    for (const channel of channels instanceof Map ? channels.keys() : channels) {
      const ns = namespaceOf(channel);
      if (!where.has(ns)) where.set(ns, new Set());
      where.get(ns)!.add(file);
    }
  }
  return Object.fromEntries([...where].filter(([, set]) => set.size > 1).map(([ns, set]) => [ns, [...set].sort()]));
}
