import { describe, expect, it } from 'vitest';
import type { Settings } from '@/domain';
import { mergeDesks } from '@/domain/import-merge';
import { convId, ticketRecord } from '@/test/support/builders';
import { conversationRecord, entryRecord, validFile } from '@/test/support/export-file';

describe('merge: by id, the newer rev wins', () => {
  it('takes the file’s ticket when its rev is newer, and lists the collision', () => {
    const desk = validFile();
    const file = validFile();
    file.tickets[0] = { ...file.tickets[0]!, name: 'Renamed in the file', rev: 2 };
    const merge = mergeDesks(desk, file);
    expect(merge.problem).toBeNull();
    expect(merge.collisions).toEqual([{ list: 'tickets', id: 't1', winner: 'file', deskRev: 1, fileRev: 2 }]);
    expect(merge.data.tickets[0]!.name).toBe('Renamed in the file');
    expect(merge.writes.tickets).toEqual([file.tickets[0]]);
  });

  it('keeps the desk’s ticket when its rev is newer, and lists the collision', () => {
    const desk = validFile();
    const file = validFile();
    desk.tickets[0] = { ...desk.tickets[0]!, name: 'Renamed on the desk', rev: 3 };
    file.tickets[0] = { ...file.tickets[0]!, name: 'Renamed in the file', rev: 2 };
    const merge = mergeDesks(desk, file);
    expect(merge.collisions).toEqual([{ list: 'tickets', id: 't1', winner: 'desk', deskRev: 3, fileRev: 2 }]);
    expect(merge.data.tickets[0]!.name).toBe('Renamed on the desk');
    expect(merge.writes.tickets).toEqual([]);
  });

  it('keeps the desk’s record at an equal rev with different contents, and lists it', () => {
    const desk = validFile();
    const file = validFile();
    file.conversations[0] = { ...file.conversations[0]!, subject: 'Changed elsewhere' };
    const merge = mergeDesks(desk, file);
    expect(merge.collisions).toEqual([{ list: 'conversations', id: convId('a'), winner: 'desk', deskRev: 1, fileRev: 1 }]);
    expect(merge.data.conversations[0]!.subject).toBe('Subject a');
  });

  it('counts equal records as the same, lists no collision and writes nothing of them', () => {
    const merge = mergeDesks(validFile(), validFile());
    expect(merge.collisions).toEqual([]);
    expect(merge.same).toEqual({ tickets: 2, conversations: 3, contacts: 1, timeline: 4, trash: 1 });
    expect(merge.added).toEqual({ tickets: 0, conversations: 0, contacts: 0, timeline: 0, trash: 0 });
    expect(merge.writes).toEqual({ tickets: [], conversations: [], contacts: [], timeline: [], trash: [] });
    expect(merge.data).toEqual((({ format: _f, version: _v, schemaVersion: _s, exportedAt: _e, ...rest }) => rest)(validFile()));
  });

  it('compares records whatever the order of their keys', () => {
    const file = validFile();
    file.tickets[0] = Object.fromEntries(Object.entries(file.tickets[0]!).reverse()) as (typeof file.tickets)[0];
    expect(mergeDesks(validFile(), file).collisions).toEqual([]);
  });

  it('adds what only the file holds, and the higher next ticket number', () => {
    const file = validFile();
    file.tickets.push({ ...ticketRecord(7), id: 't7' });
    file.conversations.push(conversationRecord('e', 't7'));
    file.contacts.push({ email: 'new@klient.pl', name: 'New', companyDomain: 'klient.pl', followed: true });
    file.timeline.push(entryRecord('e7', { ticketId: 't7' }));
    file.nextTicketNumber = 8;
    const merge = mergeDesks(validFile(), file);
    expect(merge.problem).toBeNull();
    expect(merge.added).toEqual({ tickets: 1, conversations: 1, contacts: 1, timeline: 1, trash: 0 });
    expect(merge.data.nextTicketNumber).toBe(8);
    expect(merge.writes.tickets.map((t) => t.id)).toEqual(['t7']);
  });
});

describe('merge: records without a rev', () => {
  it('keeps the desk’s contact (it has no rev) and lists the file’s as the loser', () => {
    const file = validFile();
    file.contacts[0] = { ...file.contacts[0]!, name: 'Other name', followed: true };
    const merge = mergeDesks(validFile(), file);
    expect(merge.collisions).toEqual([{ list: 'contacts', id: 'customer-a@klient.pl', winner: 'desk', deskRev: null, fileRev: null }]);
    expect(merge.data.contacts[0]!.name).toBe('Customer a');
  });

  it('joins the timelines and the trash (written once, never changed); a same id with other contents keeps the desk’s', () => {
    const desk = validFile();
    const file = validFile();
    file.timeline[0] = { ...file.timeline[0]!, to: 'forged' };
    file.timeline.push(entryRecord('e8', { ticketId: 't1' }));
    const merge = mergeDesks(desk, file);
    expect(merge.collisions).toEqual([{ list: 'timeline', id: 'e1', winner: 'desk', deskRev: null, fileRev: null }]);
    expect(merge.data.timeline.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e8']);
    expect(merge.data.timeline[0]!.to).toBe('x');
  });
});

describe('merge: settings', () => {
  it('keeps the desk’s settings and adds the file’s members, pipelines and stages it lacks', () => {
    const file = validFile();
    file.settings.team.push({ id: 'ola@firma.pl', name: 'Ola', email: 'ola@firma.pl' });
    file.settings.pipelines[0]!.stages.push({ id: 'escalated', label: 'Escalated', state: 'open' });
    file.settings.pipelines.push({ id: 'sales', label: 'Sales', stages: [{ id: 'lead', label: 'Lead', state: 'open' }] });
    file.tickets.push({ ...ticketRecord(5), id: 't5', stageId: 'escalated', ownerId: 'ola@firma.pl' });
    file.tickets.push({ ...ticketRecord(6), id: 't6', pipelineId: 'sales', stageId: 'lead' });
    file.nextTicketNumber = 7;
    const desk = validFile();
    desk.settings.notifications = false;
    const merge = mergeDesks(desk, file);
    expect(merge.problem).toBeNull();
    expect(merge.settings).toEqual({
      winner: 'desk',
      addedMembers: ['ola@firma.pl'],
      addedPipelines: ['sales'],
      addedStages: ['support:escalated'],
    });
    expect(merge.data.settings.notifications).toBe(false);
    expect(merge.data.settings.team.map((m) => m.id)).toEqual(['agent@sidedesk.test', 'ola@firma.pl']);
    expect(merge.data.settings.pipelines.map((p) => p.id)).toEqual(['support', 'sales']);
  });

  it('starts from the file’s settings when their rev is newer, and raises the rev past both after adding', () => {
    const desk = validFile();
    const file = validFile();
    (desk.settings as Settings & { rev?: number }).rev = 4;
    (file.settings as Settings & { rev?: number }).rev = 5;
    file.settings.reopenOnReply = false;
    desk.settings.team.push({ id: 'ola@firma.pl', name: 'Ola', email: 'ola@firma.pl' });
    const merge = mergeDesks(desk, file);
    expect(merge.settings.winner).toBe('file');
    expect(merge.data.settings.reopenOnReply).toBe(false);
    expect(merge.data.settings.team.map((m) => m.id)).toEqual(['agent@sidedesk.test', 'ola@firma.pl']);
    expect((merge.data.settings as Settings & { rev?: number }).rev).toBe(6);
  });
});

describe('merge: never a broken desk', () => {
  it('refuses two desks that gave one number to two tickets, naming it', () => {
    const file = validFile();
    file.tickets.push({ ...ticketRecord(1), id: 'other-t1' });
    expect(mergeDesks(validFile(), file).problem).toBe('tickets[2].number: number 1 is also used by tickets[0].');
  });

  it('refuses a ticket live on the desk and trashed in the file', () => {
    const file = validFile();
    file.trash.push({
      id: 'g2',
      trashedAt: 9,
      actor: 'agent@sidedesk.test',
      origin: { kind: 'delete-ticket', ticketId: 't1' },
      tickets: [{ ...file.tickets[0]!, rev: 2 }],
      conversations: [conversationRecord('a', 't1')],
      timeline: [],
    });
    file.tickets.splice(0, 1);
    expect(mergeDesks(validFile(), file).problem).toBe('trash[1].tickets[0].id: ticket "t1" is also at tickets[0].');
  });

  it('refuses settings that together pass a limit, naming where', () => {
    const desk = validFile();
    const file = validFile();
    const pipeline = (id: string) => ({ id, label: id, stages: [{ id: 'new', label: 'New', state: 'open' as const }] });
    desk.settings.pipelines.push(...Array.from({ length: 10 }, (_, i) => pipeline(`d${i}`)));
    file.settings.pipelines.push(...Array.from({ length: 10 }, (_, i) => pipeline(`f${i}`)));
    expect(mergeDesks(desk, file).problem).toBe('settings.pipelines: has more than 20 entries.');
  });
});
