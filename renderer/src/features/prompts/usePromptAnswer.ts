import { useCallback, useState } from 'react';
import type { PromptAnswer } from '../../../../shared/contract';
import { errorShapeOf, useCommands } from '../../api';
import { useLabStore } from '../../store';

/**
 * Sends an answer and drops the prompt locally at once; the engine's prompt.closed follows anyway,
 * and a stale prompt (e.g. timed out engine-side) must not trap the user in a dialog.
 */
export function usePromptAnswer() {
  const commands = useCommands();
  const [sending, setSending] = useState(false);
  const answer = useCallback(
    async (a: PromptAnswer) => {
      setSending(true);
      try {
        await commands.session.answerPrompt(a);
      } catch (err) {
        useLabStore
          .getState()
          .notify({ severity: 'error', message: 'Could not send your answer', error: errorShapeOf(err) });
      } finally {
        setSending(false);
        useLabStore.getState().closePrompt(a.promptId);
      }
    },
    [commands],
  );
  return { answer, sending };
}
