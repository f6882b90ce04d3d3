namespace MapLang.Schemas.Validation;

/// <summary>A place where a JSON payload does not fit its entity schema.</summary>
/// <param name="Path">Where in the payload, e.g. <c>$.items[0].qty_ordered</c>.</param>
public sealed record PayloadMismatch(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
