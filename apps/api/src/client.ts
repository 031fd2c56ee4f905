// Who is on the other end of a request: the client's address and whether it came over TLS. Behind
// proxies (TRUST_PROXY = n) both come from the X-Forwarded-For and X-Forwarded-Proto headers, read as
// far back as the n trusted proxies wrote them; otherwise from the connection alone, since any client
// can send those headers.

export interface Client {
  /** The client's IP address; null when unknown (a request made in-process, as tests do). */
  address: string | null
  /** Whether the client reached us over TLS (directly, or at the trusted proxy). */
  tls: boolean
}

/** The connection a request came on (Node's socket), when there is one. */
export interface Peer {
  remoteAddress?: string | undefined
  encrypted?: boolean
}

/** What Node's adapter gives Yoga beside each request (nothing for `yoga.fetch` in-process). */
export interface ServerContext {
  req?: { socket?: Peer }
}

export function clientOf(
  header: (name: string) => string | null,
  peer: Peer | undefined,
  /** For a request without a connection: whether its URL is https. */
  https: boolean,
  trustProxy: number,
): Client {
  const direct = { address: normalized(peer?.remoteAddress), tls: peer ? peer.encrypted === true : https }
  if (trustProxy === 0) return direct
  // Each proxy appends the address it was reached from: the client is as many entries back as proxies.
  const chain = [...listed(header('x-forwarded-for')), direct.address]
  const address = chain[Math.max(0, chain.length - 1 - trustProxy)] ?? null
  const protocol = listed(header('x-forwarded-proto'))[0]?.toLowerCase()
  return { address: normalized(address ?? undefined), tls: protocol ? protocol === 'https' : direct.tls }
}

function listed(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
}

/** An IPv4 address as Node's dual-stack socket reports it ("::ffff:203.0.113.5") written plainly. */
function normalized(address: string | undefined): string | null {
  if (!address) return null
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address
}
