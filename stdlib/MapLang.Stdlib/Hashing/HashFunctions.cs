using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using MapLang.Runtime;
using MapLang.Runtime.Functions;

namespace MapLang.Stdlib.Hashing;

/// <summary>
/// Deterministic hashing, identical on every machine, run and .NET version (never <c>string.GetHashCode</c>).
/// <c>stableId</c>: the text is trimmed and lower-cased (invariant) — so "Jane@Example.com " and
/// "jane@example.com" give the same id — encoded as UTF-8 and hashed with SHA-256; the first 16 bytes of the
/// digest, read as a big-endian unsigned 128-bit number, are written in base 36 (0-9, A-Z) and the last
/// <c>length − prefix length</c> digits follow the prefix. Suits M3's CUNO (A10, upper-case letters and digits).
/// </summary>
[MapFunctions("hashing")]
public static class HashFunctions
{
    private const string Base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    [MapFunction("stableId", "A stable id of `length` upper-case letters and digits (default 10, an M3 CUNO) from the text, e.g. a customer e-mail; case and surrounding spaces of the text do not matter; `prefix` (A-Z, 0-9) comes first.")]
    public static string? StableId(string? text, long length = 10, string prefix = "")
    {
        CheckPrefix(prefix, length);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Trim().ToLowerInvariant();
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(normalized, digest);
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest);

        var hashLength = (int)length - prefix.Length;
        return string.Create((int)length, (prefix, value, hashLength), static (span, state) =>
        {
            state.prefix.AsSpan().CopyTo(span);
            var v = state.value;
            for (var i = span.Length - 1; i >= state.prefix.Length; i--)
            {
                (v, var digit) = UInt128.DivRem(v, 36);
                span[i] = Base36[(int)digit];
            }
        });
    }

    [MapFunction("sha256", "The SHA-256 digest of the text's UTF-8 bytes as 64 lower-case hex digits (the text is used as is).")]
    public static string? Sha256(string? text)
    {
        if (text is null)
        {
            return null;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(text, digest);
        return Convert.ToHexStringLower(digest);
    }

    private static void Hash(string text, Span<byte> digest)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = max <= 512 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var count = Encoding.UTF8.GetBytes(text, buffer);
            SHA256.HashData(buffer[..count], digest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void CheckPrefix(string prefix, long length)
    {
        if (prefix is null)
        {
            throw new MappingException("stableId: the prefix must not be null; use \"\".");
        }

        foreach (var c in prefix)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                throw new MappingException($"stableId: the prefix \"{prefix}\" may hold only A-Z and 0-9 (M3 identifiers).");
            }
        }

        // 36^24 < 2^128: 24 digits use the 128 bits without running out; 6 digits (2·10^9 values) is the least that is safe for ids.
        var hashLength = length - prefix.Length;
        if (hashLength is < 6 or > 24)
        {
            throw new MappingException($"stableId: length ({length}) minus the prefix length ({prefix.Length}) must be between 6 and 24.");
        }
    }
}
