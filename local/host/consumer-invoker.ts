/**
 * Runs a queue's consumer function as Forge does for each async event: one
 * invocation per event, the function's `timeoutSeconds` as its time limit,
 * `(event, context)` as its arguments (@forge/events 2.x+ `AsyncEvent`; the
 * context's fields beyond the installation are a guess), and its answer
 * read as the platform reads it: an `InvocationError`
 * (`{_retry: true, retryOptions}`) asks for a retry.
 *
 * Tests can plan a fault for the next consumer invocation: it crashes or
 * times out right after its n-th matching platform call has been made, so
 * that call's effect stands but its answer never arrives (local/platform
 * freezes a dead invocation's calls).
 */
import type { DeliveredEvent, DeliveryOutcome } from '../events';
import {
  AppIdentity,
  installContextOf,
  Invocation,
  InvocationCrashedError,
  InvocationEnd,
  InvocationTimeoutError,
  runInvocation,
} from '../platform';
import type { ForgeHandler } from './app-loader';
import type { ConsumerModule } from './manifest';

/** A planned fault: end the next consumer invocation after `afterCalls` platform calls that `match`. */
export interface ConsumerFault {
  afterCalls: number;
  match?: (call: { kind: string; label: string }) => boolean;
  /** 'crash' (the process dies) or 'timeout' (the platform's time limit), default 'crash'. */
  as?: InvocationEnd;
  /** Only for this queue; any queue by default. */
  queue?: string;
}

export interface ConsumerRunResult {
  outcome: DeliveryOutcome;
  invocation?: Invocation;
}

interface RetryAnswer {
  _retry: true;
  retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown };
}

const isRetryAnswer = (value: unknown): value is RetryAnswer =>
  typeof value === 'object' && value !== null && (value as { _retry?: unknown })._retry === true;

export class ConsumerInvoker {
  private readonly faults: ConsumerFault[] = [];

  constructor(
    private readonly app: AppIdentity,
    private readonly consumers: readonly ConsumerModule[],
    private readonly handlers: () => Record<string, ForgeHandler>,
    private readonly timeoutSecondsOf: (functionKey: string) => number,
    private readonly timeLimitOverrideMs?: number,
  ) {}

  planFault(fault: ConsumerFault): void {
    this.faults.push(fault);
  }

  async run(event: DeliveredEvent, chain: number): Promise<ConsumerRunResult> {
    const consumer = this.consumers.find((c) => c.queue === event.queueName);
    if (!consumer) return { outcome: { kind: 'error', message: `No consumer for queue ${event.queueName}` } };
    const handler = this.handlers()[consumer.functionKey];
    if (!handler) return { outcome: { kind: 'error', message: `No handler for function ${consumer.functionKey}` } };
    const faultIndex = this.faults.findIndex((f) => !f.queue || f.queue === event.queueName);
    const fault = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0] : undefined;
    let invocation: Invocation | undefined;
    try {
      const { result } = await runInvocation(
        {
          kind: 'consumer',
          moduleKey: consumer.key,
          functionKey: consumer.functionKey,
          timeLimitMs: this.timeLimitOverrideMs ?? this.timeoutSecondsOf(consumer.functionKey) * 1000,
          eventChain: chain,
        },
        async (started) => {
          invocation = started;
          if (fault) armFault(started, fault);
          return handler(event, {
            installContext: installContextOf(this.app),
            installation: { id: this.app.installationId },
          });
        },
      );
      if (isRetryAnswer(result)) {
        return {
          invocation,
          outcome: {
            kind: 'retry',
            retryAfterSeconds: Math.max(1, result.retryOptions?.retryAfter ?? 1),
            retryReason: result.retryOptions?.retryReason ?? 'FUNCTION_RETRY_REQUEST',
            retryData: result.retryOptions?.retryData,
          },
        };
      }
      return { invocation, outcome: { kind: 'ok' } };
    } catch (error) {
      if (error instanceof InvocationTimeoutError) {
        return { invocation: error.invocation, outcome: { kind: 'ended', retryReason: 'FUNCTION_TIME_OUT' } };
      }
      if (error instanceof InvocationCrashedError) {
        return {
          invocation: error.invocation,
          outcome: { kind: 'ended', retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' },
        };
      }
      return { invocation, outcome: { kind: 'error', message: (error as Error).message } };
    }
  }
}

function armFault(invocation: Invocation, fault: ConsumerFault): void {
  let seen = 0;
  invocation.afterCall = (call) => {
    if (fault.match && !fault.match(call)) return;
    seen += 1;
    if (seen >= fault.afterCalls) invocation.end(fault.as ?? 'crash');
  };
}
