// How many of one kind of work run at once: the tasks of a batch (`concurrency`), its downloads, its cache saves.
// Each kind has its own limit, so a clip that is downloading or being saved holds no task slot.

export class Limiter {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(readonly limit: number) {}

  /** Waits for a free place and takes it; the function returned gives it back (calling it again does nothing). */
  async acquire(): Promise<() => void> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.running++
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      // The place passes straight to the next in line, so no one can take it in between.
      if (next) next()
      else this.running--
    }
  }

  /** Runs `work` once a place is free, and frees the place when it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await work()
    } finally {
      release()
    }
  }
}
