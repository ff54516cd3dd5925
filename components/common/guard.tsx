import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { plainMessage } from '@/domain/zod-free/plain-message';
import { useT } from './i18n';

/** What a page shows when it cannot go on (its database could not be read, a bug): what
 * happened, that stored tickets are untouched, and a way to try again. */
export function Guard({ children }: { children: ComponentChildren }) {
  const t = useT();
  const [error] = useErrorBoundary((e) => console.error('Sidedesk page failed', e));
  if (!error) return <>{children}</>;
  return (
    <main class="panel">
      <section class="card notice" role="alert">
        <h2 class="section-title">{t('pageFailedTitle')}</h2>
        <p>{plainMessage(error, t('pageFailedUnknown'))}</p>
        <p class="muted">{t('pageFailedSafe')}</p>
        <button type="button" onClick={() => location.reload()}>
          {t('reload')}
        </button>
      </section>
    </main>
  );
}
