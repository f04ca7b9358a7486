import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Who may use the simulator (issue 9 item 3). It can act as anyone — read people and roles, act as an
 * official, post into real groups — so unless SIM_PUBLIC=true it answers only a client on this very
 * machine: the connection must come from a loopback address, and a request that came through a
 * proxy (X-Forwarded-For, Forwarded or X-Real-IP present) is not local, unless TRUST_PROXY is set
 * and every address it was forwarded for is loopback too (curl on the proxy's own machine).
 * docs/decisions/0051-simulator-loopback-only.md.
 */
export function isLocalClient(o: { socketAddress: string | undefined; headers: IncomingHttpHeaders; trustProxy: boolean }): boolean {
  if (!isLoopback(o.socketAddress)) return false;
  const forwarded = forwardedFor(o.headers);
  if (forwarded === null) return true;
  return o.trustProxy && forwarded.length > 0 && forwarded.every(isLoopback);
}

/** 127.0.0.0/8, ::1, and IPv4 loopback written as IPv6 (::ffff:127.0.0.1). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.trim().toLowerCase();
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return isIP(a) === 6 && (a === '::1' || a === '0:0:0:0:0:0:0:1');
}

/** The addresses a request says it was forwarded for, or null when it names none (no proxy in between). */
function forwardedFor(headers: IncomingHttpHeaders): string[] | null {
  const lists: string[] = [];
  let present = false;
  for (const name of ['x-forwarded-for', 'x-real-ip'] as const) {
    const value = headers[name];
    if (value === undefined) continue;
    present = true;
    for (const v of [value].flat()) lists.push(...v.split(',').map(bareAddress));
  }
  const rfc7239 = headers.forwarded;
  if (rfc7239 !== undefined) {
    present = true;
    // for=192.0.2.60;proto=http, for="[2001:db8::17]:4711" — an element without for= names nobody.
    for (const element of rfc7239.split(',')) {
      const m = /(?:^|;)\s*for\s*=\s*("[^"]*"|[^;,\s]*)/iu.exec(element);
      lists.push(m ? bareAddress(m[1]!.replace(/^"|"$/gu, '')) : '');
    }
  }
  return present ? lists : null;
}

/** "[::1]:4711" → "::1", "127.0.0.1:80" → "127.0.0.1"; anything that is no address stays as it is (not loopback). */
function bareAddress(value: string): string {
  const v = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/u.exec(v);
  if (bracketed) return bracketed[1]!;
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/u.exec(v);
  return v4port ? v4port[1]! : v;
}

/** An onRequest hook for the simulator's routes: 403 for anyone not on this machine. */
export function localOnly(trustProxy: boolean) {
  return async function simulatorIsLocal(request: FastifyRequest, reply: FastifyReply) {
    if (isLocalClient({ socketAddress: request.socket.remoteAddress, headers: request.headers, trustProxy })) return;
    return reply.status(403).send({ error: '模拟器只对本机开放（SIM_PUBLIC=false）' });
  };
}
