// The load phase of bench/web_load.py in Node (no packages: node:http with keep-alive), so that the client
// costs the server's machine far less CPU than a Python asyncio client does.
//
//     node bench/web_load_client.mjs PLAN.json      (PLAN written by web_load.py)
//
// PLAN: {"base": "http://127.0.0.1:PORT", "concurrency": 100, "requests": [[name, method, path, body|null], ...]}
// `concurrency` clients, each with its own keep-alive connection, take the next request of the plan as soon
// as their last one is answered (a closed loop). Prints one JSON report: per name n, p50/p99/max ms, cache
// hits (the X-Rasd-Cache header) and errors; wall seconds; requests/s; this process's CPU.
import fs from "node:fs";
import http from "node:http";

const plan = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const base = new URL(plan.base);
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency, maxFreeSockets: plan.concurrency });

function send(method, path, body) {
  return new Promise((resolve) => {
    const payload = body == null ? null : Buffer.from(JSON.stringify(body));
    const headers = payload ? { "content-type": "application/json", "content-length": payload.length } : {};
    const req = http.request({ host: base.hostname, port: base.port, method, path, agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, cache: res.headers["x-rasd-cache"],
                                    text: res.statusCode >= 400 ? Buffer.concat(chunks).toString().slice(0, 120) : "" }));
      res.on("error", (e) => resolve({ status: 0, text: String(e) }));
    });
    req.setTimeout(300_000, () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve({ status: 0, text: e.code || String(e) }));
    if (payload) req.write(payload);
    req.end();
  });
}

function percentile(sorted, p) {   // the same definition as web_load.py's
  if (!sorted.length) return NaN;
  const k = Math.max(0, Math.min(sorted.length - 1, Math.round((p / 100) * sorted.length + 0.5) - 1));
  return sorted[k];
}

const times = {}, hits = {}, errors = [];
let next = 0, errorCount = 0;
async function client() {
  while (next < plan.requests.length) {
    const [name, method, path, body] = plan.requests[next++];
    const t0 = process.hrtime.bigint();
    const r = await send(method, path, body);
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

const trace = plan.trace ? [] : null;   // every request's [start ms, latency ms, name, path, cache] for a look
const cpu0 = process.cpuUsage();
const start = process.hrtime.bigint();
const t0 = start;
await Promise.all(Array.from({ length: plan.concurrency }, client));
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const summary = (values) => {
  const s = Float64Array.from(values).sort();
  const r = (x) => Math.round(x * 10) / 10;
  return { n: s.length, p50_ms: r(percentile(s, 50)), p99_ms: r(percentile(s, 99)), max_ms: r(s[s.length - 1]) };
};
const perEndpoint = {};
for (const name of Object.keys(times).sort()) perEndpoint[name] = { ...summary(times[name]), cache_hits: hits[name] || 0 };
const reads = Object.entries(times).filter(([n]) => n.startsWith("GET")).flatMap(([, v]) => v);
agent.destroy();
if (trace) fs.writeFileSync(plan.trace, JSON.stringify(trace));
process.stdout.write(JSON.stringify({
  client: `node ${process.version} (node:http keep-alive)`, requests: plan.requests.length,
  concurrency: plan.concurrency, errors: errorCount, error_samples: errors, seconds: Math.round(wall * 10) / 10,
  requests_per_s: Math.round((plan.requests.length / wall) * 10) / 10, reads: summary(reads),
  per_endpoint: perEndpoint, client_cpu_s: Math.round(((cpu.user + cpu.system) / 1e6) * 100) / 100,
}) + "\n");
