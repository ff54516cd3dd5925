import { useT } from '@/components/common/i18n';

/** A supported page the reader could not make sense of. */
export function Unreadable({ provider, reason }: { provider: string; reason: string }) {
  const t = useT();
  return (
    <section class="card notice" role="alert">
      <h2 class="section-title">{t('unreadableTitle', [provider])}</h2>
      <p>{reason}</p>
      <p class="muted">{t('unreadableStillWorks')}</p>
    </section>
  );
}

/** A webmail page with no conversation open. */
export function NothingOpen() {
  const t = useT();
  return (
    <section class="card empty-state">
      <p>{t('nothingOpen')}</p>
    </section>
  );
}
