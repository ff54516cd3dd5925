// How a bench line reads: median, spread and n of each sample, the ratio of two medians taken in
// the same run, and whether the goal is met.
import { availableParallelism, loadavg } from 'node:os';
import { median } from '../scripts/browser.mjs';

const ms = (x) => `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en')} ms`;

/** The value at fraction `p` of the sorted sample, interpolated. */
export function quantile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * p;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
}

/** "median 12.3 ms (IQR 11.0–14.2, min–max 10.1–30.5, n 15)" */
export function describe(xs) {
  const spread = `IQR ${ms(quantile(xs, 0.25))}–${ms(quantile(xs, 0.75))}, min–max ${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
  return `median ${ms(median(xs))} (${spread}, n ${xs.length})`;
}

/** A ratio as it reads beside its goal: a third decimal where two would round onto the goal. */
export const times = (ratio, goal) => `${ratio.toFixed(Math.abs(ratio - goal) < 0.005 ? 3 : 2)}×`;

/** A ratio of medians against its goal, and any absolute goal on the larger figure. */
export function verdict(xs, base, { ratio, ceiling }) {
  const r = median(xs) / median(base);
  const failed = [...(r <= ratio ? [] : ['the ratio']), ...(ceiling === undefined || median(xs) <= ceiling ? [] : ['the median'])];
  const goal = [`≤ ${ratio}×`, ...(ceiling === undefined ? [] : [`median ≤ ${ceiling} ms`])].join(' and ');
  return {
    ratio: r,
    met: failed.length === 0,
    text: `${times(r, ratio)} (goal ${goal}): ${failed.length ? `NOT met (${failed.join(', ')})` : 'met'}`,
  };
}

export { median, ms };

/** How busy the machine was: a bench on a shared machine reads its figures against this. */
export function machineLoad() {
  const [one] = loadavg();
  return `${one.toFixed(1)} (1-minute load average) on ${availableParallelism()} cores`;
}
