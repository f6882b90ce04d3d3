using System.Text.Json;
using MapLang.Sandbox.M3.Engine;

namespace MapLang.Sandbox.M3.Protocol;

/// <summary>
/// m3api-rest v2 replies: <c>{results:[{transaction, records:[{FIELD:value}], errorMessage?, errorType?, errorCode?, errorField?}],
/// wasTerminated, nrOfSuccessfullTransactions, nrOfFailedTransactions}</c> (M3's spelling). A refused request
/// (unknown transaction, company not authorised, bad body) is HTTP 400 with terminationReason/terminationErrorType.
/// </summary>
internal static class V2Writer
{
    public static void WriteResults(Utf8JsonWriter w, IReadOnlyList<M3Result> results, bool rightTrim = true, bool excludeEmpty = false)
    {
        w.WriteStartObject();
        w.WriteStartArray("results");
        foreach (var r in results)
        {
            w.WriteStartObject();
            w.WriteString("transaction", r.Transaction);
            if (r.Error is not null)
            {
                w.WriteString("errorMessage", r.Error.Message);
                w.WriteString("errorType", r.Error.Type);
                w.WriteString("errorCode", r.Error.Code);
                w.WriteString("errorField", r.Error.Field);
            }
            w.WriteStartArray("records");
            foreach (var record in r.Records)
            {
                w.WriteStartObject();
                foreach (var f in r.Columns)
                {
                    var value = record.Get(f.Name);
                    if (excludeEmpty && value.Length == 0) continue;
                    w.WriteString(f.Name, rightTrim ? value : V1Writer.Pad(f, value));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteBoolean("wasTerminated", false);
        w.WriteNumber("nrOfSuccessfullTransactions", results.Count(r => r.Error is null));
        w.WriteNumber("nrOfFailedTransactions", results.Count(r => r.Error is not null));
        w.WriteEndObject();
    }

    public static void WriteTermination(Utf8JsonWriter w, M3Error error, int succeeded = 0)
    {
        w.WriteStartObject();
        w.WriteBoolean("wasTerminated", true);
        w.WriteString("terminationReason", error.Message);
        w.WriteString("terminationErrorType", error.Type);
        w.WriteString("errorCode", error.Code);
        w.WriteString("errorField", error.Field);
        w.WriteNumber("nrOfSuccessfullTransactions", succeeded);
        w.WriteNumber("nrOfFailedTransactions", 1);
        w.WriteEndObject();
    }
}
