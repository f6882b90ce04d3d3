using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MapLang.Sandbox.Stores.Amazon.Orders;

/// <summary>
/// Opaque NextToken / paginationToken: the first page's query and the offset of the next page. A follow-up request may repeat its
/// filters or send only the token (older clients do); either way the first query's filters apply.
/// </summary>
internal static class PageToken
{
    public static string Create(IQueryCollection query, string tokenParameter, int offset)
    {
        var text = string.Join("&", query.Where(p => p.Key != tokenParameter).SelectMany(p => p.Value.Select(v => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(v ?? ""))));
        return Base64UrlTextEncoder.Encode(Encoding.UTF8.GetBytes(offset + "|" + text));
    }

    /// <summary>The query to apply and the offset; null when the token is not one of ours.</summary>
    public static (IQueryCollection Query, int Offset)? Read(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64UrlTextEncoder.Decode(token));
            var bar = text.IndexOf('|');
            if (bar < 0 || !int.TryParse(text[..bar], out var offset)) return null;
            return (new QueryCollection(QueryHelpers.ParseQuery(text[(bar + 1)..])), offset);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
