import { describe, expect, it } from 'vitest';
import type { ExportFile } from '@/domain/export-format';
import { checkImport, checkImportSize, MAX_IMPORT_BYTES, parseImportText } from '@/domain/import-check';
import { ACCOUNT, convId, ticketRecord } from '@/test/support/builders';
import { conversationRecord as conversation, entryRecord as entry, validFile } from '@/test/support/export-file';

function problemOf(change: (f: ExportFile) => void): string | null {
  const file = validFile();
  change(file);
  const checked = checkImport(JSON.parse(JSON.stringify(file)));
  return checked.ok ? null : checked.problem;
}

describe('import check: a whole desk passes', () => {
  it('accepts the valid file and gives it back as the current version', () => {
    const checked = checkImport(JSON.parse(JSON.stringify(validFile())));
    expect(checked).toEqual({ ok: true, data: validFile() });
  });

  it.each<[string, (f: ExportFile) => void]>([
    ['a conversation live and in a trash group (trashed, then seen again)', (f) => f.conversations.push(conversation('d', null))],
    [
      'a conversation in two trash groups (trashed, seen again, trashed again)',
      (f) =>
        f.trash.push({
          id: 'g2',
          trashedAt: 4,
          actor: ACCOUNT,
          origin: { kind: 'trash-conversation', conversationId: convId('d') },
          tickets: [],
          conversations: [conversation('d', null)],
          timeline: [],
        }),
    ],
    ['a conversation owned by an account not on the team', (f) => (f.conversations[2]!.ownerId = 'full-team@example.com')],
    [
      'an entry about a purged ticket beside a conversation that is here',
      (f) => f.timeline.push(entry('e6', { ticketId: 'gone', conversationId: convId('a') })),
    ],
    ['HTML, emoji and Polish letters in strings', (f) => (f.tickets[0]!.name = '<img src=x onerror=alert(1)> Zażółć gęślą jaźń 🎫')],
  ])('accepts %s, as the desk itself makes it', (_name, change) => {
    expect(problemOf(change)).toBeNull();
  });
});

describe('import check: the first problem, named where it is', () => {
  it.each<[string, (f: ExportFile) => void, RegExp]>([
    ['a record breaking its schema', (f) => (f.tickets[1]!.name = ''), /^tickets\[1\]\.name: is empty\.$/],
    [
      'a value of the wrong kind',
      (f) => ((f.conversations[0] as { rev: unknown }).rev = '2'),
      /^conversations\[0\]\.rev: should be a number\.$/,
    ],
    [
      'an unknown priority',
      (f) => ((f.tickets[0] as { priority: string }).priority = 'huge'),
      /^tickets\[0\]\.priority: should be "low" or "medium" or "high" or "urgent"\.$/,
    ],
    ['a missing list', (f) => delete (f as Partial<ExportFile>).timeline, /^timeline: is missing\.$/],
    ['broken settings', (f) => (f.settings.pipelines = []), /^settings\.pipelines: is empty\.$/],
    ['a ticket id used twice', (f) => (f.tickets[1]!.id = 't1'), /^tickets\[1\]\.id: ticket "t1" is also at tickets\[0\]\.$/],
    [
      'a conversation id used twice',
      (f) => f.conversations.push(conversation('c', null)),
      /^conversations\[3\]: conversation "gmail:agent@sidedesk.test:c" is also conversations\[2\]\.$/,
    ],
    [
      'a contact used twice',
      (f) => f.contacts.push({ ...f.contacts[0]! }),
      /^contacts\[1\]: contact "customer-a@klient.pl" is also contacts\[0\]\.$/,
    ],
    [
      'a timeline entry id used twice',
      (f) => f.trash[0]!.timeline.push(entry('e1', { ticketId: 't3' })),
      /^trash\[0\]\.timeline\[1\]\.id: timeline entry "e1" is also at timeline\[0\]\.$/,
    ],
    ['a ticket number used twice', (f) => (f.tickets[1]!.number = 1), /^tickets\[1\]\.number: number 1 is also used by tickets\[0\]\.$/],
    [
      'a trashed ticket’s number used by a live one',
      (f) => (f.tickets[1]!.number = 3),
      /^trash\[0\]\.tickets\[0\]\.number: number 3 is also used by tickets\[1\]\.$/,
    ],
    [
      'a next ticket number not above every number',
      (f) => (f.nextTicketNumber = 3),
      /^nextTicketNumber: 3 is not above ticket number 3 \(trash\[0\]\.tickets\[0\]\)/,
    ],
    [
      'a conversation linked to a missing ticket',
      (f) => (f.conversations[2]!.ticketId = 'nowhere'),
      /^conversations\[2\]\.ticketId: ticket "nowhere" is not in the file\.$/,
    ],
    [
      'a conversation linked to a trashed ticket',
      (f) => (f.conversations[2]!.ticketId = 't3'),
      /^conversations\[2\]\.ticketId: ticket "t3" is in the trash \(trash\[0\]\.tickets\[0\]\), not live\.$/,
    ],
    [
      'a ticket in a stage the pipeline lacks',
      (f) => (f.tickets[0]!.stageId = 'gone'),
      /^tickets\[0\]\.stageId: stage "gone" is not in pipeline "support"\.$/,
    ],
    [
      'a ticket in a pipeline the settings lack',
      (f) => (f.tickets[0]!.pipelineId = 'sales'),
      /^tickets\[0\]\.pipelineId: pipeline "sales" is not in the settings\.$/,
    ],
    [
      'an owner not in the team',
      (f) => (f.tickets[0]!.ownerId = 'stranger@x.test'),
      /^tickets\[0\]\.ownerId: owner "stranger@x.test" is not in the team\.$/,
    ],
    [
      'a closed ticket without its close date',
      (f) => (f.tickets[1]!.closedAt = null),
      /^tickets\[1\]\.closedAt: missing, but stage "closed" is closed\.$/,
    ],
    [
      'a closed ticket with an open conversation',
      (f) => (f.conversations[1]!.state = 'open'),
      /^conversations\[1\]\.state: open, but its ticket "t2" is closed\.$/,
    ],
    [
      'a trash group holding a live ticket',
      (f) => f.trash[0]!.tickets.splice(0, 1, { ...f.tickets[0]!, number: 3 }),
      /^trash\[0\]\.tickets\[0\]\.id: ticket "t1" is also at tickets\[0\]\.$/,
    ],
    [
      'a ticket in two trash groups',
      (f) => f.trash.push({ ...structuredClone(f.trash[0]!), id: 'g2', timeline: [] }),
      /^trash\[1\]\.tickets\[0\]\.id: ticket "t3" is also at trash\[0\]\.tickets\[0\]\.$/,
    ],
    [
      'a trash group id used twice',
      (f) => {
        f.nextTicketNumber = 10;
        f.trash.push({
          ...structuredClone(f.trash[0]!),
          tickets: [ticketRecord(9)],
          origin: { kind: 'delete-ticket', ticketId: 't9' },
          conversations: [],
          timeline: [],
        });
      },
      /^trash\[1\]: trash group "g1" is also trash\[0\]\.$/,
    ],
    [
      'a conversation twice in one trash group',
      (f) => f.trash[0]!.conversations.push(conversation('d', 't3')),
      /^trash\[0\]\.conversations\[1\]: conversation "gmail:agent@sidedesk.test:d" is also trash\[0\]\.conversations\[0\]\.$/,
    ],
    [
      'a trashed conversation linked to another ticket than its group’s',
      (f) => (f.trash[0]!.conversations[0]!.ticketId = 't1'),
      /^trash\[0\]\.conversations\[0\]\.ticketId: linked to ticket "t1", but the group holds ticket "t3"\.$/,
    ],
    [
      'a trash group without the record it was made from',
      (f) => (f.trash[0]!.origin = { kind: 'trash-conversation', conversationId: convId('z') }),
      /^trash\[0\]\.origin: the group does not hold the record it was made from\.$/,
    ],
    [
      'a timeline entry about nothing in the file',
      (f) => f.timeline.push(entry('e9', { ticketId: 'gone', conversationId: convId('gone') })),
      /^timeline\[4\]: timeline entry "e9" is about "gone" and "gmail:agent@sidedesk.test:gone", which the file does not hold\.$/,
    ],
    [
      'a trashed entry about nothing in the file',
      (f) => (f.trash[0]!.timeline[0]!.ticketId = 'gone'),
      /^trash\[0\]\.timeline\[0\]: timeline entry "e5" is about "gone"/,
    ],
  ])('refuses %s', (_name, change, problem) => {
    expect(problemOf(change)).toMatch(problem);
  });

  it('names the first problem when there are several', () => {
    expect(
      problemOf((f) => {
        f.tickets[0]!.stageId = 'gone';
        f.conversations[2]!.ticketId = 'nowhere';
      }),
    ).toMatch(/^tickets\[0\]\.stageId/);
  });

  it('quotes a long hostile id cut short, as text', () => {
    const id = `<script>${'x'.repeat(90)}`;
    expect(problemOf((f) => (f.conversations[2]!.ticketId = id))).toMatch(
      /^conversations\[2\]\.ticketId: ticket "<script>x{71}…" is not in the file\.$/,
    );
  });
});

describe('import check: the file before its records', () => {
  it('refuses a file over the size cap from its size alone', () => {
    expect(MAX_IMPORT_BYTES).toBe(512 * 1024 * 1024);
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
    expect(checkImportSize(1024 ** 3)).toBe('The file is 1,024 MB; Sidedesk imports files of at most 512 MB.');
  });

  it('refuses an empty file', () => {
    expect(parseImportText('  \n')).toEqual({ ok: false, problem: 'The file is empty.' });
  });

  it('says where a cut-off file stops', () => {
    const text = JSON.stringify(validFile(), null, 1);
    const cut = text.slice(0, 300);
    const parsed = parseImportText(cut);
    const lines = cut.split('\n');
    expect(!parsed.ok && parsed.problem).toMatch(/^The file is cut off: its JSON ends at line \d+, column \d+ \(character \d+\)/);
    expect(!parsed.ok && parsed.problem).toContain(`line ${lines.length}, column`);
  });

  it.each([
    ['in the middle of a string', '{"format": "sidedesk-exp'],
    ['after a key', '{"format"'],
    ['inside a list', '{"tickets": [1, 2'],
  ])('calls a file cut %s cut off', (_name, text) => {
    const parsed = parseImportText(text);
    expect(!parsed.ok && parsed.problem).toMatch(/^The file is cut off/);
  });

  it('says where broken JSON breaks, by line and column', () => {
    const parsed = parseImportText('{\n  "format": "sidedesk-export",\n  "version": 1,,\n}');
    expect(parsed).toEqual({ ok: false, problem: 'The file is not valid JSON: it breaks at line 3, column 16 (character 49).' });
  });

  it('refuses text that is not JSON at all', () => {
    expect(parseImportText('<html>not a backup</html>')).toEqual({
      ok: false,
      problem: 'The file is not JSON: a Sidedesk export starts with “{”.',
    });
  });

  it('names the unexpected character where the browser gives no position', () => {
    expect(parseImportText('[1,2,]')).toEqual({ ok: false, problem: 'The file is not valid JSON: “]” where a value should be.' });
  });

  it('skips a leading byte order mark', () => {
    expect(parseImportText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
