// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { ContactSection, type EarlierConversation } from '@/components/common/contact-section';
import type { Conversation } from '@/domain';
import { english } from '@/test/support/translate';

const item = (subject: string, relation: EarlierConversation['relation'], date: number, account = 'agent@b.pl'): EarlierConversation => ({
  conversation: { id: `gmail:${account}:${subject}`, subject, account } as Conversation,
  stage: null,
  date,
  relation,
});

describe('the contact’s other conversations', () => {
  it('says which are earlier than the open one, which came later, and which is this thread in another account', () => {
    const root = document.createElement('div');
    const year = new Date().getFullYear();
    act(() =>
      render(
        <I18nProvider value={english}>
          <ContactSection
            contact={{ email: 'anna@klient.pl', name: 'Anna', companyDomain: 'klient.pl', followed: false }}
            earlier={[
              item('Same', 'same-thread', Date.UTC(year, 9, 20), 'support@b.pl'),
              item('Newer', 'later', Date.UTC(year, 9, 21)),
              item('Older', 'earlier', Date.UTC(year, 8, 2)),
            ]}
            onFollow={() => undefined}
            onOpen={() => undefined}
          />
        </I18nProvider>,
        root,
      ),
    );
    expect(root.querySelector('h3')?.textContent).toBe('Other conversations (3)');
    const rows = [...root.querySelectorAll('.earlier li')].map((li) => li.textContent);
    expect(rows[0]).toContain('This thread, seen from support@b.pl');
    expect(rows[1]).toContain('Later than this one');
    expect(rows[2]).toBe('Earlier than this conversation');
    expect(rows[3]).toMatch(/^OlderNo ticket/);
    expect(root.querySelectorAll('time')[2]?.getAttribute('datetime')).toBe(new Date(Date.UTC(year, 8, 2)).toISOString());
  });

  it('says plainly when the address hides invisible characters', () => {
    const root = document.createElement('div');
    const show = (email: string) =>
      act(() =>
        render(
          <I18nProvider value={english}>
            <ContactSection
              contact={{ email, name: 'PayPal', companyDomain: null, followed: false }}
              earlier={[]}
              onFollow={() => undefined}
              onOpen={() => undefined}
            />
          </I18nProvider>,
          root,
        ),
      );
    show('pay⟨u+00ad⟩pal@bank.example');
    expect(root.querySelector('[role=note]')?.textContent).toContain('hides invisible characters');
    show('paypal@bank.example');
    expect(root.querySelector('[role=note]')).toBeNull();
  });
});
