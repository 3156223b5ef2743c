/**
 * Writes text to a stream with backpressure: write() resolves once the stream can take more.
 * A closed pipe (EPIPE, e.g. `wirecoder code ... | head`) is remembered rather than thrown, so the
 * caller can stop quietly; other stream errors are kept for the caller to report.
 */
import type { Writable } from 'node:stream';

export class Sink {
  private failure: Error | null = null;
  private readonly stream: Writable;

  constructor(stream: Writable) {
    this.stream = stream;
    stream.on('error', (err: Error) => {
      this.failure ??= err;
    });
  }

  /** True once the reader went away (EPIPE) or the stream failed. */
  get closed(): boolean {
    return this.failure !== null || this.stream.destroyed;
  }

  /** The stream error, unless it was only a closed pipe. */
  get error(): Error | null {
    if (this.failure === null) return null;
    return (this.failure as NodeJS.ErrnoException).code === 'EPIPE' ? null : this.failure;
  }

  async write(text: string): Promise<void> {
    if (text === '' || this.closed) return;
    if (this.stream.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }

  /** Ends the stream (not for process.stdout/stderr) and waits until it is flushed. */
  async end(): Promise<void> {
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      this.stream.once('error', () => resolve());
      this.stream.end(() => resolve());
    });
  }
}
