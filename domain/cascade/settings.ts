import type { CommandOf } from '../commands';
import { Settings, settingsRev } from '../settings';
import { applySettingsChange } from '../settings-change';
import type { Snapshot } from '../snapshot';
import { deskError } from '../zod-free/errors';
import { createChangeSet, refuse, type DecideContext, type Decision } from './change-set';

/** Which member is "me" in this browser: a member who has not left, or null for its accounts. */
export function decideSetMe(cmd: CommandOf<'setMe'>, snap: Snapshot, ctx: DecideContext): Decision {
  const member = cmd.memberId === null ? null : snap.settings.team.find((m) => m.id === cmd.memberId);
  if (member === undefined) return refuse(deskError('unknown-owner', `No team member has the id ${cmd.memberId}.`));
  if (member && member.active === false) return refuse(deskError('unknown-owner', `${member.name || member.email} has left the team.`));
  const change = createChangeSet(cmd, ctx);
  change.writes.putMe = cmd.memberId;
  change.record({ field: 'settings.setMe', from: null, to: member ? `${member.name} <${member.email}>` : null });
  return change.finish();
}

/**
 * A settings change, like any other command: made on the revision the page showed (an older copy
 * is a conflict, never a silent overwrite), checked, stored with the next revision, and recorded
 * on the settings timeline (who changed what, when).
 */
export function decideChangeSettings(cmd: CommandOf<'changeSettings'>, snap: Snapshot, ctx: DecideContext): Decision {
  const current = settingsRev(snap.settings);
  if (cmd.rev !== current) {
    return refuse(deskError('conflict', `The settings changed since they were shown (revision ${current}, not ${cmd.rev}).`));
  }
  const applied = applySettingsChange(snap.settings, cmd.change, { newId: ctx.newId, ticketsInStage: snap.ticketsInStage });
  if (!applied.ok) return refuse(applied.error);
  const change = createChangeSet(cmd, ctx);
  // Asked for what already is: nothing to store or tell.
  if (JSON.stringify(applied.settings) === JSON.stringify(snap.settings)) return change.finish();
  const next = Settings.safeParse({ ...applied.settings, rev: current + 1 });
  if (!next.success) return refuse(deskError('invalid', next.error.issues[0]?.message ?? 'These settings would not be valid.'));
  change.writes.putSettings = next.data;
  change.record({ field: `settings.${cmd.change.kind}`, from: applied.from, to: applied.to });
  return change.finish();
}
