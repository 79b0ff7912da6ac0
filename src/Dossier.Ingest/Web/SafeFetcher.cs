using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;

namespace Dossier.Ingest.Web;

/// <summary>How the fetcher behaves. Defaults are safe for fetching news pages named by users or feeds.</summary>
public sealed record FetchOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Largest response body read; a larger page is refused (D003).</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;
    public int MaxRedirects { get; init; } = 5;
    /// <summary>Allow private, loopback and link-local addresses (<c>--allow-private</c>): only for trusted intranets.</summary>
    public bool AllowPrivate { get; init; }
    public string UserAgent { get; init; } = "Dossier/1.0 (news analysis; +https://github.com/dossier)";
    /// <summary>Least time between two requests to one host.</summary>
    public TimeSpan PolitenessDelay { get; init; } = TimeSpan.FromSeconds(1);
    public bool RespectRobotsTxt { get; init; } = true;
}

/// <summary>A fetched response: the final URL after redirects, and what a conditional GET needs next time.</summary>
public sealed record FetchResult(
    string Url,
    HttpStatusCode Status,
    string? MediaType,
    string? Charset,
    byte[] Body,
    string? ETag,
    DateTimeOffset? LastModified)
{
    public bool NotModified => Status == HttpStatusCode.NotModified;
}

/// <summary>
/// Fetches URLs without letting them reach the local network: only http(s); every connection's address is checked
/// after DNS resolution (in the socket connect callback, so a rebinding DNS answer cannot slip through) and redirects
/// are followed by hand, each hop checked again; timeouts, a size cap, a redirect cap, a per-host politeness delay,
/// robots.txt and conditional GET. Failures are diagnostics (D030 refused, D031 network, D003 too large), never
/// exceptions.
/// </summary>
public sealed class SafeFetcher : IDisposable
{
    private readonly FetchOptions _options;
    private readonly HttpClient _client;
    private readonly Func<IPAddress, bool> _isForbidden;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, DateTimeOffset> _lastRequest = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RobotsTxt> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SafeFetcher(FetchOptions? options = null, TimeProvider? time = null)
        : this(options, time, null)
    {
    }

    /// <param name="isForbidden">Which addresses to refuse; by default <see cref="AddressGuard.IsPrivate"/> unless AllowPrivate.</param>
    internal SafeFetcher(FetchOptions? options, TimeProvider? time, Func<IPAddress, bool>? isForbidden)
    {
        _options = options ?? new FetchOptions();
        _time = time ?? TimeProvider.System;
        _isForbidden = isForbidden ?? (_options.AllowPrivate ? _ => false : AddressGuard.IsPrivate);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = _options.Timeout,
            ConnectCallback = ConnectAsync,
            UseProxy = false, // a proxy would connect on our behalf, past the address check
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.TryParseAdd(_options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    /// <summary>Fetches a URL, following redirects. Null when refused or failed (a diagnostic says why).</summary>
    public async Task<FetchResult?> FetchAsync(string url, DiagnosticBag diagnostics, CancellationToken cancellationToken = default,
        string? etag = null, DateTimeOffset? lastModified = null)
    {
        if (!TryParseHttpUrl(url, out var uri))
        {
            diagnostics.Add(Codes.Refused, Severity.Error, url, "not an http(s) URL; only http and https are fetched.");
            return null;
        }
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (var hop = 0; ; hop++)
        {
            if (!visited.Add(uri.AbsoluteUri))
            {
                diagnostics.Add(Codes.Network, Severity.Error, url, $"redirect loop at {uri}; the page cannot be fetched.");
                return null;
            }
            if (_options.RespectRobotsTxt && !await AllowedByRobotsAsync(uri, cancellationToken))
            {
                diagnostics.Add(Codes.Refused, Severity.Warning, url, $"robots.txt of {uri.Host} disallows {uri.AbsolutePath} for our user agent; not fetched.");
                return null;
            }
            var response = await SendAsync(uri, url, diagnostics, hop == 0 ? etag : null, hop == 0 ? lastModified : null, cancellationToken);
            if (response is null) return null;
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.StatusCode != HttpStatusCode.NotModified)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        diagnostics.Add(Codes.Network, Severity.Error, url, $"more than {_options.MaxRedirects} redirects; stopped at {uri}.");
                        return null;
                    }
                    var location = response.Headers.Location;
                    if (location is null || !TryParseHttpUrl(new Uri(uri, location).AbsoluteUri, out var next))
                    {
                        diagnostics.Add(Codes.Refused, Severity.Error, url, $"redirect from {uri} to a missing or non-http location ({location}); not followed.");
                        return null;
                    }
                    uri = next;
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.NotModified)
                    return new FetchResult(uri.AbsoluteUri, response.StatusCode, null, null, [], etag, lastModified);
                if (status >= 400)
                {
                    diagnostics.Add(Codes.Network, Severity.Error, url, $"HTTP {status} {response.ReasonPhrase} from {uri}.");
                    return null;
                }
                var body = await ReadCappedAsync(response, url, diagnostics, cancellationToken);
                if (body is null) return null;
                return new FetchResult(
                    uri.AbsoluteUri,
                    response.StatusCode,
                    response.Content.Headers.ContentType?.MediaType,
                    response.Content.Headers.ContentType?.CharSet,
                    body,
                    response.Headers.ETag?.ToString(),
                    response.Content.Headers.LastModified);
            }
        }
    }

    /// <summary>Fetches a URL with a conditional GET when <paramref name="cache"/> knows its validators from an earlier
    /// run. Null when refused, failed, or not modified since (an info diagnostic says so: the page is already stored).</summary>
    public async Task<FetchResult?> FetchCachedAsync(string url, DiagnosticBag diagnostics, FetchCache? cache, CancellationToken cancellationToken = default)
    {
        var known = cache?.Get(url);
        var result = await FetchAsync(url, diagnostics, cancellationToken, known?.ETag, known?.LastModified);
        if (result is null) return null;
        if (result.NotModified)
        {
            diagnostics.Add(Codes.Duplicate, Severity.Info, url, "not modified since the last run (HTTP 304); already stored, not fetched again.");
            return null;
        }
        cache?.Set(url, new CacheValidators(result.ETag, result.LastModified));
        return result;
    }

    /// <summary>Fetches a page and decodes it (HTTP charset, then the page's own declaration, then sniffing) into a raw document.</summary>
    public async Task<RawDocument?> FetchDocumentAsync(string url, DiagnosticBag diagnostics, CancellationToken cancellationToken = default, FetchCache? cache = null)
    {
        var result = await FetchCachedAsync(url, diagnostics, cache, cancellationToken);
        if (result is null) return null;
        if (result.Body.Length == 0)
        {
            diagnostics.Add(Codes.EmptyInput, Severity.Warning, url, "the server sent an empty page.");
            return null;
        }
        if (InputReader.LooksBinary(result.Body))
        {
            diagnostics.Add(Codes.BinaryInput, Severity.Error, url, $"the server sent binary content ({result.MediaType ?? "unknown type"}), not a page.");
            return null;
        }
        var isHtml = result.MediaType is null || result.MediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || result.MediaType.Contains("xml", StringComparison.OrdinalIgnoreCase);
        var decoded = TextDecoding.Decode(result.Body, sniffHtml: isHtml, declaredCharset: result.Charset);
        if (decoded.Note is not null) diagnostics.Add(Codes.InvalidEncoding, Severity.Warning, url, decoded.Note);
        return new RawDocument(url, decoded.Text, isHtml ? ContentKind.Html : ContentKind.PlainText, new MetadataHints { Url = result.Url });
    }

    private async Task<HttpResponseMessage?> SendAsync(Uri uri, string original, DiagnosticBag diagnostics, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
        await WaitForHostAsync(uri.Host, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
        if (lastModified is not null) request.Headers.IfModifiedSince = lastModified;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refusal)
        {
            diagnostics.Add(Codes.Refused, Severity.Error, original, $"{refusal.Message} Use --allow-private only for trusted internal sites.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            diagnostics.Add(Codes.Network, Severity.Error, original, $"no response from {uri.Host} within {_options.Timeout.TotalSeconds:0.#} s (timeout).");
        }
        catch (HttpRequestException ex)
        {
            diagnostics.Add(Codes.Network, Severity.Error, original, $"request to {uri} failed ({ex.Message}).");
        }
        return null;
    }

    private async Task<byte[]?> ReadCappedAsync(HttpResponseMessage response, string original, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > _options.MaxBytes)
        {
            diagnostics.Add(Codes.TooLarge, Severity.Error, original, $"page is {response.Content.Headers.ContentLength / (1024 * 1024)} MB, over the {_options.MaxBytes / (1024 * 1024)} MB limit; not downloaded.");
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > _options.MaxBytes)
                {
                    diagnostics.Add(Codes.TooLarge, Severity.Error, original, $"page is larger than the {_options.MaxBytes / (1024 * 1024)} MB limit; download stopped.");
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            diagnostics.Add(Codes.Network, Severity.Error, original, $"download did not finish within {_options.Timeout.TotalSeconds:0.#} s (timeout).");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            diagnostics.Add(Codes.Network, Severity.Error, original, $"download failed ({ex.Message}).");
        }
        return null;
    }

    /// <summary>Resolves the host and connects only to an allowed address: the check and the connection use the same
    /// answer, so DNS cannot change between them.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var forbidden = addresses.FirstOrDefault(_isForbidden);
        if (forbidden is not null)
            throw new AddressRefusedException($"{host} resolves to {forbidden}, a private, loopback or link-local address; refused.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task WaitForHostAsync(string host, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            var next = _lastRequest.TryGetValue(host, out var last) ? last + _options.PolitenessDelay : now;
            wait = next > now ? next - now : TimeSpan.Zero;
            _lastRequest[host] = now + wait;
        }
        finally
        {
            _gate.Release();
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken);
    }

    private async Task<bool> AllowedByRobotsAsync(Uri uri, CancellationToken cancellationToken)
    {
        var key = $"{uri.Scheme}://{uri.Authority}";
        RobotsTxt? robots;
        lock (_robots) _robots.TryGetValue(key, out robots);
        if (robots is null)
        {
            robots = RobotsTxt.AllowAll;
            var robotsUri = new Uri($"{key}/robots.txt");
            var scratch = new DiagnosticBag(); // a missing or failing robots.txt means no restrictions
            var response = await SendAsync(robotsUri, robotsUri.AbsoluteUri, scratch, null, null, cancellationToken);
            if (response is not null)
            {
                using (response)
                {
                    if (response.IsSuccessStatusCode && await ReadCappedAsync(response, robotsUri.AbsoluteUri, scratch, cancellationToken) is { } body)
                        robots = RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(body), _options.UserAgent);
                }
            }
            lock (_robots) _robots[key] = robots;
        }
        return robots.Allows(uri.PathAndQuery);
    }

    private static bool TryParseHttpUrl(string url, out Uri uri)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            uri = parsed;
            return true;
        }
        uri = null!;
        return false;
    }

    private static AddressRefusedException? FindRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is AddressRefusedException refused) return refused;
        return null;
    }

    public void Dispose()
    {
        _client.Dispose();
        _gate.Dispose();
    }

    private sealed class AddressRefusedException(string message) : Exception(message);
}
