namespace MapLang.Sandbox.Stores.Clarity;

public sealed class ClarityOptions
{
}
