// The load phase of bench/web_load.py in Node (no packages), so that the client costs the server's machine far
// less CPU than a Python asyncio client does: its own HTTP/1.1 over node:net sockets (keep-alive, answers
// with Content-Length or chunked), about half the CPU of node:http's client per request.
//
//     node bench/web_load_client.mjs PLAN.json      (PLAN written by web_load.py)
//
// PLAN: {"base": "http://127.0.0.1:PORT", "concurrency": 100, "requests": [[name, method, path, body|null], ...],
//        "trace": FILE|null, "bases": [more base URLs]|absent}
// With "bases" (several servers on one store, as web_load.py --servers starts), client i connects to bases[i % n].
// `concurrency` clients, each with its own keep-alive connection, take the next request of the plan as soon
// as their last one is answered (a closed loop). Prints one JSON report: per name n, p50/p99/max ms, cache
// hits (the X-Rasd-Cache header) and errors; wall seconds; requests/s; this process's CPU.
import fs from "node:fs";
import net from "node:net";

const plan = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const bases = (plan.bases && plan.bases.length ? plan.bases : [plan.base]).map((b) => new URL(b));
const CRLF2 = Buffer.from("\r\n\r\n");

// one keep-alive connection: send(method, path, body) -> {status, cache, text}; reconnects when closed
class Connection {
  constructor(base) {
    this.base = base; this.hostHeader = `${base.hostname}:${base.port}`;
    this.socket = null; this.buffer = Buffer.alloc(0); this.pending = null;
  }

  open() {
    this.socket = net.connect({ host: this.base.hostname, port: Number(this.base.port), noDelay: true });
    this.buffer = Buffer.alloc(0);
    this.socket.on("data", (chunk) => { this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk; this.parse(); });
    const fail = (e) => {
      const p = this.pending; this.pending = null; this.socket = null;
      if (p) p({ status: 0, text: e ? (e.code || String(e)) : "connection closed" });
    };
    this.socket.on("error", fail);
    this.socket.on("close", () => fail(null));
  }

  send(method, path, body) {
    if (!this.socket) this.open();
    const payload = body == null ? null : Buffer.from(JSON.stringify(body));
    let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.hostHeader}\r\nConnection: keep-alive\r\n`;
    if (payload) head += `Content-Type: application/json\r\nContent-Length: ${payload.length}\r\n`;
    head += "\r\n";
    return new Promise((resolve) => {
      this.pending = resolve;
      this.socket.write(payload ? Buffer.concat([Buffer.from(head), payload]) : head);
    });
  }

  parse() {
    const end = this.buffer.indexOf(CRLF2);
    if (end < 0 || !this.pending) return;
    const head = this.buffer.toString("latin1", 0, end);
    const lines = head.split("\r\n");
    const status = Number(lines[0].split(" ")[1]);
    let length = 0, chunked = false, cache = "", close = false;
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(":");
      const name = lines[i].slice(0, colon).toLowerCase(), value = lines[i].slice(colon + 1).trim();
      if (name === "content-length") length = Number(value);
      else if (name === "transfer-encoding" && value.toLowerCase() === "chunked") chunked = true;
      else if (name === "x-rasd-cache") cache = value;
      else if (name === "connection" && value.toLowerCase() === "close") close = true;
    }
    let body, rest;
    if (chunked) {   // whole chunked body present? (0-size chunk then CRLF CRLF)
      const last = this.buffer.indexOf("\r\n0\r\n\r\n", end + 4 - 2);
      if (last < 0) return;
      body = this.buffer.subarray(end + 4, last);
      rest = this.buffer.subarray(last + 7);
    } else {
      if (this.buffer.length < end + 4 + length) return;
      body = this.buffer.subarray(end + 4, end + 4 + length);
      rest = this.buffer.subarray(end + 4 + length);
    }
    this.buffer = rest;
    const resolve = this.pending; this.pending = null;
    if (close) { this.socket.removeAllListeners("close"); this.socket.destroy(); this.socket = null; }
    resolve({ status, cache, text: status >= 400 ? body.toString("utf8").slice(0, 120) : "" });
  }

  close() { if (this.socket) { this.socket.removeAllListeners("close"); this.socket.destroy(); } }
}

function percentile(sorted, p) {   // the same definition as web_load.py's
  if (!sorted.length) return NaN;
  const k = Math.max(0, Math.min(sorted.length - 1, Math.round((p / 100) * sorted.length + 0.5) - 1));
  return sorted[k];
}

const times = {}, hits = {}, errors = [];
const trace = plan.trace ? [] : null;   // every request's [start ms, latency ms, name, path, cache] for a look
const connections = [];
let next = 0, errorCount = 0;
const start = process.hrtime.bigint();
async function client(_, i) {
  const connection = new Connection(bases[i % bases.length]);
  connections.push(connection);
  while (next < plan.requests.length) {
    const [name, method, path, body] = plan.requests[next++];
    const t0 = process.hrtime.bigint();
    const r = await connection.send(method, path, body);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status === 0 || r.status >= 400) {
      errorCount++;
      if (errors.length < 5) errors.push(`${name} ${path}: ${r.status} ${r.text}`);
    }
    (times[name] ||= []).push(ms);
    if (trace) trace.push([Number(t0 - start) / 1e6, ms, name, path, r.cache || ""]);
    if (r.cache === "hit") hits[name] = (hits[name] || 0) + 1;
  }
}

const cpu0 = process.cpuUsage();
await Promise.all(Array.from({ length: plan.concurrency }, client));
const wall = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpu0);
for (const c of connections) c.close();
const summary = (values) => {
  const s = Float64Array.from(values).sort();
  const r = (x) => Math.round(x * 10) / 10;
  return { n: s.length, p50_ms: r(percentile(s, 50)), p99_ms: r(percentile(s, 99)), max_ms: r(s[s.length - 1]) };
};
const perEndpoint = {};
for (const name of Object.keys(times).sort()) perEndpoint[name] = { ...summary(times[name]), cache_hits: hits[name] || 0 };
const reads = Object.entries(times).filter(([n]) => n.startsWith("GET")).flatMap(([, v]) => v);
if (trace) fs.writeFileSync(plan.trace, JSON.stringify(trace));
process.stdout.write(JSON.stringify({
  client: `node ${process.version} (HTTP/1.1 on node:net, keep-alive)`, requests: plan.requests.length,
  concurrency: plan.concurrency, errors: errorCount, error_samples: errors, seconds: Math.round(wall * 10) / 10,
  requests_per_s: Math.round((plan.requests.length / wall) * 10) / 10, reads: summary(reads),
  per_endpoint: perEndpoint, client_cpu_s: Math.round(((cpu.user + cpu.system) / 1e6) * 100) / 100,
}) + "\n");
