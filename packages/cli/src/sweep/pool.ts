/**
 * Runs the scenarios of a sweep over `workers` computing threads: this thread and `workers - 1`
 * worker threads (`node:worker_threads`), each worker with at most `IN_FLIGHT` scenarios in
 * hand. This thread computes too: it would otherwise only wait for messages, and a worker thread
 * costs a start of its own (loading the code, decoding the data, computing the reference), so
 * that N threads of which one waits are slower than N that all compute. Between two scenarios
 * of its own this thread hands out work and takes in what the workers send. Outcomes are
 * handed on in input order, whatever order they are finished in: an outcome that arrives early
 * waits until those before it are there.
 */
import { Worker } from 'node:worker_threads';
import { computeScenario, sweepContext, type SweepOutcome, type SweepSetup, type SweepTask } from './compute.js';

/** How many scenarios a worker holds at once: one being computed, the others waiting. */
const IN_FLIGHT = 3;

type Message = { ready: true } | { nummer: number; outcome: SweepOutcome } | { nummer?: number; internal: string };

/** Lets the event loop run: messages from the workers are taken in. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Computes every task; `onOutcome` is called once per task, in the order of `tasks`;
 * `onProgress` after each outcome with how many are done.
 */
export async function runSweep(
  tasks: readonly SweepTask[],
  setup: SweepSetup,
  workers: number,
  onOutcome: (outcome: SweepOutcome, index: number) => void,
  onProgress: (done: number) => void = () => {},
): Promise<void> {
  const ctx = sweepContext(setup);
  if (workers <= 1 || tasks.length <= 1) {
    tasks.forEach((t, i) => {
      onOutcome(computeScenario(ctx, t), i);
      onProgress(i + 1);
    });
    return;
  }
  const count = Math.min(workers, tasks.length) - 1;
  const waiting = new Map<number, SweepOutcome>();
  const indexOf = new Map(tasks.map((t, i) => [t.nummer, i]));
  let next = 0; // the next task to hand out, to a worker or to this thread
  let flushed = 0; // outcomes handed on, in order
  let done = 0;
  let failure: { error: unknown } | null = null;
  // This thread, waiting for the workers' last outcomes: woken by each message, failure or exit.
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const f = wake;
    wake = null;
    f?.();
  };
  const pool: Worker[] = [];
  const settle = (index: number, outcome: SweepOutcome): void => {
    waiting.set(index, outcome);
    done++;
    while (waiting.has(flushed)) {
      const o = waiting.get(flushed)!;
      waiting.delete(flushed);
      onOutcome(o, flushed++);
    }
    onProgress(done);
  };
  const fail = (error: unknown): void => {
    failure ??= { error };
    notify();
  };
  const send = (w: Worker): void => {
    if (next < tasks.length) w.postMessage(tasks[next++]);
  };
  const receive = (w: Worker, m: Message): void => {
    if ('internal' in m) return fail(new Error(`een rekenthread faalde: ${m.internal}`));
    if ('ready' in m) {
      for (let i = 0; i < IN_FLIGHT; i++) send(w);
      return;
    }
    settle(indexOf.get(m.nummer)!, m.outcome);
    send(w);
    notify();
  };
  try {
    for (let k = 0; k < count; k++) {
      const w = new Worker(new URL('./worker.cjs', import.meta.url), { workerData: setup });
      pool.push(w);
      w.on('message', (m: Message) => {
        try {
          receive(w, m);
        } catch (e) {
          fail(e);
        }
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (flushed < tasks.length) fail(new Error(`een rekenthread stopte onverwacht (code ${code})`));
      });
    }
    // This thread takes the next task whenever it is free; a worker takes the next when it reports.
    while (flushed < tasks.length && failure === null) {
      if (next < tasks.length) {
        const i = next++;
        settle(i, computeScenario(ctx, tasks[i]!));
        await turn();
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
    const failed = failure as { error: unknown } | null;
    if (failed !== null) throw failed.error;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
