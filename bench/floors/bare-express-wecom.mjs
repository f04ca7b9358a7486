// The floor for callback throughput (issue 14): what a Node developer would write first — Express 5
// and the official @wecom/crypto package: check the signature, decrypt, answer 200. No storage, no
// reply. Usage: node bench/floors/bare-express-wecom.mjs <port> <token> <aesKey>
import express from 'express';
import { decrypt, getSignature } from '@wecom/crypto';

const [port, token, aesKey] = process.argv.slice(2);
const app = express();
app.use(express.text({ type: '*/*' }));
app.post('/wecom/callback', (req, res) => {
  const { msg_signature: sig, timestamp, nonce } = req.query;
  const encrypted = /<Encrypt><!\[CDATA\[([^\]]+)\]\]><\/Encrypt>/u.exec(req.body)?.[1];
  if (!encrypted || getSignature(token, timestamp, nonce, encrypted) !== sig) return res.status(401).end();
  decrypt(aesKey, encrypted);
  res.status(200).end();
});
app.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
