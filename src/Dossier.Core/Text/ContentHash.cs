using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Dossier.Core.Text;

/// <summary>Stable content identifiers: the same text always gets the same id, whatever the input order.</summary>
public static class ContentHash
{
    /// <summary>The first 16 hex digits of SHA-256 over the UTF-8 text, whitespace runs collapsed.</summary>
    /// <remarks>The text is the words joined by single spaces (no space at either end), built in one pooled buffer and
    /// hashed in chunks: a page of several hundred kilobytes is hashed without splitting it into thousands of strings.</remarks>
    public static string Of(string text)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        const int chunk = 16 * 1024;
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(chunk));
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = length > 0;
                    continue;
                }
                if (pendingSpace) chars[length++] = ' ';
                pendingSpace = false;
                chars[length++] = c;
            }
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            // One encoder across the chunks keeps a surrogate pair split by a chunk boundary whole.
            var encoder = Encoding.UTF8.GetEncoder();
            for (var start = 0; start < length || start == 0; start += chunk)
            {
                var count = Math.Min(chunk, length - start);
                var flush = start + count >= length;
                var written = encoder.GetBytes(chars, start, count, bytes, 0, flush);
                hash.AppendData(bytes, 0, written);
                if (flush) break;
            }
            Span<byte> digest = stackalloc byte[32];
            hash.GetHashAndReset(digest);
            return Convert.ToHexStringLower(digest[..8]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
