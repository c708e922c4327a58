// Each channel namespace of the contract is defined in exactly one file of preload/contract/, and
// the index's `contract` is exactly the union of those files' channels (the same definitions, none
// added or lost on the way). So a reader looking for meters.* opens meters.ts and sees all of it.
import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../preload/contract';
import { loadContractFiles, namespaceOf, spreadNamespaces, type FileChannels } from './contract-files';

let files: FileChannels[];
beforeAll(async () => {
  files = await loadContractFiles();
});

describe('the contract: one place per namespace', () => {
  it('finds the namespace files', () => {
    const withChannels = files.filter((f) => f.channels.size > 0).map((f) => f.file);
    expect(withChannels).toEqual(expect.arrayContaining(['auth.ts', 'meters.ts', 'sales.ts', 'tariffs.ts', 'shifts.ts']));
  });

  it('defines every namespace in one file only', () => {
    expect(spreadNamespaces(files)).toEqual({});
  });

  it('the index holds exactly the union of the namespace files, with the same definitions', () => {
    const union = new Map<string, unknown>();
    for (const f of files) for (const [channel, def] of f.channels) union.set(channel, def);
    expect(Object.keys(contract).sort()).toEqual([...union.keys()].sort());
    for (const [channel, def] of Object.entries(contract)) expect(def, channel).toBe(union.get(channel));
  });

  it('the helper reports a namespace split over two files', () => {
    expect(spreadNamespaces([
      { file: 'meters.ts', channels: ['meters.status', 'meters.lookup'] },
      { file: 'tariffs.ts', channels: ['tariffs.list', 'meters.creditInfo'] },
    ])).toEqual({ meters: ['meters.ts', 'tariffs.ts'] });
    expect(namespaceOf('approvals.grant')).toBe('approvals');
  });
});
