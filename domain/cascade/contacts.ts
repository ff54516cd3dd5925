import type { CommandOf } from '../commands';
import { deskError } from '../zod-free/errors';
import type { Snapshot } from '../snapshot';
import { createChangeSet, refuse, type DecideContext, type Decision } from './change-set';

export function decideFollow(cmd: CommandOf<'followContact'>, snap: Snapshot, ctx: DecideContext): Decision {
  const prior = snap.contacts.get(cmd.email);
  if (!prior) return refuse(deskError('not-found', `No contact has the address ${cmd.email}.`));
  const change = createChangeSet(cmd, ctx);
  if (prior.followed === cmd.followed) return change.finish();
  change.putContact({ ...prior, followed: cmd.followed });
  change.record({ contactEmail: prior.email, field: 'followed', from: prior.followed, to: cmd.followed });
  return change.finish();
}
