namespace MapLang.Compiler.Parsing.Generated;

internal partial class MapLangLexer
{
    // A stray `}` at the top level pops an empty mode stack; stay in the default mode and let the parser report it.
    public override int PopMode() => ModeStack.Count == 0 ? DEFAULT_MODE : base.PopMode();
}
