namespace MapLang.Sandbox.Stores.NopCommerce;

public sealed class NopCommerceOptions
{
}
