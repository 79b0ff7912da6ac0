using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Reporting.Html;

/// <summary>
/// The only ways HTML reports put untrusted text into markup: encoded text, encoded attribute values, anchor ids
/// derived safely from ids, and links restricted to http(s).
/// </summary>
public static partial class Html
{
    /// <summary>Text or a double-quoted attribute value, encoded (&lt; &gt; &amp; " ' all become entities).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// An element id for an untrusted id: kept when it is plain ASCII letters, digits, '-' or '_', otherwise a hash
    /// of it, so two different ids never share an anchor and no id needs escaping.
    /// </summary>
    public static string Id(string prefix, string id)
    {
        if (SafeId().IsMatch(id)) return $"{prefix}-{id}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        return $"{prefix}-x{Convert.ToHexStringLower(hash.AsSpan(0, 6))}";
    }

    /// <summary>The URL when it is an absolute http(s) URL (encoded for an attribute), else null: no javascript:, data: or relative links from content.</summary>
    public static string? SafeHref(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        return uri.Scheme is "http" or "https" ? E(uri.AbsoluteUri) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex SafeId();
}
