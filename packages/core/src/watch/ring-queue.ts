/**
 * A FIFO on a power-of-two ring that grows on demand. Array#shift is O(n) and
 * a preallocated buffer per subscriber would cost bufferSize slots for each of
 * thousands of mostly idle watchers, so the ring starts small and doubles.
 * Callers enforce their own bound with `length`.
 */
export class RingQueue<V> {
  #slots: (V | undefined)[] = new Array<V | undefined>(8);
  #head = 0;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(value: V): void {
    if (this.#length === this.#slots.length) this.#grow();
    this.#slots[(this.#head + this.#length) & (this.#slots.length - 1)] = value;
    this.#length++;
  }

  shift(): V | undefined {
    if (this.#length === 0) return undefined;
    const value = this.#slots[this.#head];
    // Clear the slot so the queue never keeps a consumed item alive.
    this.#slots[this.#head] = undefined;
    this.#head = (this.#head + 1) & (this.#slots.length - 1);
    this.#length--;
    return value;
  }

  /** Drops everything and returns the storage to its initial size. */
  clear(): void {
    this.#slots = new Array<V | undefined>(8);
    this.#head = 0;
    this.#length = 0;
  }

  #grow(): void {
    const old = this.#slots;
    const next = new Array<V | undefined>(old.length * 2);
    for (let i = 0; i < this.#length; i++) next[i] = old[(this.#head + i) & (old.length - 1)];
    this.#slots = next;
    this.#head = 0;
  }
}
