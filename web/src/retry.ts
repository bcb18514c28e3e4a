// For screens nobody watches over (the hall's big board): keep trying, waiting longer after each failure, up to 10 s.

export function retryDelay(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** attempt);
}

const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** Runs the operation until it succeeds, telling onFailure about each failed attempt before waiting. */
export async function retryUntilDone<T>(
  operation: () => Promise<T>,
  onFailure: (error: unknown) => void | Promise<void>,
  wait: (milliseconds: number) => Promise<void> = sleep,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      await onFailure(error);
      await wait(retryDelay(attempt));
    }
  }
}

/**
 * Wraps an operation so that overlapping requests never run it twice at once, yet every request is followed by a run
 * that started after it: a request made while a run is under way queues exactly one more run.
 */
export function rerunOnRequest(operation: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let requestedAgain = false;
  const runUntilSettled = async () => {
    do {
      requestedAgain = false;
      await operation();
    } while (requestedAgain);
  };
  return () => {
    if (running) {
      requestedAgain = true;
      return running;
    }
    running = runUntilSettled().finally(() => { running = undefined; });
    return running;
  };
}
