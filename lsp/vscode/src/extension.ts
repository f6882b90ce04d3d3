// Starts `maplang lsp` and connects VS Code to it. All language smarts live in the server.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const configuration = vscode.workspace.getConfiguration("maplang");
  const command = configuration.get<string>("server.path", "maplang");
  const args = ["lsp", ...configuration.get<string[]>("server.args", [])];
  const serverOptions: ServerOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "maplang" },
      { scheme: "untitled", language: "maplang" },
    ],
    synchronize: {
      // Schema files change what .map files may say: the server reloads them.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.mlschema"),
    },
  };
  client = new LanguageClient("maplang", "MapLang", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand("maplang.restartServer", async () => {
      await client?.restart();
    }),
  );
  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(
      `MapLang: could not start '${command} lsp' (${String(error)}). Set maplang.server.path to the maplang executable.`,
    );
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
