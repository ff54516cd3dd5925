/** Why a command was refused. Every code is something the UI can explain to the agent. */
export type DeskErrorCode =
  | 'invalid' // the command does not parse
  | 'not-found' // a record it names does not exist
  | 'conflict' // it was made on a stale revision
  | 'already-linked' // rule 1: the conversation already has a ticket
  | 'unknown-stage'
  | 'unknown-owner'
  | 'restore-collision' // a record of the trashed group exists again, linked elsewhere
  | 'forbidden' // the sender may not send it
  | 'internal';

export interface DeskError {
  code: DeskErrorCode;
  message: string;
}

export function deskError(code: DeskErrorCode, message: string): DeskError {
  return { code, message };
}

/** A DeskError thrown across an async boundary (a Dexie transaction, the message router). */
export class DeskFailure extends Error {
  constructor(readonly error: DeskError) {
    super(error.message);
    this.name = 'DeskFailure';
  }
}
