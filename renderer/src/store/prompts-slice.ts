import type { StateCreator } from 'zustand';
import type { Prompt } from '../../../shared/contract';
import type { LabState } from './lab-state';

export type PromptsSlice = {
  /** Open questions from the engine, oldest first; the UI answers them one at a time. */
  prompts: Prompt[];
  openPrompt: (prompt: Prompt) => void;
  closePrompt: (promptId: string) => void;
};

export const createPromptsSlice: StateCreator<LabState, [], [], PromptsSlice> = (set) => ({
  prompts: [],
  openPrompt: (prompt) =>
    set((s) => ({
      // A re-sent prompt (e.g. after a reconnect) replaces the old copy instead of queueing twice.
      prompts: [...s.prompts.filter((p) => p.promptId !== prompt.promptId), prompt],
    })),
  closePrompt: (promptId) => set((s) => ({ prompts: s.prompts.filter((p) => p.promptId !== promptId) })),
});
