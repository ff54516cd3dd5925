import { DEFAULT_SETTINGS, Settings } from '@/domain';
import type { SidedeskDatabase } from './database';

/** The stored settings, or the defaults when none are stored or they no longer parse. */
export async function readSettings(db: SidedeskDatabase): Promise<Settings> {
  const stored = await db.settings.get('settings');
  const parsed = Settings.safeParse(stored?.value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
