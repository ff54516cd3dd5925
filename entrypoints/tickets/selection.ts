/**
 * Which tickets the agent has selected for a bulk action, and where a Shift-click range starts.
 * `all` is set when the agent chose "select all matching": the ids are then every match read.
 */
export interface Selection {
  ids: ReadonlySet<string>;
  anchor: string | null;
}

export const NO_SELECTION: Selection = { ids: new Set(), anchor: null };

/**
 * A click (or `x`) on `id`: toggles it, or with Shift sets every row from the anchor to it (in the
 * order shown) to what `id` becomes. The anchor moves to `id`, as in a file manager.
 */
export function toggle(selection: Selection, id: string, shown: readonly string[], range: boolean): Selection {
  const ids = new Set(selection.ids);
  const on = !ids.has(id);
  const from = selection.anchor === null ? -1 : shown.indexOf(selection.anchor);
  const to = shown.indexOf(id);
  if (range && from >= 0 && to >= 0) {
    const [a, b] = from < to ? [from, to] : [to, from];
    for (const each of shown.slice(a, b + 1)) {
      if (on) ids.add(each);
      else ids.delete(each);
    }
  } else if (on) ids.add(id);
  else ids.delete(id);
  return { ids, anchor: id };
}

/** Every row shown selected, or none if they all were. */
export function toggleAll(selection: Selection, shown: readonly string[]): Selection {
  const all = shown.length > 0 && shown.every((id) => selection.ids.has(id));
  const ids = new Set(selection.ids);
  for (const id of shown) {
    if (all) ids.delete(id);
    else ids.add(id);
  }
  return { ids, anchor: selection.anchor };
}

/** The row after (+1) or before (-1) `current` in the order shown; the first row when none is. */
export function step(shown: readonly string[], current: string | null, by: 1 | -1): string | null {
  if (shown.length === 0) return null;
  const i = current === null ? -1 : shown.indexOf(current);
  if (i < 0) return shown[0]!;
  return shown[Math.min(shown.length - 1, Math.max(0, i + by))]!;
}
