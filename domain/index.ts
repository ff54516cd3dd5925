export * from './badge';
export * from './commands';
export * from './contact';
export * from './conversation';
export * from './zod-free/errors';
export * from './follow-alerts';
export * from './ids';
export * from './zod-free/labels';
export * from './observation';
export * from './properties';
export * from './result';
export * from './rules';
export * from './settings';
export * from './settings-change';
export * from './snapshot';
export * from './text';
export * from './ticket';
export * from './timeline';
export * from './trash';
export { decide, noWrites, type DecideContext, type Decision, type Writes } from './cascade';
export * from './reading';
export * from './refusals';
export * from './search';
export {
  PROVIDERS,
  PROVIDER_IDS,
  WEBMAIL_HOSTS,
  WEBMAIL_MATCHES,
  hostsOf,
  isWebmailUrl,
  matchesOf,
  providerDisplayName,
  providerName,
  providerOfUrl,
} from './zod-free/providers';
export * from './zod-free/stage-label';
export * from './zod-free/stage-tone';
export * from './zod-free/translate';
export * from './zod-free/plain-message';
export type { PlainPipeline, PlainStage } from './zod-free/pipeline-shape';
