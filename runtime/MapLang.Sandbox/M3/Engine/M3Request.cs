using MapLang.Sandbox.M3.Data;

namespace MapLang.Sandbox.M3.Engine;

/// <summary>One MI transaction call: input fields as sent (names upper-case), maxrecs (0 = all) and returncols.</summary>
public sealed record M3Request(string Program, string Transaction, M3Row Input, int? MaxRecords = null, IReadOnlyList<string>? ReturnColumns = null);
