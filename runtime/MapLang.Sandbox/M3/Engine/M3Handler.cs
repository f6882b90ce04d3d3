using MapLang.Sandbox.M3.Data;

namespace MapLang.Sandbox.M3.Engine;

/// <summary>
/// A transaction's behaviour. It must validate before it writes (throw <see cref="M3ErrorException"/> to refuse);
/// list handlers may yield records and then throw, which M3 reports as records followed by an error.
/// </summary>
public delegate IEnumerable<M3Row> M3Handler(M3Context context);
