using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dossier.Testing;

/// <summary>
/// A web site on a free loopback port, for tests of code that fetches: each request goes to the handler on a task of
/// its own (so a slow page does not hold up the others), and a client that gives up is not an error.
/// </summary>
public sealed class LoopbackSite : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;

    public LoopbackSite(Func<HttpListenerContext, Task> handle)
    {
        _handle = handle;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Base = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }
        _listener.Prefixes.Add(Base);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>The site's root URL, ending in a slash.</summary>
    public string Base { get; }

    public static async Task WriteAsync(HttpListenerResponse response, string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (!_listener.IsListening || ex is HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            await _handle(context);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away (timeout tests): nothing to answer.
        }
    }

    public void Dispose() => _listener.Close();
}
