// A seeded pseudo-random source for the demo generator: the same seed gives the same sequence on
// every machine and Node version, which Math.random cannot promise.

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded through splitmix32. */
export class Random {
  #a: number
  #b: number
  #c: number
  #d: number

  constructor(seed: number) {
    let state = seed >>> 0
    const splitmix32 = () => {
      state = (state + 0x9e3779b9) >>> 0
      let z = state
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.#a = splitmix32()
    this.#b = splitmix32()
    this.#c = splitmix32()
    this.#d = splitmix32()
    for (let i = 0; i < 12; i++) this.uint32()
  }

  /** A child source whose sequence does not depend on how much of this one is used later. */
  fork(label: number): Random {
    return new Random((this.uint32() ^ Math.imul(label + 1, 0x27d4eb2d)) >>> 0)
  }

  uint32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0
    this.#d = (this.#d + 1) >>> 0
    this.#a = this.#b ^ (this.#b >>> 9)
    this.#b = (this.#c + (this.#c << 3)) >>> 0
    this.#c = (this.#c << 21) | (this.#c >>> 11)
    this.#c = (this.#c + t) >>> 0
    return t
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('Random.pick: no items')
    return item
  }

  /** One of `choices`, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, weight] of choices) total += weight
    let roll = this.next() * total
    for (const [value, weight] of choices) {
      roll -= weight
      if (roll < 0) return value
    }
    const last = choices[choices.length - 1]
    if (last === undefined) throw new Error('Random.weighted: no choices')
    return last[0]
  }

  /** Approximately normal (Irwin–Hall of four uniforms), mean 0, standard deviation 1. */
  gaussian(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3)
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const swap = items[i] as T
      items[i] = items[j] as T
      items[j] = swap
    }
    return items
  }

  digits(count: number): string {
    let out = ''
    for (let i = 0; i < count; i++) out += String(Math.floor(this.next() * 10))
    return out
  }

  /**
   * A UUID version 7 (RFC 9562) for the instant `at`, its random bits from this source. Ids made
   * this way sort by time like the ones Prisma's `uuid(7)` default makes, and repeat with the seed.
   */
  uuidv7(at: Date | number): string {
    const ms = typeof at === 'number' ? at : at.getTime()
    const time = ms.toString(16).padStart(12, '0')
    const a = this.uint32()
    const b = this.uint32()
    const c = this.uint32()
    const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0')
    const randA = (0x7000 | (a & 0x0fff)).toString(16)
    const variant = (0x8000 | ((a >>> 12) & 0x3fff)).toString(16)
    const tail = hex8(b) + hex8(c).slice(0, 4)
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-${randA}-${variant}-${tail}`
  }
}

/** A UUID version 7 for now, its random bits from the system's secure source (for data that is not a demo). */
export function randomUuidv7(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  let ms = Date.now()
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256
    ms = Math.floor(ms / 256)
  }
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f)
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f)
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
