using System.Text.Json;

namespace MapLang.LanguageServer.Tests;

public class LanguageServerTests
{
    private const string Order = """
        use Magento
        use M3

        table [|Methods|]: string -> string {
            "tablerate_bestway" => "UPS"
            default => "POS"
        }

        map Magento.Order -> M3.OIS100 {
            let email = customer_email
            CUNO = email ?? ""
            MODL = lookup([|Meth|ods|], "x")
        }

        map OrderLine: Magento.OrderItem -> M3.OIS100Line {
            ITNO = sku
            ORQT = qty_ordered ?? 1
        }
        """;

    [Fact]
    public async Task Initialize_declares_the_capabilities_of_the_handlers()
    {
        await using var client = new TestClient();
        var result = await client.InitializeAsync();
        var capabilities = result.GetProperty("capabilities");
        capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32().ShouldBe(2);
        capabilities.GetProperty("textDocumentSync").GetProperty("openClose").GetBoolean().ShouldBeTrue();
        foreach (var name in new[] { "completionProvider", "hoverProvider", "signatureHelpProvider", "definitionProvider", "referencesProvider",
                     "renameProvider", "documentHighlightProvider", "documentSymbolProvider", "foldingRangeProvider", "semanticTokensProvider",
                     "inlayHintProvider", "documentFormattingProvider", "codeActionProvider" })
            capabilities.TryGetProperty(name, out _).ShouldBeTrue(name);
        result.GetProperty("serverInfo").GetProperty("name").GetString().ShouldBe("maplang");
    }

    [Fact]
    public async Task Diagnostics_on_open_and_after_an_incremental_change()
    {
        await using var client = new TestClient();
        await client.InitializeAsync();
        var uri = TestClient.Uri("sync.map");
        var m = Markup.Parse(Order);
        await client.OpenAsync(uri, m.Text);
        (await client.DiagnosticsAsync(uri, 1)).GetArrayLength().ShouldBe(0);

        // Misspell a Magento field by typing one character into "sku".
        var sku = m.Text.IndexOf("= sku", StringComparison.Ordinal) + 5;
        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = new { start = TestClient.Position(m.Text, sku), end = TestClient.Position(m.Text, sku) }, text = "x" } },
        });
        var diagnostics = await client.DiagnosticsAsync(uri, 2);
        var error = diagnostics.EnumerateArray().Single();
        error.GetProperty("code").GetString().ShouldBe("ML2006");
        error.GetProperty("severity").GetInt32().ShouldBe(1);
        var changed = m.Text.Insert(sku, "x");
        error.GetProperty("range").Span(changed).ShouldBe((sku - 3, sku + 1));

        // The quick fix comes back over the wire and restores the name.
        var actions = await client.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = error.GetProperty("range"),
            context = new { diagnostics = new[] { error } },
        });
        var fix = actions.EnumerateArray().First(a => a.GetProperty("kind").GetString() == "quickfix");
        fix.GetProperty("title").GetString().ShouldBe("Change to 'sku'");
        Json.Apply(changed, fix.GetProperty("edit").GetProperty("changes").GetProperty(uri).EnumerateArray()).ShouldBe(m.Text);
    }

    [Fact]
    public async Task Completion_offers_unassigned_target_fields_in_a_half_typed_body()
    {
        await using var client = new TestClient();
        await client.InitializeAsync();
        var uri = TestClient.Uri("complete.map");
        var m = Markup.Parse("""
            use Magento
            use M3
            map Magento.Order -> M3.OIS100 {
                CONO = 100
                CU|
            """);
        await client.OpenAsync(uri, m.Text);
        var list = await client.RequestAsync("textDocument/completion", TestClient.At(uri, m.Text, m.Cursor));
        var items = list.GetProperty("items").EnumerateArray().ToArray();
        var cuno = items.Single(i => i.GetProperty("label").GetString() == "CUNO");
        cuno.GetProperty("detail").GetString().ShouldBe("Customer number (A10, required)");
        cuno.GetProperty("insertTextFormat").GetInt32().ShouldBe(2);
        cuno.GetProperty("textEdit").GetProperty("newText").GetString().ShouldBe("CUNO = $0");
        items.ShouldNotContain(i => i.GetProperty("label").GetString() == "CONO");
    }

    [Fact]
    public async Task Hover_shows_what_an_M3_field_is()
    {
        await using var client = new TestClient();
        await client.InitializeAsync();
        var uri = TestClient.Uri("hover.map");
        var m = Markup.Parse(Order.Replace("ORQT", "OR|QT"));
        await client.OpenAsync(uri, m.Text);
        var hover = await client.RequestAsync("textDocument/hover", TestClient.At(uri, m.Text, m.Cursor));
        var contents = hover.GetProperty("contents");
        contents.GetProperty("kind").GetString().ShouldBe("markdown");
        contents.GetProperty("value").GetString()!.ShouldContain("**ORQT** — Ordered quantity");
    }

    [Fact]
    public async Task Definition_references_highlight_and_rename_of_a_table()
    {
        await using var client = new TestClient();
        await client.InitializeAsync();
        var uri = TestClient.Uri("rename.map");
        var m = Markup.Parse(Order);
        await client.OpenAsync(uri, m.Text);
        var at = TestClient.At(uri, m.Text, m.Cursor);

        var definition = (await client.RequestAsync("textDocument/definition", at)).EnumerateArray().Single();
        definition.GetProperty("uri").GetString().ShouldBe(uri);
        definition.GetProperty("range").Span(m.Text).ShouldBe(m.Spans[0]);

        var references = await client.RequestAsync("textDocument/references", new { textDocument = new { uri }, position = TestClient.Position(m.Text, m.Cursor), context = new { includeDeclaration = true } });
        references.EnumerateArray().Select(r => r.GetProperty("range").Span(m.Text)).ShouldBe([m.Spans[0], m.Spans[1]]);

        var highlights = await client.RequestAsync("textDocument/documentHighlight", at);
        highlights.GetArrayLength().ShouldBe(2);

        var prepare = await client.RequestAsync("textDocument/prepareRename", at);
        prepare.GetProperty("placeholder").GetString().ShouldBe("Methods");
        var edit = await client.RequestAsync("textDocument/rename", new { textDocument = new { uri }, position = TestClient.Position(m.Text, m.Cursor), newName = "DeliveryMethods" });
        var renamed = Json.Apply(m.Text, edit.GetProperty("changes").GetProperty(uri).EnumerateArray());
        renamed.ShouldContain("table DeliveryMethods: string");
        renamed.ShouldContain("lookup(DeliveryMethods, \"x\")");
    }

    [Fact]
    public async Task Definition_of_a_schema_field_points_into_the_materialised_stdlib()
    {
        await using var client = new TestClient();
        await client.InitializeAsync();
        var uri = TestClient.Uri("schema.map");
        var m = Markup.Parse(Order.Replace("ITNO", "IT|NO"));
        await client.OpenAsync(uri, m.Text);
        var location = (await client.RequestAsync("textDocument/definition", TestClient.At(uri, m.Text, m.Cursor))).EnumerateArray().Single();
        var path = new Uri(location.GetProperty("uri").GetString()!).LocalPath;
        path.ShouldEndWith("views.mlschema");
        var line = File.ReadAllLines(path)[location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()];
        line.ShouldContain("ITNO");
    }

    [Fact]
    public async Task Formatting_returns_the_formatted_document()
    {
        await using var client = new TestClient();
        await client.InitializeAsync();
        var uri = TestClient.Uri("format.map");
        var text = "use Magento\nuse M3\nmap Magento.OrderItem->M3.OIS100Line{ITNO=sku // the item\n}\n";
        await client.OpenAsync(uri, text);
        var edits = await client.RequestAsync("textDocument/formatting", new { textDocument = new { uri }, options = new { tabSize = 4, insertSpaces = true } });
        Json.Apply(text, edits.EnumerateArray()).ShouldBe("use Magento\nuse M3\n\nmap Magento.OrderItem -> M3.OIS100Line {\n    ITNO = sku // the item\n}\n");
    }

    [Fact]
    public async Task Outline_folding_semantic_tokens_inlay_hints_and_signature_help()
    {
        await using var client = new TestClient();
        await client.InitializeAsync();
        var uri = TestClient.Uri("outline.map");
        var m = Markup.Parse(Order.Replace("lookup([|Meth|ods|], \"x\")", "lookup(Methods, |)"));
        await client.OpenAsync(uri, m.Text);
        var document = new { textDocument = new { uri } };

        var symbols = await client.RequestAsync("textDocument/documentSymbol", document);
        symbols.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["Magento", "M3", "Methods", "Magento.Order -> M3.OIS100", "OrderLine"]);

        var folding = await client.RequestAsync("textDocument/foldingRange", document);
        folding.EnumerateArray().ShouldContain(f => f.GetProperty("startLine").GetInt32() == 8 && f.GetProperty("endLine").GetInt32() == 12);

        var tokens = await client.RequestAsync("textDocument/semanticTokens/full", document);
        var data = tokens.GetProperty("data").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        data.Length.ShouldBeGreaterThan(0);
        (data.Length % 5).ShouldBe(0);
        data[3].ShouldBe(9); // "use" is a keyword

        var hints = await client.RequestAsync("textDocument/inlayHint", new { textDocument = new { uri }, range = new { start = new { line = 0, character = 0 }, end = new { line = 30, character = 0 } } });
        hints.EnumerateArray().Select(h => h.GetProperty("label").GetString()).ShouldContain("Customer number");

        var help = await client.RequestAsync("textDocument/signatureHelp", TestClient.At(uri, m.Text, m.Cursor));
        help.GetProperty("activeParameter").GetInt32().ShouldBe(1);
        help.GetProperty("signatures")[0].GetProperty("label").GetString()!.ShouldStartWith("lookup(");
    }

    [Fact]
    public async Task Editing_an_imported_file_rechecks_the_documents_importing_it()
    {
        await using var client = new TestClient();
        await client.InitializeAsync();
        var common = TestClient.Uri("common.map");
        var main = TestClient.Uri("main-importer.map");
        const string table = "table Methods: string -> string {\n    default => \"POS\"\n}\n";
        await client.OpenAsync(common, table);
        await client.OpenAsync(main, "import \"common.map\"\nuse Magento\nuse M3\nmap Magento.Order -> M3.OIS100 {\n    CUNO = \"x\"\n    MODL = lookup(Methods, \"a\")\n}\n");
        (await client.DiagnosticsAsync(main, 1)).GetArrayLength().ShouldBe(0);

        await client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = common, version = 2 }, contentChanges = new[] { new { text = table.Replace("Methods", "Carriers") } } });
        var diagnostics = await client.DiagnosticsAsync(main, 1);
        diagnostics.EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldContain("ML2006");
    }
}
