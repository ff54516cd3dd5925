import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';

/** A new pipeline by name; it starts with a New and a Closed stage, to be shaped from there. */
export function AddPipelineForm({ onAdd }: { onAdd: (label: string) => Promise<boolean> }) {
  const t = useT();
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="inline-form"
      aria-labelledby="add-pipeline-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const clean = label.trim();
        if (!clean) return setError(t('optNameNeeded'));
        setError('');
        setBusy(true);
        const added = await onAdd(clean);
        setBusy(false);
        if (!added) return;
        setLabel('');
        form.querySelector<HTMLInputElement>('input')?.focus();
      }}
    >
      <h3 id="add-pipeline-title" class="subheading">
        {t('optAddPipeline')}
      </h3>
      <p class="hint">{t('optAddPipelineHint')}</p>
      <div class="inline-form__fields">
        <label class="field">
          <span>{t('optPipelineName')}</span>
          <input
            value={label}
            maxLength={200}
            autoComplete="off"
            aria-invalid={!!error}
            aria-describedby={error ? 'add-pipeline-error' : undefined}
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('optAdd')}
        </button>
      </div>
      <p id="add-pipeline-error" class="form-error" role="alert">
        {error}
      </p>
    </form>
  );
}
