import { alertContactEmail, findStage, followAlerts, stageLabel, type CommandResult, type CommandType, type Translate } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import { readSettings } from '@/store/settings';
import type { Notifier } from './notifications';

/** After a stored command: a notification for each alert about a followed contact. */
export function createFollowAlerts(db: SidedeskDatabase, notifier: Notifier, t: Translate) {
  return async function alertFollowers(type: CommandType, result: CommandResult): Promise<void> {
    const email = alertContactEmail(result);
    if (!email) return;
    const [contact, settings] = await Promise.all([db.contacts.get(email), readSettings(db)]);
    for (const alert of followAlerts(type, result, contact, settings)) {
      if (alert.kind === 'new-conversation') {
        await notifier.notify(alert.subject, t('alertNewConversation', [alert.contact]), {
          kind: 'conversation',
          id: alert.conversationId,
        });
      } else {
        const ticket = result.ticket!;
        const stage = stageLabel(findStage(settings, ticket.pipelineId, ticket.stageId), t, alert.stage);
        await notifier.notify(`${alert.ticket}: ${stage}`, t('alertStage', [alert.contact]), { kind: 'ticket', id: alert.ticketId });
      }
    }
  };
}
