// A desk of `size` tickets as a busy team's years of mail leave it, the same at every run: ticket
// `n` of `size` (its contact, stage, owner, priority, subject and times) depends on n and size
// only. Runs in the browser (bundled into the bench harness) and in Node (the bench's
// expectations), so it imports nothing.

export const ME = 'agent@sidedesk.test';
export const TEAM = ['ola@sidedesk.test', 'bartek@sidedesk.test', 'kasia@sidedesk.test', 'marcin@sidedesk.test', 'zuza@sidedesk.test'];
const OWNERS = [ME, ...TEAM, null, null];
const BASE = 1_640_995_200_000; // 2022-01-01
const SPAN = 3 * 365 * 86_400_000; // three years of tickets, however many

/** One customer with the same tickets at every size, spread over the whole period (her name is
 * nobody else's): "the same search" at 10,000 and 100,000 finds the same number of tickets. */
export const ANNA = { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska', tickets: 30 };
/** A company with one ticket in a hundred: the more tickets, the more it has. */
export const ACME = { domain: 'acme-logistics.com', every: 100 };
/** A word about one ticket in five is named with ("Refund for order ..."). */
export const COMMON_WORD = 'refund';

const FIRST = ['Jan', 'Piotr', 'Maria', 'Katarzyna', 'Tomasz', 'Agnieszka', 'Paweł', 'Ewa', 'Michał', 'Magdalena', 'Krzysztof'];
const FIRST_2 = ['Joanna', 'Marek', 'Zofia', 'Łukasz', 'Alicja', 'John', 'Emma', 'Oliver', 'Sophie', 'Lars', 'Ingrid', 'Pierre'];
const FIRSTS = [...FIRST, ...FIRST_2];
const LASTS = ['Nowak', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Mazur'];
const LASTS_2 = ['Krawczyk', 'Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Müller', 'Schmidt', 'Dubois', 'Larsen', 'Novák'];
const SURNAMES = [...LASTS, ...LASTS_2];
const DOMAINS = ['gmail.com', 'wp.pl', 'onet.pl', 'outlook.com', 'interia.pl', 'sklep-abc.pl', 'firma.com.pl', 'example.org'];
const TOPICS = [
  (o) => `Order #${o} did not arrive`,
  (o) => `Refund for order #${o}`,
  (o) => `Wrong size delivered (order ${o})`,
  (o) => `Invoice correction FV/${o}`,
  (o) => `Cannot log in to my account ${o}`,
  (o) => `Parcel ${o} damaged in transit`,
  (o) => `Change delivery address for ${o}`,
  (o) => `Zwrot towaru, zamówienie ${o}`,
  (o) => `Pytanie o fakturę ${o}`,
  (o) => `Reklamacja: zepsuty produkt ${o}`,
];
const DESCRIPTIONS = [
  'Customer says the courier never came. Asked for tracking.',
  'Waiting for photos of the damage before we send a replacement.',
  'Klient prosi o kontakt telefoniczny po 16:00.',
  '',
  '',
];
const STAGES = ['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'new', 'waiting-on-contact', 'waiting-on-us', 'closed'];
const PRIORITIES = ['low', 'medium', 'medium', 'medium', 'medium', 'medium', 'high', 'medium', 'low', 'urgent', 'high', 'low'];

/** A well-mixed integer for `n` (so neighbours do not share a contact, a stage, an owner). */
function mix(n) {
  let x = (n + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const ascii = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();

/** Which of ANNA's tickets `n` is, or -1. */
function annaIndex(n, size) {
  const k = Math.floor((n * ANNA.tickets) / size);
  return Math.floor(((k + 0.5) * size) / ANNA.tickets) === n ? k : -1;
}

/** The contact of ticket `n`: Anna, someone at Acme, or one of size/4 private customers. */
export function contactOf(n, size) {
  if (annaIndex(n, size) >= 0) return { email: ANNA.email, name: ANNA.name, companyDomain: 'klient.pl', followed: false };
  if (n % ACME.every === 7) {
    const j = Math.floor(n / ACME.every) % 12;
    const first = FIRSTS[j % FIRSTS.length];
    const last = SURNAMES[(j * 7) % SURNAMES.length];
    return {
      email: `${ascii(first)}.${ascii(last)}@${ACME.domain}`,
      name: `${first} ${last}`,
      companyDomain: ACME.domain,
      followed: false,
    };
  }
  const i = mix(n) % Math.max(1, Math.floor(size / 4));
  const first = FIRSTS[i % FIRSTS.length];
  const last = SURNAMES[Math.floor(i / FIRSTS.length) % SURNAMES.length];
  const domain = DOMAINS[i % DOMAINS.length];
  return { email: `${ascii(first)}.${ascii(last)}.${i}@${domain}`, name: `${first} ${last}`, companyDomain: null, followed: false };
}

/** Ticket `n` of `size` (numbered n + 1), its conversation and its contact. */
export function recordsOf(n, size) {
  const h = mix(n * 31 + 7);
  const contact = contactOf(n, size);
  const createdAt = BASE + Math.floor((n * SPAN) / size);
  const stageId = STAGES[h % STAGES.length];
  const updatedAt = createdAt + (h % 5) * 3_600_000 + (stageId === 'closed' ? ((h >>> 8) % 14) * 86_400_000 : 0);
  const order = 40_000 + n;
  const name = n % 10 === 3 ? TOPICS[1](order) : TOPICS[(h >>> 4) % TOPICS.length](order);
  const id = `seed-${n}`;
  const threadId = `t${(n * 2654435761) % 4294967296}`.padEnd(8, '0');
  const ticket = {
    id,
    number: n + 1,
    name,
    description: DESCRIPTIONS[(h >>> 12) % DESCRIPTIONS.length],
    pipelineId: 'support',
    stageId,
    priority: PRIORITIES[(h >>> 16) % PRIORITIES.length],
    ownerId: OWNERS[(h >>> 20) % OWNERS.length],
    category: (h >>> 24) % 3 === 0 ? 'Shipping' : null,
    source: 'email',
    contactEmail: contact.email,
    createdAt,
    updatedAt,
    closedAt: stageId === 'closed' ? updatedAt : null,
    properties: {},
    rev: 1 + (h % 4),
  };
  const conversation = {
    id: `gmail:${ME}:${threadId}-${n}`,
    provider: 'gmail',
    account: ME,
    threadId: `${threadId}-${n}`,
    subject: name.startsWith('Zwrot') || name.startsWith('Pytanie') ? `Re: ${name}` : `Re: ${name.toLowerCase()}`,
    url: `https://mail.google.com/mail/u/0/#inbox/${threadId}-${n}`,
    contactEmail: contact.email,
    participants: [{ email: contact.email, name: contact.name }],
    messageCount: 1 + (h % 6),
    lastMessageAt: updatedAt,
    ownerId: ticket.ownerId,
    state: stageId === 'closed' ? 'closed' : 'open',
    ticketId: id,
    firstSeenAt: createdAt,
    lastSeenAt: updatedAt,
    rev: 1,
  };
  return { ticket, conversation, contact, timeline: timelineOf(ticket, conversation) };
}

/** What the desk's timeline holds for ticket `n` as the desk writes it: the conversation seen, the
 * ticket created from it and the conversation linked; a closed ticket's stage change, and its
 * conversation closed by the cascade. An export carries these, so an import writes them. */
function timelineOf(ticket, conversation) {
  const entry = (k, at, fields) => ({
    id: `${ticket.id}-e${k}`,
    at,
    actor: ME,
    requestId: `${ticket.id}-r${k < 3 ? k : 3}`,
    ticketId: null,
    conversationId: null,
    contactEmail: null,
    rule: null,
    seq: 0,
    ...fields,
  });
  const created = ticket.createdAt;
  const entries = [
    entry(0, created, { conversationId: conversation.id, field: 'created', from: null, to: conversation.subject }),
    entry(1, created, { ticketId: ticket.id, field: 'created', from: null, to: ticket.name }),
    entry(2, created, { conversationId: conversation.id, field: 'ticketId', from: null, to: ticket.id, seq: 1 }),
  ];
  if (ticket.stageId === 'closed')
    entries.push(
      entry(3, ticket.updatedAt, { ticketId: ticket.id, field: 'stageId', from: 'new', to: 'closed' }),
      entry(4, ticket.updatedAt, {
        conversationId: conversation.id,
        field: 'state',
        from: 'open',
        to: 'closed',
        rule: 'close-ticket-closes-conversations',
        seq: 1,
      }),
    );
  return entries;
}

/** The settings the seeded desk has: the default pipeline, and a team the owners come from. */
export function teamOf() {
  return [ME, ...TEAM].map((email) => ({ id: email, name: email.split('@')[0], email }));
}
