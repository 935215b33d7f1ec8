/**
 * The queue consumer (manifest.yml: consumer `script-runs-consumer`). Forge
 * invokes it with each AsyncEvent. An error the engine could not handle
 * asks Forge for a retry (the same event, so the stored chunk is applied
 * again, idempotently); after MAX_ATTEMPTS the run ends as failed. Should
 * Forge's retries run out first (a crash or time-out on the last one), or
 * the failure not be storable, the run's readers end it once it has
 * stalled (src/storage/runs/stalled.ts).
 */
import { AsyncEvent, InvocationError, InvocationErrorCode } from '@forge/events';
import { consumeRunEvent, failRun } from './engine';
import { reasonOf } from './chunk';
import { isRunEventBody } from './run-queue';

const MAX_ATTEMPTS = 3;
const RETRY_AFTER_SECONDS = 10;

export async function scriptRunConsumer(event: AsyncEvent): Promise<InvocationError | undefined> {
  if (!isRunEventBody(event.body)) return undefined;
  try {
    await consumeRunEvent(event.body, event.eventId);
    return undefined;
  } catch (error) {
    const attempt = (event.retryContext?.retryCount ?? 0) + 1;
    if (attempt >= MAX_ATTEMPTS) {
      try {
        await failRun(event.body.runId, `The run failed ${attempt} times in a row: ${reasonOf(error)}`);
        return undefined;
      } catch (failError) {
        // The outcome could not be stored (failRun already retried rate limits): let Forge try once more
        // while it still retries; after that the readers end the run as stalled (src/storage/runs/stalled.ts).
        console.error('Could not record the failed run; asking Forge to retry', failError);
      }
    }
    console.error('Script run chunk failed; asking Forge to retry', error);
    return new InvocationError({
      retryAfter: RETRY_AFTER_SECONDS,
      retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
    });
  }
}
