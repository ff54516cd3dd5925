/**
 * The cascade rules of SPEC.md that make one change cause another. A timeline entry written by a
 * cascade names its rule, so the agent can read "because the ticket was closed".
 */
export const RULES = {
  /** Rule 2: changing a conversation's owner sets its ticket's owner. */
  ownerFlowsToTicket: 'owner-flows-to-ticket',
  /** Rule 3: moving a ticket into a closed stage closes every linked conversation. */
  closeTicketClosesConversations: 'close-ticket-closes-conversations',
  /** Rule 4: reopening a ticket reopens its conversation when it has exactly one. */
  reopenTicketReopensLoneConversation: 'reopen-ticket-reopens-lone-conversation',
  /** Rule 6: trashing a conversation deletes its ticket. */
  trashConversationDeletesTicket: 'trash-conversation-deletes-ticket',
  /** Rule 6: deleting a ticket deletes its conversations. */
  deleteTicketDeletesConversations: 'delete-ticket-deletes-conversations',
  /** A closed ticket never has an open conversation: reopening one of its conversations reopens
   * the ticket, into its pipeline's reopen stage. */
  reopenConversationReopensTicket: 'reopen-conversation-reopens-ticket',
  /** The same, the other way: a conversation added to a closed ticket closes. */
  closedTicketClosesAddedConversation: 'closed-ticket-closes-added-conversation',
  /** A closed conversation whose customer writes again reopens (a setting can turn it off). */
  customerWroteAgain: 'customer-wrote-again',
} as const;

export type RuleId = (typeof RULES)[keyof typeof RULES];
export const RULE_IDS = Object.values(RULES) as [RuleId, ...RuleId[]];
