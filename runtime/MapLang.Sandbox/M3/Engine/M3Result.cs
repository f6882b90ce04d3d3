using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Metadata;

namespace MapLang.Sandbox.M3.Engine;

/// <summary>The outcome of one transaction: records (possibly some, then an error on a list) and the output metadata.</summary>
public sealed record M3Result(string Program, string Transaction, M3TransactionInfo? Info, IReadOnlyList<M3Row> Records, M3Error? Error)
{
    /// <summary>True when the whole request must be refused (unknown transaction, company not authorised): v2 answers HTTP 400.</summary>
    public bool Terminated { get; init; }

    /// <summary>The output fields to write, in metadata order, restricted to returncols when given.</summary>
    public IReadOnlyList<M3Field> Columns { get; init; } = [];
}
