using System.Security.Cryptography;
using System.Text;

namespace Dossier.Core.Text;

/// <summary>Stable content identifiers: the same text always gets the same id, whatever the input order.</summary>
public static class ContentHash
{
    /// <summary>The first 16 hex digits of SHA-256 over the UTF-8 text, whitespace runs collapsed.</summary>
    public static string Of(string text)
    {
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
