/**
 * @forge/events shim for the local sandbox.
 *
 * `Queue` is the real @forge/events class (same validation of queue keys, event shapes, the 50-event
 * and 200 KB limits, same errors) constructed with an in-process transport instead of Forge's HTTP
 * client, so `new Queue({ key }).push(events)`, `getJob(jobId).getStats()` and `cancel()` behave as
 * in Forge while the events go to a {@link QueueBroker} (the sandbox runtime), which invokes the
 * manifest's `consumer` modules asynchronously, at least once.
 *
 * `InvocationError`, `InvocationErrorCode` and the error classes are the real ones.
 */
import * as realEvents from '@forge/events';
import { Queue } from '@forge/events';
import { SandboxResponse } from './response';

export interface PushedEvent {
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
}

export interface JobStats {
  success: number;
  inProgress: number;
  failed: number;
}

/** What the sandbox runtime provides to the queue shim. */
export interface QueueBroker {
  push(queueName: string, jobId: string, events: PushedEvent[]): void;
  stats(queueName: string, jobId: string): JobStats | undefined;
  cancel(queueName: string, jobId: string): boolean;
}

type FetchLike = (path: string, init?: { body?: unknown }) => Promise<SandboxResponse>;

/** The transport the real Queue/JobProgress call (`/webhook/queue/{publish,stats,cancel}/…`). */
export function queueTransport(broker: QueueBroker): FetchLike {
  return async (path, init) => {
    let req: Record<string, unknown>;
    try {
      req = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    } catch {
      return SandboxResponse.json(400, { message: 'invalid JSON' });
    }
    const queueName = String(req.queueName ?? '');
    const jobId = String(req.jobId ?? '');
    if (path.startsWith('/webhook/queue/publish/')) {
      broker.push(queueName, jobId, (Array.isArray(req.payload) ? req.payload : []) as PushedEvent[]);
      return SandboxResponse.json(201, {});
    }
    if (path.startsWith('/webhook/queue/stats/')) {
      const stats = broker.stats(queueName, jobId);
      return stats ? SandboxResponse.json(200, stats) : SandboxResponse.json(404, { message: 'job not found' });
    }
    if (path.startsWith('/webhook/queue/cancel/')) {
      return broker.cancel(queueName, jobId) ? new SandboxResponse(204, undefined) : SandboxResponse.json(404, { message: 'job not found' });
    }
    return SandboxResponse.json(404, { message: `unknown queue operation ${path}` });
  };
}

/** A `Queue` class bound to `broker`, with the real class's constructor signature. */
export function createQueueClass(broker: QueueBroker): typeof Queue {
  const transport = queueTransport(broker) as unknown as ConstructorParameters<typeof Queue>[1];
  return class SandboxQueue<T extends realEvents.PushEvent['body'] = realEvents.PushEvent['body']> extends Queue<T> {
    constructor(params: ConstructorParameters<typeof Queue>[0], apiClient = transport) {
      super(params, apiClient);
    }
  } as typeof Queue;
}

/** The object app code gets for `import … from '@forge/events'`. */
export function createEventsModule(broker: QueueBroker): Record<string, unknown> {
  return {
    ...(realEvents as Record<string, unknown>),
    __esModule: true,
    Queue: createQueueClass(broker),
    appEvents: {
      publish: async () => {
        throw new Error('appEvents is not emulated in the PHI Guard sandbox');
      },
    },
  };
}
