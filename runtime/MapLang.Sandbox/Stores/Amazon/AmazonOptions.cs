namespace MapLang.Sandbox.Stores.Amazon;

public sealed class AmazonOptions
{
}
