import type { RequestOf } from '../../../../shared/contract';
import type { LabDeckClient } from '../client';

/** The engine's side of the session: questions it asks (prompts), its audit log, its own facts. */
export const sessionCommands = (client: LabDeckClient) => ({
  info: () => client.invoke('app.info'),
  pendingPrompts: () => client.invoke('prompts.pending'),
  answerPrompt: (answer: RequestOf<'prompts.answer'>) => client.invoke('prompts.answer', answer),
  audit: (filter: RequestOf<'audit.list'> = {}) => client.invoke('audit.list', filter),
});
