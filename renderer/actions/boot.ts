import { invoke } from '../transport';
import { useSession } from '../stores/session';
import { useSetup } from '../stores/setup';

/**
 * app.info is public: needed before login for the counter name, currency and default language.
 * setup.status too: a counter with no user yet shows the first-run setup instead of the login.
 */
export async function loadAppInfo(): Promise<void> {
  const [info, setup] = await Promise.all([invoke('app.info', {}), invoke('setup.status', {})]);
  useSetup.getState().setStatus(setup);
  useSession.getState().setInfo(info);
}
