/** The smallest whole number of GB that holds `bytes` (what to type in the storage grammar). */
export const wholeGbAtLeast = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1e9));
