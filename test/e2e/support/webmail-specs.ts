import type { Page } from 'playwright-core';

/** How an e2e test drives one provider's app fixture: where it starts, how the user opens the
 * two conversations inside the page, and what must be stored for each. */
export interface WebmailSpec {
  provider: string;
  /** An address with no conversation open. */
  listUrl: string;
  /** Opens conversation `which` the way a user would (a click in the list), from any state. */
  open(page: Page, which: 0 | 1): Promise<void>;
  conversations: [ExpectedConversation, ExpectedConversation];
}

export interface ExpectedConversation {
  id: string;
  subject: string;
  contactEmail: string;
}

export const GMAIL_SPEC: WebmailSpec = {
  provider: 'gmail',
  listUrl: 'https://mail.google.com/mail/u/0/#inbox',
  async open(page, which) {
    if (!page.url().endsWith('#inbox')) await page.evaluate(() => (location.hash = '#inbox'));
    await page.locator('tr.zA').nth(which).click();
  },
  conversations: [
    { id: 'gmail:agent@sidedesk.test:19a367a0e0052e6b', subject: 'Order #4411 did not arrive', contactEmail: 'anna.kowalska@klient.pl' },
    { id: 'gmail:agent@sidedesk.test:199a4cb2200f2a74', subject: 'Refund for #3920', contactEmail: 'jan.nowak@sklep.pl' },
  ],
};

const OUTLOOK_IDS = [
  'AAQkAGE4NmEwMmU2LTViYTctNDhhNi05ZTI3LWI3NzkyZGY5M2Q5NQAQAHa4mE1rT7VHp7bxjH1tU/c=',
  'AAQkAGE4NmEwMmU2LTViYTctNDhhNi05ZTI3LWI3NzkyZGY5M2Q5NQAQAK+3x9fIUkZMu0Jn2rPp0hY=',
];

export const OUTLOOK_SPEC: WebmailSpec = {
  provider: 'outlook',
  listUrl: 'https://outlook.office.com/mail/inbox',
  async open(page, which) {
    await page.locator(`[role="option"][data-convid="${OUTLOOK_IDS[which]}"]`).click();
  },
  conversations: [
    { id: `outlook:agent@sidedesk.test:${OUTLOOK_IDS[0]}`, subject: 'Order #4411 did not arrive', contactEmail: 'anna.kowalska@klient.pl' },
    { id: `outlook:agent@sidedesk.test:${OUTLOOK_IDS[1]}`, subject: 'Refund for #3920', contactEmail: 'jan.nowak@sklep.pl' },
  ],
};

const PROTON_IDS = [
  'rR5RMA5NG38vgvM_R5n-vMm3F3QyBbsisQg0gZzfaMfWl7ywJICVvWmmyqyTbYIuVBfCkhUoiJ2QRkL1VTfxAg==',
  'HuEmS4DiaNwcMm-vwaFzswXmgWQ_xkhaNuDiKdNN4AUiyE78Ov00RMD01qkurOa17PmeOm_L6kogzW5_9XnOmQ==',
];

export const PROTON_SPEC: WebmailSpec = {
  provider: 'proton',
  listUrl: 'https://mail.proton.me/u/0/inbox',
  async open(page, which) {
    await page.locator(`[data-shortcut-target="item-container"][data-element-id="${PROTON_IDS[which]}"]`).click();
  },
  conversations: [
    { id: `proton:agent@sidedesk.test:${PROTON_IDS[0]}`, subject: 'Order #4411 did not arrive', contactEmail: 'anna.kowalska@klient.pl' },
    { id: `proton:agent@sidedesk.test:${PROTON_IDS[1]}`, subject: 'Refund for #3920', contactEmail: 'jan.nowak@sklep.pl' },
  ],
};

export const FASTMAIL_SPEC: WebmailSpec = {
  provider: 'fastmail',
  listUrl: 'https://app.fastmail.com/mail/Inbox/?u=8a1e5f3c',
  async open(page, which) {
    await page.locator('#mailbox a.u-list-link').nth(which).click();
  },
  conversations: [
    {
      id: 'fastmail:agent@sidedesk.test:Ta080be0c6fb5ec5b',
      subject: 'Order #4411 did not arrive',
      contactEmail: 'anna.kowalska@klient.pl',
    },
    { id: 'fastmail:agent@sidedesk.test:Tb3eba5fc644b553b', subject: 'Refund for #3920', contactEmail: 'jan.nowak@sklep.pl' },
  ],
};

export const WEBMAIL_SPECS: WebmailSpec[] = [GMAIL_SPEC, OUTLOOK_SPEC, PROTON_SPEC, FASTMAIL_SPEC];
