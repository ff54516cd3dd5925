import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useT, type Translate } from '@/components/common/i18n';
import {
  DeskFailure,
  settingsRev,
  type CommandResult,
  type DeskError,
  type Owner,
  type SettingsChangeInput,
  type TimelineEntry,
} from '@/domain';
import type { Client } from '@/messaging/client';
import type { RequestName, RequestOf, ResponseOf } from '@/messaging/protocol';
import { usePageCommands } from '@/pages/commands';
import type { SidedeskDatabase } from '@/store/database';
import { latestSettingsChange, type OptionsModel } from './model';

/** One settings timeline entry in words: what changed, from what to what. */
export function describeChange(entry: Pick<TimelineEntry, 'field' | 'from' | 'to'>, t: Translate): string {
  const label = t(`settings_${entry.field.slice('settings.'.length)}`);
  const show = (v: TimelineEntry['from']) => (v === null || v === '' ? '—' : String(v));
  return `${label}: ${show(entry.from)} → ${show(entry.to)}`;
}

/** Who made a change, by their name on the team. */
export function whoIs(actor: string, team: readonly Owner[]): string {
  return team.find((m) => m.id === actor)?.name || actor;
}

/**
 * The options page's settings changes. Each goes through the desk on the revision the page shows;
 * they go one at a time, each waiting until the page shows what the one before stored, so two
 * quick clicks never refuse each other as a conflict. A change refused because the settings
 * changed meanwhile says who changed what.
 */
export function useSettingsChanges(call: Client, db: SidedeskDatabase, model: OptionsModel | undefined) {
  const t = useT();
  const refusal = useRef<DeskError | null>(null);
  // The page's client, noting why the desk refused the last command (the shared commands say it
  // in one sentence; a conflict deserves the name of who changed the settings meanwhile).
  const tracked = useMemo(() => {
    async function send<N extends RequestName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
      refusal.current = null;
      try {
        return await call(name, data);
      } catch (error) {
        refusal.current = error instanceof DeskFailure ? error.error : null;
        throw error;
      }
    }
    return send as Client;
  }, [call]);
  const { commands, toast, toaster } = usePageCommands(tracked, model && { actor: model.actor, settings: model.settings });

  const shown = model ? settingsRev(model.settings) : -1;
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const modelRef = useRef(model);
  modelRef.current = model;
  // When the page began to show this revision: an entry recorded later is a change it has not shown.
  const shownAt = useRef(Date.now());
  const waiting = useRef(new Set<() => void>());
  useEffect(() => void (shownAt.current = Date.now()), [shown]);
  useEffect(() => {
    for (const check of [...waiting.current]) check();
  }, [shown, model?.me]);
  /** Resolves once the page shows what was stored (or after a while, should it never). */
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      const finish = () => (waiting.current.delete(check), clearTimeout(timer), resolve());
      const check = () => ready() && finish();
      const timer = setTimeout(finish, 3000);
      waiting.current.add(check);
      check();
    });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work);
    queue.current = next.catch(() => undefined);
    return next;
  };

  async function explainConflict(since: number) {
    const latest = await latestSettingsChange(db);
    const team = modelRef.current?.settings.team ?? [];
    // Not on the timeline (an account that joined the team by itself): the shared message stands.
    if (!latest || latest.at <= since) return;
    toaster.error(t('optConflict', [whoIs(latest.actor, team), describeChange(latest, t)]));
  }

  return {
    toast,
    toaster,
    /** Runs a command that is not a settings change (a bulk move sends its own). */
    commands,
    /**
     * One settings change; `said` is what the toast says once it is stored. Resolves with
     * whether it was stored (a refusal is said in the toast).
     */
    change(change: SettingsChangeInput, said: string): Promise<boolean> {
      return inTurn(async () => {
        const before = shownRef.current;
        const since = shownAt.current;
        const result: CommandResult | null = await commands.run({ type: 'changeSettings', rev: before, change });
        if (!result) {
          if (refusal.current?.code === 'conflict') await explainConflict(since);
          return false;
        }
        if (result.changed) await until(() => shownRef.current > before);
        toaster.info(said);
        return true;
      });
    },
    /** Marks which member is "me" in this browser (null: none, its accounts are). */
    setMe(memberId: string | null, said: string): Promise<boolean> {
      return inTurn(async () => {
        const result = await commands.run({ type: 'setMe', memberId });
        if (!result) return false;
        await until(() => (modelRef.current?.me ?? null) === memberId);
        toaster.info(said);
        return true;
      });
    },
  };
}
