// Floor of bench/start-idle.ts: the least a Node HTTP service does to answer /healthz.
import { createServer } from 'node:http';

createServer((_request, response) => response.end('{"ok":true}')).listen(Number(process.env.PORT), '127.0.0.1');
