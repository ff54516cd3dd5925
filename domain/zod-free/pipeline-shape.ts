/**
 * A stage and a pipeline as plain types. The zod schemas in `settings.ts` are checked against
 * them, so the chip (zod-free) and the desk (schema-checked) can never disagree on the shape.
 */
export interface PlainStage {
  id: string;
  label: string;
  /** A closed stage ends the work: moving a ticket into one closes its conversations. */
  state: 'open' | 'closed';
}

export interface PlainPipeline {
  id: string;
  label: string;
  stages: PlainStage[];
  /** Where a closed ticket goes when its customer writes again or a conversation reopens; an
   * open stage of this pipeline (unset: its "waiting on us" stage, else its first open one). */
  reopenStageId?: string | undefined;
}
