using MapLang.Compiler.Services.Outline;
using MapLang.Compiler.Text;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class DocumentSymbolHandler(ServerContext context) : RequestHandler<DocumentSymbolParams, DocumentSymbol[]>(context)
{
    public override string Method => "textDocument/documentSymbol";

    public override void Declare(Capabilities capabilities) => capabilities.Set("documentSymbolProvider", true);

    public override Task<DocumentSymbol[]> HandleAsync(DocumentSymbolParams parameters, CancellationToken cancellation) =>
        Context.ReadAsync(parameters.TextDocument.Uri, (snapshot, _) =>
            DocumentSymbolService.GetSymbols(snapshot.Analysis).Select(s => Convert(snapshot.Text, s)).ToArray(), [], cancellation);

    private static DocumentSymbol Convert(SourceText text, OutlineSymbol symbol) => new(
        symbol.Name.Length == 0 ? "?" : symbol.Name,
        symbol.Detail,
        symbol.Kind switch
        {
            OutlineKind.Connector => 3, OutlineKind.Import => 1, OutlineKind.Constant => 14, OutlineKind.Table => 10,
            OutlineKind.Map => 5, OutlineKind.Local => 13, OutlineKind.Field => 8, _ => 24,
        },
        text.ToRange(symbol.Span),
        text.ToRange(symbol.Span.Contains(symbol.NameSpan) ? symbol.NameSpan : symbol.Span),
        symbol.Children.Select(c => Convert(text, c)).ToArray());
}
