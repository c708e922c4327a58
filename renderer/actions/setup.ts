// The first run's calls: read where setup stands, save a step and move to the next, make the
// first admin (then the login screen, with their username filled in).
import type { Channel, ChannelInput, SetupStep } from '../../preload/contract';
import { invoke } from '../transport';
import { useSetup } from '../stores/setup';
import { useSession } from '../stores/session';

export async function loadSetupStatus(): Promise<void> {
  useSetup.getState().setStatus(await invoke('setup.status', {}));
}

type StepChannel = 'setup.saveLanguage' | 'setup.saveCounter' | 'setup.saveCurrency' | 'setup.saveTimeZone' | 'setup.saveCompany' | 'setup.finishVendors' | 'setup.savePrinter';

/** Saves a step; the counter's settings may have changed, so app.info and the status are read again. */
export async function saveStep<C extends StepChannel & Channel>(channel: C, input: ChannelInput<C>): Promise<void> {
  const { next } = (await invoke(channel, input)) as { next: SetupStep };
  const [info, status] = await Promise.all([invoke('app.info', {}), invoke('setup.status', {})]);
  useSession.getState().setInfo(info);
  useSetup.getState().setStatus(status);
  useSetup.getState().go(next);
}

export async function createFirstAdmin(input: ChannelInput<'setup.createAdmin'>): Promise<void> {
  const made = await invoke('setup.createAdmin', input);
  useSession.getState().setInfo(await invoke('app.info', {}));
  useSetup.getState().finished(made.username);
}
