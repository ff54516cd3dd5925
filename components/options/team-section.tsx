import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { InlineText } from '@/components/common/inline-text';
import { Email, isActive, type Owner } from '@/domain';

export interface TeamSectionProps {
  team: readonly Owner[];
  /** The member marked as "me" in this browser, or null. */
  me: string | null;
  /** The member being deactivated, and what is shown under them meanwhile (their open tickets). */
  leaving: { memberId: string; panel: ComponentChildren } | null;
  onAdd: (name: string, email: string) => Promise<boolean>;
  onRename: (member: Owner, name: string) => void;
  onSetMe: (member: Owner | null) => void;
  onDeactivate: (member: Owner) => void;
  onReactivate: (member: Owner) => void;
}

/** The team: who is on it, who is "me" here, who left (kept for the history); add, rename, deactivate. */
export function TeamSection({ team, me, leaving, onAdd, onRename, onSetMe, onDeactivate, onReactivate }: TeamSectionProps) {
  const t = useT();
  return (
    <>
      <p class="hint">{me ? t('optMeChosen') : t('optMeNone')}</p>
      {team.length === 0 ? (
        <p class="muted">{t('optTeamEmpty')}</p>
      ) : (
        <table class="options-table team-table">
          <thead>
            <tr>
              <th scope="col">{t('optMemberName')}</th>
              <th scope="col">{t('optAddress')}</th>
              <th scope="col">{t('optStatus')}</th>
              <th scope="col">
                <span class="sr-only">{t('optActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {team.map((m) => {
              const active = isActive(m);
              const name = m.name || m.email;
              return (
                <Fragment key={m.id}>
                  <tr data-member={m.id} data-active={String(active)}>
                    <td>
                      <InlineText value={m.name} placeholder={m.email} label={t('optMemberName')} onSave={(next) => onRename(m, next)} />
                    </td>
                    <td class="address">{m.email}</td>
                    <td>
                      <span class="tag" data-tone={active ? 'active' : 'inactive'}>
                        {active ? t('optActive') : t('optInactive')}
                      </span>
                      {me === m.id && <span class="tag tag--me">{t('optMeHere')}</span>}
                    </td>
                    <td class="row-actions">
                      {active && me === m.id && (
                        <button type="button" onClick={() => onSetMe(null)}>
                          {t('optNotMe')}
                          <span class="sr-only"> ({name})</span>
                        </button>
                      )}
                      {active && me !== m.id && (
                        <button type="button" onClick={() => onSetMe(m)}>
                          {t('optThisIsMe')}
                          <span class="sr-only"> ({name})</span>
                        </button>
                      )}
                      {active ? (
                        <button type="button" aria-expanded={leaving?.memberId === m.id} onClick={() => onDeactivate(m)}>
                          {t('optDeactivate')}
                          <span class="sr-only"> ({name})</span>
                        </button>
                      ) : (
                        <button type="button" onClick={() => onReactivate(m)}>
                          {t('optReactivate')}
                          <span class="sr-only"> ({name})</span>
                        </button>
                      )}
                    </td>
                  </tr>
                  {leaving?.memberId === m.id && (
                    <tr class="subrow">
                      <td colSpan={4}>{leaving.panel}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <AddMemberForm team={team} onAdd={onAdd} />
    </>
  );
}

/** A colleague added by hand: a name, and an address (the address is also their id). */
function AddMemberForm({ team, onAdd }: { team: readonly Owner[]; onAdd: (name: string, email: string) => Promise<boolean> }) {
  const t = useT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<{ field: 'name' | 'email'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (form: HTMLFormElement) => {
    const cleanName = name.trim();
    const address = email.trim().toLowerCase();
    if (!cleanName) return setError({ field: 'name', text: t('optNameNeeded') });
    if (!Email.safeParse(address).success) return setError({ field: 'email', text: t('optAddressInvalid') });
    if (team.some((m) => m.email === address || m.id === address)) return setError({ field: 'email', text: t('optAddressTaken') });
    setError(null);
    setBusy(true);
    const added = await onAdd(cleanName, address);
    setBusy(false);
    if (!added) return;
    setName('');
    setEmail('');
    form.querySelector<HTMLInputElement>('input')?.focus();
  };
  return (
    <form
      class="inline-form"
      aria-labelledby="add-member-title"
      noValidate
      onSubmit={(e) => (e.preventDefault(), void submit(e.currentTarget))}
    >
      <h3 id="add-member-title" class="subheading">
        {t('optAddMember')}
      </h3>
      <div class="inline-form__fields">
        <label class="field">
          <span>{t('optMemberName')}</span>
          <input
            value={name}
            maxLength={200}
            autoComplete="off"
            aria-invalid={error?.field === 'name'}
            aria-describedby={error?.field === 'name' ? 'add-member-error' : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('optAddress')}</span>
          <input
            type="email"
            value={email}
            maxLength={254}
            autoComplete="off"
            aria-invalid={error?.field === 'email'}
            aria-describedby={error?.field === 'email' ? 'add-member-error' : undefined}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {t('optAdd')}
        </button>
      </div>
      <p id="add-member-error" class="form-error" role="alert">
        {error?.text ?? ''}
      </p>
    </form>
  );
}
