import { randomUUID } from 'node:crypto';
import { STATUS_CODES, Server } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from '../errors/error-body';

/**
 * Requests Node's HTTP parser rejects before any middleware runs (a header or URL over the size
 * limit, a malformed request line) get the contract's error body too, instead of Node's bare
 * response.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify(
      errorBody(
        status,
        tooLarge ? 'HEADERS_TOO_LARGE' : 'BAD_REQUEST',
        tooLarge
          ? 'the request line or headers are larger than the server accepts'
          : 'the request is malformed',
        randomUUID(),
      ),
    );
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
