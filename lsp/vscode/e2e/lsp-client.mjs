// Drives the real `maplang lsp` process as an editor would, through npm's vscode-languageserver-protocol client.
// Usage: node e2e/lsp-client.mjs <maplang executable or maplang.dll> <a .map file>
// Prints one line per check and exits non-zero at the first failure.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import assert from "node:assert/strict";
import lspModule from "vscode-languageserver-protocol/node";
const lsp = lspModule;

const [serverPath, mapFile] = process.argv.slice(2);
if (!serverPath || !mapFile) {
  console.error("usage: node e2e/lsp-client.mjs <maplang | maplang.dll> <file.map>");
  process.exit(2);
}

const [command, args] = serverPath.endsWith(".dll") ? ["dotnet", [serverPath, "lsp"]] : [serverPath, ["lsp"]];
const server = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
const exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(server.stdout), new lsp.StreamMessageWriter(server.stdin));
const diagnostics = new Map();
const waiting = [];
connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
  diagnostics.set(`${params.uri}@${params.version}`, params.diagnostics);
  for (const w of waiting.splice(0)) w();
});
connection.listen();

const timeout = setTimeout(() => {
  console.error("FAIL: timed out");
  server.kill();
  process.exit(1);
}, 60_000);

async function diagnosticsFor(uri, version) {
  const key = `${uri}@${version}`;
  while (!diagnostics.has(key)) await new Promise((resolve) => waiting.push(resolve));
  return diagnostics.get(key);
}

function positionOf(text, needle, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `'${needle}' is in the file`);
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

function ok(what) {
  console.log(`ok ${what}`);
}

const started = Date.now();
const init = await connection.sendRequest(lsp.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
assert.equal(init.capabilities.textDocumentSync.change, lsp.TextDocumentSyncKind.Incremental);
connection.sendNotification(lsp.InitializedNotification.type, {});
ok("initialize");

const uri = pathToFileURL(mapFile).href;
let text = readFileSync(mapFile, "utf8");
await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "maplang", version: 1, text } });
const first = await diagnosticsFor(uri, 1);
ok(`diagnostics on open (${first.length}) after ${Date.now() - started} ms from start`);

// Type "CU" on a new line of the first map body, as a user would, and ask for completion there.
const insertAt = positionOf(text, "    ORTP");
await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
  textDocument: { uri, version: 2 },
  contentChanges: [{ range: { start: insertAt, end: insertAt }, text: "    CU\n" }],
});
const lines = text.split("\n");
lines.splice(insertAt.line, 0, "    CU");
text = lines.join("\n");
const completion = await connection.sendRequest(lsp.CompletionRequest.type, { textDocument: { uri }, position: { line: insertAt.line, character: 6 } });
const items = Array.isArray(completion) ? completion : completion.items;
const cudt = items.find((i) => i.label === "CUDT");
assert.ok(cudt, "CUDT is proposed");
assert.equal(cudt.detail, "Customer's purchase order date (date)");
ok(`completion (${items.length} items, CUDT: ${cudt.detail})`);
const afterEdit = await diagnosticsFor(uri, 2);
assert.ok(afterEdit.length > first.length, "the half-typed line is reported");
ok(`diagnostics after the edit (${afterEdit.length})`);

// Undo the edit with a full-text change.
text = readFileSync(mapFile, "utf8");
await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });

const hover = await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: positionOf(text, "ORQT =", 1) });
assert.match(hover.contents.value, /Ordered quantity/);
ok("hover ORQT");

const definition = await connection.sendRequest(lsp.DefinitionRequest.type, { textDocument: { uri }, position: positionOf(text, "lookup(DeliveryMethods", 9) });
const target = Array.isArray(definition) ? definition[0] : definition;
assert.equal(target.uri, uri);
assert.deepEqual(target.range.start, positionOf(text, "DeliveryMethods"));
ok("definition of a table");

const fieldDefinition = await connection.sendRequest(lsp.DefinitionRequest.type, { textDocument: { uri }, position: positionOf(text, "ITNO =", 1) });
const schema = Array.isArray(fieldDefinition) ? fieldDefinition[0] : fieldDefinition;
assert.match(schema.uri, /views\.mlschema$/);
ok("definition of a schema field");

const edits = await connection.sendRequest(lsp.DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
assert.ok(Array.isArray(edits));
if (edits.length > 0) assert.match(edits[0].newText, /\nmap Magento\.Order -> M3\.OIS100 \{\n/);
ok(`formatting (${edits.length} edit)`);

const rename = await connection.sendRequest(lsp.RenameRequest.type, { textDocument: { uri }, position: positionOf(text, "DeliveryMethods", 2), newName: "Carriers" });
const renames = rename.changes[uri];
assert.equal(renames.length, 2);
assert.ok(renames.every((e) => e.newText === "Carriers"));
ok("rename a table");

await connection.sendRequest(lsp.ShutdownRequest.type);
await connection.sendNotification(lsp.ExitNotification.type);
const code = await exited;
assert.equal(code, 0);
ok("shutdown and exit");
clearTimeout(timeout);
connection.dispose();
