// The TextMate grammars, tokenized by VS Code's own engine (vscode-textmate + the Oniguruma WASM) on sample files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import vsctm from "vscode-textmate";
import oniguruma from "vscode-oniguruma";

const require = createRequire(import.meta.url);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
const onigLib = oniguruma.loadWASM(wasm).then(() => ({
  createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
  createOnigString: (s) => new oniguruma.OnigString(s),
}));
const registry = new vsctm.Registry({
  onigLib,
  loadGrammar: async (scopeName) => {
    const file = { "source.maplang": "../syntaxes/maplang.tmLanguage.json", "source.mlschema": "../syntaxes/mlschema.tmLanguage.json" }[scopeName];
    return file ? vsctm.parseRawGrammar(readFileSync(here(file), "utf8"), here(file)) : null;
  },
});

/** Every token of a text as { line, text, scopes }. */
async function tokenize(scope, text) {
  const grammar = await registry.loadGrammar(scope);
  const tokens = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) tokens.push({ line: index, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = result.ruleStack;
  });
  return tokens;
}

function scopeOf(tokens, text, occurrence = 0) {
  const found = tokens.filter((t) => t.text === text);
  assert.ok(found.length > occurrence, `token '${text}' #${occurrence} exists`);
  return found[occurrence].scopes.at(-1);
}

const sample = readFileSync(here("./fixtures/order-to-m3.map"), "utf8");

test("comments, use lines and constants", async () => {
  const tokens = await tokenize("source.maplang", sample);
  assert.equal(tokens[0].scopes.at(-1), "punctuation.definition.comment.maplang");
  assert.ok(tokens[1].scopes.includes("comment.line.double-slash.maplang"));
  assert.equal(scopeOf(tokens, "use"), "keyword.other.use.maplang");
  assert.equal(scopeOf(tokens, "Magento"), "entity.name.namespace.maplang");
  assert.equal(scopeOf(tokens, "COMPANY"), "variable.other.constant.maplang");
  assert.equal(scopeOf(tokens, "100"), "constant.numeric.maplang");
});

test("map headers name entities; members name target fields", async () => {
  const tokens = await tokenize("source.maplang", sample);
  assert.equal(scopeOf(tokens, "map"), "keyword.other.map.maplang");
  assert.equal(scopeOf(tokens, "Magento.Order"), "entity.name.type.entity.maplang");
  assert.equal(scopeOf(tokens, "M3.OIS100"), "entity.name.type.entity.maplang");
  assert.equal(scopeOf(tokens, "DeliveryAddress", 1), "entity.name.function.map.maplang");
  assert.equal(scopeOf(tokens, "CONO"), "variable.other.property.target.maplang");
  assert.equal(scopeOf(tokens, "let"), "keyword.other.let.maplang");
  assert.equal(scopeOf(tokens, "shipping"), "variable.other.local.maplang");
});

test("expressions: strings, interpolation, operators, functions, list operations", async () => {
  const tokens = await tokenize("source.maplang", sample);
  assert.ok(tokens.find((t) => t.text === "WEB").scopes.includes("string.quoted.double.maplang"));
  const hole = tokens.find((t) => t.text === "item_id" && t.scopes.includes("meta.interpolation.maplang"));
  assert.ok(hole, "item_id inside \"{item_id}\" is in an interpolation");
  assert.equal(scopeOf(tokens, "??"), "keyword.operator.maplang");
  assert.equal(scopeOf(tokens, "fail"), "support.function.builtin.maplang");
  assert.equal(scopeOf(tokens, "truncate"), "entity.name.function.maplang");
  assert.equal(scopeOf(tokens, "filter"), "support.function.list.maplang");
  assert.equal(scopeOf(tokens, "null"), "constant.language.maplang");
});

test("tables: header types and rows", async () => {
  const tokens = await tokenize("source.maplang", sample);
  assert.equal(scopeOf(tokens, "table"), "keyword.other.table.maplang");
  assert.equal(scopeOf(tokens, "DeliveryMethods"), "entity.name.type.table.maplang");
  assert.equal(scopeOf(tokens, "string"), "storage.type.maplang");
  assert.equal(scopeOf(tokens, "default"), "keyword.control.maplang");
});

test("schema files", async () => {
  const tokens = await tokenize("source.mlschema", readFileSync(here("./fixtures/sample.mlschema"), "utf8"));
  assert.equal(scopeOf(tokens, "system"), "keyword.other.declaration.mlschema");
  assert.equal(scopeOf(tokens, "Order"), "entity.name.type.mlschema");
  assert.equal(scopeOf(tokens, "loyalty_code"), "variable.other.property.mlschema");
  assert.equal(scopeOf(tokens, "string"), "storage.type.mlschema");
});
