import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings, type Translate } from '@/domain';
import { CSV_BOM, CSV_COLUMNS, csvCell, csvRow, isCsvColumn, ticketCsvRow, ticketsCsvHeader } from '@/domain/csv';
import { ticketRecord } from '@/test/support/builders';

const settings: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  team: [{ id: 'ola@firma.pl', name: 'Ola Żółć', email: 'ola@firma.pl' }],
};

describe('CSV cells: RFC 4180 and spreadsheet formulas', () => {
  it('starts the file with a UTF-8 byte order mark', async () => {
    expect(CSV_BOM).toBe('\uFEFF');
    expect([...new Uint8Array(await new Blob([CSV_BOM]).arrayBuffer())]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it.each([
    ['plain text', 'plain', 'plain'],
    ['a comma', 'a, b', '"a, b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['a CRLF', 'one\r\ntwo', '"one\r\ntwo"'],
    ['Polish letters', 'Zażółć gęślą jaźń', 'Zażółć gęślą jaźń'],
    ['HTML', '<b onclick="x()">hi</b>', '"<b onclick=""x()"">hi</b>"'],
    ['nothing', null, ''],
  ])('writes %s', (_name, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['=', '=HYPERLINK("https://evil.example","click")', `"'=HYPERLINK(""https://evil.example"",""click"")"`],
    ['+', '+1+1', "'+1+1"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab', '\t=1', "'\t=1"],
    ['a carriage return', '\r=1', `"'\r=1"`],
  ])('writes text starting with %s after an apostrophe, so no spreadsheet runs it', (_name, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes numbers as numbers, a negative one too', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(false)).toBe('false');
  });

  it('ends each row with CRLF', () => {
    expect(csvRow(['a', 'b,c', 3])).toBe('a,"b,c",3\r\n');
  });
});

describe('CSV of tickets: columns', () => {
  const ticket = {
    ...ticketRecord(42, 'Faktura, korekta "pilne"'),
    ownerId: 'ola@firma.pl',
    contactEmail: 'jan@klient.pl',
    category: '=cmd|calc',
    stageId: 'waiting-on-us',
    priority: 'high' as const,
    createdAt: Date.UTC(2026, 0, 2, 3, 4, 5),
    updatedAt: Date.UTC(2026, 10, 30, 9, 0, 0),
    properties: { Plan: 'Złoty', Seats: 12, Vip: true },
  };
  const contact = { email: 'jan@klient.pl', name: 'Jan Łukasiewicz', companyDomain: 'klient.pl', followed: false };

  it('knows its columns and free properties', () => {
    expect(CSV_COLUMNS.every(isCsvColumn)).toBe(true);
    expect(isCsvColumn('properties.Plan')).toBe(true);
    expect(isCsvColumn('properties.')).toBe(false);
    expect(isCsvColumn('waiting')).toBe(false);
  });

  it('writes every column of a ticket', () => {
    const row = ticketCsvRow(ticket, [...CSV_COLUMNS, 'properties.Plan', 'properties.Seats', 'properties.Vip', 'properties.Missing'], {
      settings,
      contact,
      conversations: 3,
    });
    expect(row).toBe(
      '42,"Faktura, korekta ""pilne""",Waiting on us,high,Ola Żółć,Jan Łukasiewicz <jan@klient.pl>,3,' +
        "2026-01-02T03:04:05.000Z,2026-11-30T09:00:00.000Z,'=cmd|calc,Złoty,12,true,\r\n",
    );
  });

  it('leaves cells empty for no owner, no contact and no category; an unknown stage by its id', () => {
    const bare = { ...ticketRecord(1), stageId: 'gone' };
    expect(ticketCsvRow(bare, ['stage', 'owner', 'contact', 'category'], { settings, contact: undefined, conversations: 0 })).toBe(
      'gone,,,\r\n',
    );
  });

  it('names stages, priorities and headings in the agent’s language when given one', () => {
    const pl: Translate = (key) =>
      ({ stage_waiting_on_us: 'Czeka na nas', priority_high: 'Wysoki', colName: 'Nazwa', stage: 'Etap' })[key] ?? key;
    expect(ticketCsvRow(ticket, ['stage', 'priority'], { settings, contact, conversations: 0, t: pl })).toBe('Czeka na nas,Wysoki\r\n');
    expect(ticketsCsvHeader(['number', 'name', 'stage', 'properties.Plan'], pl)).toBe('#,Nazwa,Etap,Plan\r\n');
    expect(ticketsCsvHeader(['number', 'name', 'properties.Plan'])).toBe('number,name,Plan\r\n');
  });

  it('guards a free property’s name in the header too', () => {
    expect(ticketsCsvHeader(['properties.=1+1'])).toBe("'=1+1\r\n");
  });
});
