import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { Confirm } from '@/components/common/confirm';
import type { Toaster } from '@/components/common/toast';
import { formatDateTime } from '@/components/common/format';
import { countedMessage, ticketLabel, type Settings } from '@/domain';
import { CSV_COLUMNS, type CsvColumn } from '@/domain/csv';
import type { ExportFile } from '@/domain/export-format';
import type { Client } from '@/messaging/client';
import { useLiveQuery } from '@/pages/live-query';
import type { SidedeskDatabase } from '@/store/database';
import { exportDesk, exportTicketsCsv } from '@/store/export';
import { applyImport, previewImport, readImportFile, type ImportMode, type ImportPreview } from '@/store/import';
import { download, exportFileName, exportReminder, lastExportAt, recordExport } from './data';

const LISTS = ['tickets', 'conversations', 'contacts', 'timeline', 'trash'] as const;

/** A record of the file as the agent knows it: a ticket by its number and name, a conversation by
 * its subject, a contact by address; others by id. */
function recordName(data: ExportFile, list: string, id: string): string {
  if (list === 'tickets') {
    const ticket = data.tickets.find((x) => x.id === id);
    return ticket ? `${ticketLabel(ticket)} ${ticket.name}` : id;
  }
  if (list === 'conversations') return data.conversations.find((x) => x.id === id)?.subject ?? id;
  return id;
}
const COLLISIONS_SHOWN = 20;

interface Chosen {
  name: string;
  data: ExportFile;
  mode: ImportMode;
  preview: ImportPreview;
}

/**
 * "Your data": the whole desk exported as one versioned JSON file, the tickets as CSV, and an
 * import that is checked completely and previewed before anything is written, then written all or
 * nothing. The import runs here, in the extension's own page (the only place that can reach the
 * desk's database), in one transaction: a closed page leaves the desk as it was.
 */
export function DataSection({ db, call, settings, toaster }: { db: SidedeskDatabase; call: Client; settings: Settings; toaster: Toaster }) {
  const t = useT();
  const info = useLiveQuery(async () => ({ last: await lastExportAt(db), tickets: await db.tickets.count() }), [db]);
  const [progress, setProgress] = useState<{ what: string; done: number; total: number } | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // A new key empties the file field, so the same file can be chosen again after an import.
  const [fileKey, setFileKey] = useState(0);
  const busy = progress !== null;
  const reminder = info ? exportReminder(info.last, info.tickets, Date.now()) : null;

  async function exportJson() {
    setProgress({ what: t('dataExporting'), done: 0, total: 1 });
    try {
      const at = Date.now();
      const blob = await exportDesk(db, { onProgress: (p) => setProgress({ what: t('dataExporting'), done: p.done, total: p.total }) });
      download(blob, exportFileName(at, 'json'));
      await recordExport(db, at);
      toaster.info(t('dataExported'));
    } catch (error) {
      toaster.error(t('notSaved', [(error as Error).message]));
    } finally {
      setProgress(null);
    }
  }

  async function exportCsv() {
    setProgress({ what: t('dataExporting'), done: 0, total: 1 });
    try {
      const columns: CsvColumn[] = [...CSV_COLUMNS, ...(settings.customProperties ?? []).map((p) => `properties.${p.name}` as const)];
      const blob = await exportTicketsCsv(db, columns, {
        t,
        onProgress: (p) => setProgress({ what: t('dataExporting'), done: p.done, total: p.total }),
      });
      download(blob, exportFileName(Date.now(), 'csv'));
      toaster.info(t('dataExportedCsv'));
    } catch (error) {
      toaster.error(t('notSaved', [(error as Error).message]));
    } finally {
      setProgress(null);
    }
  }

  async function choose(file: File | undefined, mode: ImportMode) {
    setChosen(null);
    setProblem(null);
    if (!file) return;
    setProgress({ what: t('dataReading'), done: 0, total: 1 });
    const read = await readImportFile(file);
    setProgress(null);
    if (!read.ok) return setProblem(read.problem);
    setChosen({ name: file.name, data: read.data, mode, preview: await previewImport(db, read.data, mode) });
  }

  async function switchMode(mode: ImportMode) {
    if (chosen) setChosen({ ...chosen, mode, preview: await previewImport(db, chosen.data, mode) });
  }

  async function apply() {
    if (!chosen) return;
    setConfirming(false);
    setProgress({ what: t('dataImporting'), done: 0, total: 1 });
    const result = await applyImport(db, chosen.data, chosen.mode, {
      wipe: chosen.mode === 'replace' && !chosen.preview.deskEmpty,
      onProgress: (p) => setProgress({ what: t('dataImporting'), done: p.done, total: p.total }),
    });
    setProgress(null);
    if (!result.ok) return setProblem(result.problem);
    setChosen(null);
    // The badge and the webmail tabs' chips read the desk again.
    await call('deskChanged', {}).catch(() => undefined);
    setFileKey((k) => k + 1);
    const lang = document.documentElement.lang;
    toaster.info(
      `${countedMessage(t, 'dataImported', result.written.tickets, [result.written.tickets], lang)} ${countedMessage(t, 'dataCollisionsSettled', result.collisions.length, [result.collisions.length], lang)}`,
    );
  }

  const p = chosen?.preview;
  return (
    <div class="data">
      {reminder && (
        <p class="data-notice" role="status">
          {reminder === 'never' ? t('dataNeverExported') : t('dataExportOld', [formatDateTime(info!.last!)])}
        </p>
      )}
      <p class="muted">{t('dataIntro')}</p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void exportJson()}>
          {t('dataExportJson')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportCsv()}>
          {t('dataExportCsv')}
        </button>
        {info?.last && <span class="muted">{t('dataLastExport', [formatDateTime(info.last)])}</span>}
      </div>
      <h3>{t('dataImportTitle')}</h3>
      <label class="field">
        <span>{t('dataImportFile')}</span>
        <input
          key={fileKey}
          type="file"
          name="import-file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => void choose(e.currentTarget.files?.[0], chosen?.mode ?? 'merge')}
        />
      </label>
      {problem && (
        <p class="data-error" role="alert">
          {t('dataRefused', [problem])}
        </p>
      )}
      {chosen && p && (
        <div class="import-preview" aria-live="polite">
          <p>{t('dataFileHolds', [chosen.name])}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dataRecords')}</th>
                <th scope="col">{t('dataInFile')}</th>
                <th scope="col">{t('dataInDesk')}</th>
              </tr>
            </thead>
            <tbody>
              {LISTS.map((list) => (
                <tr key={list}>
                  <td>{t(`dataList_${list}`)}</td>
                  <td>{p.file[list]}</td>
                  <td>{p.desk[list]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset class="choices-set">
            <legend>{t('dataMode')}</legend>
            <label>
              <input
                type="radio"
                name="import-mode"
                value="merge"
                checked={chosen.mode === 'merge'}
                onChange={() => void switchMode('merge')}
              />{' '}
              {t('dataModeMerge')}
            </label>
            <label>
              <input
                type="radio"
                name="import-mode"
                value="replace"
                checked={chosen.mode === 'replace'}
                onChange={() => void switchMode('replace')}
              />{' '}
              {t('dataModeReplace')}
            </label>
          </fieldset>
          {p.merge && (
            <p>
              {t('dataMergeSummary', [
                LISTS.reduce((n, l) => n + p.merge!.added[l], 0),
                LISTS.reduce((n, l) => n + p.merge!.same[l], 0),
                p.merge.collisions.length,
              ])}
            </p>
          )}
          {p.merge && p.merge.collisions.length > 0 && (
            <ul class="collisions">
              {p.merge.collisions.slice(0, COLLISIONS_SHOWN).map((c) => (
                <li key={`${c.list}:${c.id}`}>
                  {t('dataCollision', [
                    t(`dataList_${c.list}`),
                    recordName(chosen.data, c.list, c.id),
                    c.winner === 'file' ? t('dataWinsFile') : t('dataWinsDesk'),
                  ])}
                </li>
              ))}
              {p.merge.collisions.length > COLLISIONS_SHOWN && (
                <li>{t('dataMoreCollisions', [p.merge.collisions.length - COLLISIONS_SHOWN])}</li>
              )}
            </ul>
          )}
          {chosen.mode === 'replace' && !p.deskEmpty && <p class="data-notice">{t('dataReplaceWipes')}</p>}
          {p.problem && chosen.mode === 'merge' && (
            <p class="data-error" role="alert">
              {t('dataRefused', [p.problem])}
            </p>
          )}
          {confirming ? (
            <Confirm
              id="import-confirm"
              question={
                chosen.mode === 'replace'
                  ? countedMessage(t, 'dataConfirmReplace', p.file.tickets, [p.file.tickets], document.documentElement.lang)
                  : t('dataConfirmMerge', [chosen.name])
              }
              hint={chosen.mode === 'replace' && !p.deskEmpty ? t('dataReplaceWipes') : t('dataAllOrNothing')}
              confirmLabel={t('dataImport')}
              onConfirm={() => void apply()}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <div class="actions">
              <button
                type="button"
                class="primary"
                disabled={busy || (chosen.mode === 'merge' && !!p.problem)}
                onClick={() => setConfirming(true)}
              >
                {t('dataImport')}
              </button>
              <button type="button" disabled={busy} onClick={() => (setChosen(null), setProblem(null))}>
                {t('cancel')}
              </button>
            </div>
          )}
        </div>
      )}
      {progress && (
        <p class="progress-line" role="status">
          <progress max={progress.total} value={progress.done} aria-label={progress.what} /> {progress.what}{' '}
          {t('bulkProgress', [progress.done, progress.total])}
        </p>
      )}
    </div>
  );
}
