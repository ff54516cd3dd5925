/**
 * An error as one short sentence an agent can read: the first line of its message, capped. A
 * schema failure (whose message is a JSON list of issues) or an empty message reads as `fallback`;
 * the whole error belongs in the console, where the caller logs it.
 */
export function plainMessage(error: unknown, fallback: string): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const line = text.split('\n')[0]!.trim();
  if (!line || /^[[{]/.test(line) || (error as { name?: string } | null)?.name === 'ZodError') return fallback;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
