namespace MapLang.Sandbox.M3.Engine;

/// <summary>An M3 error reply: <c>@type</c>, <c>@code</c>, <c>@field</c> and <c>Message</c> (v1) or errorType/errorCode/errorField/errorMessage (v2).</summary>
public sealed record M3Error(string Type, string Code, string Field, string Message)
{
    public const string NotOk = "ServerReturnedNOK";
}

/// <summary>Thrown by a transaction handler before it writes anything; the engine turns it into the reply.</summary>
public sealed class M3ErrorException(M3Error error) : Exception(error.Message)
{
    public M3Error Error { get; } = error;
}
