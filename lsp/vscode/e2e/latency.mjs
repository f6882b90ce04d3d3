// Latency of the real `maplang lsp` on a generated 2,000-line .map file, measured from a client process over stdio
// (what an editor sees: JSON-RPC framing, scheduling and the server's work).
// Usage: node e2e/latency.mjs <maplang | maplang.dll> [rounds]
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import lspModule from "vscode-languageserver-protocol/node";
const lsp = lspModule;

const [serverPath, roundsText] = process.argv.slice(2);
const rounds = Number(roundsText ?? 200);

/** 100 maps of 20 lines each: lets, assignments with calls, coalescing and a lookup, plus one table. */
function generate() {
  const lines = ["use Magento", "use M3", "", "table Methods: string -> string {", '    "tablerate_bestway" => "UPS"', '    default => "POS"', "}", ""];
  for (let i = 0; lines.length < 2000; i++) {
    lines.push(
      `map Order${i}: Magento.Order -> M3.OIS100 {`,
      "    let email = customer_email",
      "    let shipping = extension_attributes?.shipping_assignments.first()?.shipping",
      "    CUNO = lookup(email)",
      `    CONO = ${100 + (i % 900)}`,
      '    ORTP = "WEB"',
      '    WHLO = "001"',
      '    CUOR = increment_id ?? fail("no increment_id")',
      '    ORDT = toDate(created_at) ?? fail("no date")',
      "    CUCD = order_currency_code",
      '    MODL = lookup(Methods, shipping?.method ?? "")',
      "    YREF = truncate(fullName(customer_firstname, customer_lastname), 30)",
      `    OREF = "order {increment_id} #${i}"`,
      "    LNCD = \"EN\"",
      "    TEDL = if grand_total > 100 then \"FRE\" else \"STD\"",
      "    TEPY = match state { case \"new\", \"processing\" => \"30D\" else => \"PRE\" }",
      "    RESP = \"WEBSHOP\"",
      "    SMCD = \"WEB\"",
      "}",
      "",
    );
  }
  return lines.join("\n") + "\n";
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const summary = (values) => ({ n: values.length, p50: percentile(values, 50).toFixed(1), p95: percentile(values, 95).toFixed(1), max: Math.max(...values).toFixed(1) });

const folder = mkdtempSync(join(tmpdir(), "maplang-latency-"));
const file = join(folder, "large.map");
let text = generate();
writeFileSync(file, text);
const uri = pathToFileURL(file).href;
const lineCount = text.split("\n").length - 1;

const spawnedAt = performance.now();
const [command, args] = serverPath.endsWith(".dll") ? ["dotnet", [serverPath, "lsp"]] : [serverPath, ["lsp"]];
const server = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(server.stdout), new lsp.StreamMessageWriter(server.stdin));
const arrivals = new Map();
const waiters = new Map();
connection.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
  arrivals.set(p.version, { at: performance.now(), count: p.diagnostics.length });
  waiters.get(p.version)?.();
});
connection.listen();
const diagnosticsOf = (version) => arrivals.has(version) ? Promise.resolve(arrivals.get(version)) : new Promise((resolve) => waiters.set(version, () => resolve(arrivals.get(version))));

await connection.sendRequest(lsp.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
connection.sendNotification(lsp.InitializedNotification.type, {});
connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "maplang", version: 1, text } });
const first = await diagnosticsOf(1);
const firstDiagnostics = first.at - spawnedAt;

// Each round types one character at the end of a member in a different map, then asks for completion on a fresh
// line of that map's body (the editor's usual sequence): diagnostics latency counts from the edit to their arrival.
const completion = [];
const diagnostics = [];
let version = 1;
const lines = text.split("\n");
for (let round = 0; round < rounds; round++) {
  const mapIndex = round % 95;
  const line = 8 + mapIndex * 20 + 16; // "    RESP = \"WEBSHOP\""
  const character = lines[line].length;
  version++;
  const editedAt = performance.now();
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: "\n    " }],
  });
  lines.splice(line + 1, 0, "    ");
  const asked = performance.now();
  const items = await connection.sendRequest(lsp.CompletionRequest.type, { textDocument: { uri }, position: { line: line + 1, character: 4 } });
  completion.push(performance.now() - asked);
  if (!items.items.some((i) => i.label === "CUDT")) throw new Error("completion did not offer the target's fields");
  const published = await diagnosticsOf(version);
  diagnostics.push(published.at - editedAt);
  // Undo, so that the file stays the same size.
  version++;
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character }, end: { line: line + 1, character: 4 } }, text: "" }],
  });
  lines.splice(line + 1, 1);
  await diagnosticsOf(version);
}

const hoverTimes = [];
for (let i = 0; i < 100; i++) {
  const asked = performance.now();
  await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 8 + (i % 95) * 20 + 4, character: 5 } });
  hoverTimes.push(performance.now() - asked);
}

console.log(JSON.stringify({
  file: { lines: lineCount, diagnostics: first.count },
  firstDiagnosticsMs: firstDiagnostics.toFixed(0),
  completionMs: summary(completion),
  diagnosticsAfterEditMs: summary(diagnostics),
  hoverMs: summary(hoverTimes),
}, null, 2));
await connection.sendRequest(lsp.ShutdownRequest.type);
connection.sendNotification(lsp.ExitNotification.type);
setTimeout(() => process.exit(0), 200);
