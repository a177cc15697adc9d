import { selectActivePrompt, useLabStore } from '../../store';
import { HostKeyDialog } from './HostKeyDialog';
import { SecretDialog } from './SecretDialog';

/** Shows the oldest open prompt; keyed by id so each question starts with a clean dialog. */
export function PromptDialogs() {
  const prompt = useLabStore(selectActivePrompt);
  if (!prompt) return null;
  return prompt.kind === 'hostKey' ? (
    <HostKeyDialog key={prompt.promptId} prompt={prompt} />
  ) : (
    <SecretDialog key={prompt.promptId} prompt={prompt} />
  );
}
