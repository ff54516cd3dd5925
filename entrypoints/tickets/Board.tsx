import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { Toast } from '@/components/common/toast';
import { Board as BoardView } from '@/components/tickets/board';
import { pipelineLabel, SYSTEM_ACTOR } from '@/domain';
import type { Client } from '@/messaging/client';
import { usePageCommands } from '@/pages/commands';
import { useLiveQuery } from '@/pages/live-query';
import type { SidedeskDatabase } from '@/store/database';
import { BOARD_PAGE, loadBoard } from './board-model';
import { FILTERS, type TicketsView } from './view';
import '@/components/tickets/board.css';

export interface BoardPageProps {
  db: SidedeskDatabase;
  call: Client;
  view: TicketsView;
  onView: (patch: Partial<TicketsView>) => void;
}

/**
 * The tickets page as a board: the view's pipeline, a column per stage (the search and the filters
 * apply), each loading more as it is scrolled; a card moved to another column is a stage change
 * through the desk, its cascade said in the toast with Undo where undoing is exact.
 */
export function Board({ db, call, view, onView }: BoardPageProps) {
  const t = useT();
  // How many cards each column shows, by stage; a new search or filter starts again at one page.
  const viewKey = JSON.stringify([view.q, ...FILTERS.map((k) => view[k])]);
  const [paging, setPaging] = useState<{ key: string; shown: Record<string, number> }>({ key: viewKey, shown: {} });
  const shown = paging.key === viewKey ? paging.shown : {};
  const data = useLiveQuery(() => loadBoard(db, view, shown), [db, viewKey, JSON.stringify(shown)]);
  const cards = data?.columns.flatMap((c) => c.tickets.map((x) => x.id));
  // The agent is this browser's mailbox account, as on the other pages.
  const { commands, toast, toaster } = usePageCommands(call, data && { actor: data.me[0] ?? SYSTEM_ACTOR, settings: data.settings }, cards);

  const more = (stageId: string) => {
    const column = data?.columns.find((c) => c.stage.id === stageId);
    const asked = shown[stageId] ?? BOARD_PAGE;
    // Once per page: not while the last one is still being read, nor past the column's end.
    if (!column || column.tickets.length < asked || !column.more) return;
    setPaging({ key: viewKey, shown: { ...shown, [stageId]: asked + BOARD_PAGE } });
  };

  if (data === undefined) return <p aria-busy="true">{t('loading')}</p>;
  const { settings, pipeline } = data;
  return (
    <div class="board-page">
      {settings.pipelines.length > 1 && (
        <label class="board-page__pipeline">
          {t('boardPipeline')}
          <select
            name="pipeline"
            value={pipeline.id}
            onChange={(e) => {
              const id = e.currentTarget.value;
              // A stage of another pipeline would leave the board empty: it goes with the change.
              onView({ pipeline: id, ...(view.stage.includes(':') && !view.stage.startsWith(`${id}:`) ? { stage: '' } : {}) });
            }}
          >
            {settings.pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {pipelineLabel(p, t)}
              </option>
            ))}
          </select>
        </label>
      )}
      {data.truncated && (
        <p class="hint" role="status">
          {t('searchTruncated')}
        </p>
      )}
      {data.columns.length === 0 ? (
        <p class="empty" role="status">
          {t('boardNoColumns')}
        </p>
      ) : (
        <BoardView
          columns={data.columns}
          settings={settings}
          conversations={data.conversations}
          contactNames={data.contactNames}
          page={BOARD_PAGE}
          onMove={(ticket, stageId) => commands.setStage(ticket, stageId, data.conversations.get(ticket.id)?.all ?? 0)}
          onMore={more}
        />
      )}
      <Toast message={toast} onDismiss={toaster.dismiss} />
    </div>
  );
}
