/**
 * The last line of defence for a long-running LabDeck process (web host, desktop shell): an error
 * nobody caught is logged and the process keeps serving. Every known path already answers 400 or
 * closes on bad input; this only keeps an unknown one from taking running jobs down with it.
 */
export function installLastResort(log: (line: string) => void = (l) => console.error(l)): () => void {
  const onError = (err: unknown) =>
    log(`LabDeck: an unexpected error was caught and the app keeps running: ${describe(err)}`);
  const onRejection = (reason: unknown) =>
    log(`LabDeck: an unhandled promise rejection was caught: ${describe(reason)}`);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onRejection);
  };
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
