// A forward proxy that only tunnels (CONNECT), recording every target it was asked for, as an egress proxy
// would. It opens tunnels to 127.0.0.1 only: a target named in `routes` goes to that local port (so a test can
// give a local TLS server a public-looking name), a target on 127.0.0.1 goes there as asked, and any other
// target is recorded and refused (403) without a connection, so a test can prove it was never asked for one.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import net, { type AddressInfo } from 'node:net'

export interface ConnectProxy {
  url: string
  connects: { target: string; headers: IncomingMessage['headers'] }[]
  close(): Promise<void>
}

export async function startConnectProxy(routes: Record<string, number> = {}): Promise<ConnectProxy> {
  const connects: ConnectProxy['connects'] = []
  const sockets = new Set<net.Socket>()
  const server: Server = createServer((_req, res) => res.writeHead(405).end('CONNECT only'))
  server.on('connect', (req: IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? ''
    connects.push({ target, headers: req.headers })
    sockets.add(client)
    client.on('error', () => undefined)
    client.on('close', () => sockets.delete(client))
    const [host, port] = target.split(':')
    const localPort = routes[target] ?? (host === '127.0.0.1' ? Number(port) : undefined)
    if (localPort === undefined) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    const upstream = net.connect(localPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('error', () => client.destroy())
    upstream.on('close', () => sockets.delete(upstream))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
