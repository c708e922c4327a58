import { invoke } from '../transport';
import { useSession } from '../stores/session';

/** app.info is public: needed before login for the counter name, currency and default language. */
export async function loadAppInfo(): Promise<void> {
  const info = await invoke('app.info', {});
  useSession.getState().setInfo(info);
}
