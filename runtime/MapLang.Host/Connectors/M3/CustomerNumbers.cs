using System.Security.Cryptography;
using System.Text;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// A customer number derived from the e-mail address (a prefix and 9 base-32 characters of its SHA-256): the same buyer always
/// gets the same CUNO, so a repeated CRS610MI.Add cannot make a second customer.
/// </summary>
public static class CustomerNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRSTVWXY";

    public static string FromEmail(string email, string prefix = "W")
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        var sb = new StringBuilder(prefix);
        ulong bits = BitConverter.ToUInt64(hash, 0);
        while (sb.Length < 10)
        {
            sb.Append(Alphabet[(int)(bits & 31)]);
            bits >>= 5;
        }
        return sb.ToString();
    }
}
