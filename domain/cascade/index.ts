import type { Command } from '../commands';
import type { Snapshot } from '../snapshot';
import type { DecideContext, Decision } from './change-set';
import { decideFollow } from './contacts';
import { decideChangeSettings, decideSetMe } from './settings';
import { decideConversationState, decideSetConversationOwner } from './conversations';
import { decideObserve } from './observe';
import { decideAddConversation, decideCreateTicket, decideSetStage, decideSetTicketOwner, decideUpdateTicket } from './tickets';
import { decideDeleteTicket, decidePurge, decideRestore, decideTrashConversation } from './trash';

export type { DecideContext, Decision, Writes } from './change-set';
export { noWrites } from './change-set';

/**
 * The cascade: from a command and the records it touches, the writes and timeline entries that
 * carry it out with every rule of SPEC.md applied, or the reason it is refused. Pure: the same
 * inputs always give the same decision, and nothing is read or written here.
 */
export function decide(command: Command, snapshot: Snapshot, ctx: DecideContext): Decision {
  switch (command.type) {
    case 'observe':
      return decideObserve(command, snapshot, ctx);
    case 'createTicket':
      return decideCreateTicket(command, snapshot, ctx);
    case 'addConversationToTicket':
      return decideAddConversation(command, snapshot, ctx);
    case 'updateTicket':
      return decideUpdateTicket(command, snapshot, ctx);
    case 'setTicketStage':
      return decideSetStage(command, snapshot, ctx);
    case 'setTicketOwner':
      return decideSetTicketOwner(command, snapshot, ctx);
    case 'setConversationOwner':
      return decideSetConversationOwner(command, snapshot, ctx);
    case 'closeConversation':
    case 'reopenConversation':
      return decideConversationState(command, snapshot, ctx);
    case 'trashConversation':
      return decideTrashConversation(command, snapshot, ctx);
    case 'deleteTicket':
      return decideDeleteTicket(command, snapshot, ctx);
    case 'restoreTrash':
      return decideRestore(command, snapshot, ctx);
    case 'purgeTrash':
      return decidePurge(command, snapshot, ctx);
    case 'followContact':
      return decideFollow(command, snapshot, ctx);
    case 'changeSettings':
      return decideChangeSettings(command, snapshot, ctx);
    case 'setMe':
      return decideSetMe(command, snapshot, ctx);
  }
}
