using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dossier.Ingest.Web;
using Dossier.Storage.Sqlite;
using Dossier.Web.Ingest;
using Dossier.Web.Api;
using Dossier.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dossier.Web;

/// <summary>The web app and REST API over a dossier database: <c>DossierWeb.Build(db, options).Run()</c>.</summary>
public static class DossierWeb
{
    /// <summary>Every page and API answer carries this policy: no script at all, styles and forms from this site only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public const string TokenCookie = "dossier_token";

    /// <exception cref="ArgumentException">A non-loopback bind without a token, or a bind that is not an IP address.</exception>
    public static WebApplication Build(string dbPath, WebOptions options) =>
        Build(WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(DossierWeb).Assembly.GetName().Name }), dbPath, options);

    /// <summary>
    /// The app on a builder made elsewhere: by the stand-alone host (src/Dossier.Web.Host), whose builder carries its
    /// command line and environment, and so by the tests' WebApplicationFactory, which runs that host on a test server.
    /// </summary>
    /// <exception cref="ArgumentException">A non-loopback bind without a token, or a bind that is not an IP address.</exception>
    public static WebApplication Build(WebApplicationBuilder builder, string dbPath, WebOptions options)
    {
        var address = ParseBind(options.Bind);
        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(options.Token))
            throw new ArgumentException($"Listening on {options.Bind} exposes the dossier to the network; give a --token to do that.", nameof(options));

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes;
            kestrel.Listen(address, options.Port);
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxUploadBytes);
        builder.Services.AddAntiforgery();
        // One log line per request would drown the console (and cost time); warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var store = SqliteDossierStore.OpenAsync(dbPath).GetAwaiter().GetResult();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<DossierData>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => new SafeFetcher(options.Fetch));
        // Ingestion is a service so that a host without the engine (the tests' factory) can still register one.
        if (options.Ingest is not null) builder.Services.AddSingleton(options.Ingest);
        builder.Services.AddSingleton<IngestJobs>();

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(() => store.DisposeAsync().AsTask().GetAwaiter().GetResult());
        app.Use(SecurityHeaders);
        if (!string.IsNullOrEmpty(options.Token)) app.Use(RequireToken(options));
        app.Use(LimitBody(options));
        app.UseAntiforgery();

        app.MapGet("/static/site.css", () => Results.Text(Layout.Css, "text/css; charset=utf-8"));
        SitePages.Map(app);
        ApiEndpoints.Map(app);
        app.MapFallback((HttpContext context) => context.Request.Path.StartsWithSegments("/api")
            ? ApiEndpoints.NotFound("no such endpoint")
            : Layout.NotFound("There is no page at this address."));
        return app;
    }

    private static IPAddress ParseBind(string bind)
    {
        if (string.Equals(bind, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        return IPAddress.TryParse(bind, out var address)
            ? address
            : throw new ArgumentException($"--bind takes an IP address (127.0.0.1, ::1, 0.0.0.0), not '{bind}'.", nameof(bind));
    }

    private static async Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next();
    }

    /// <summary>
    /// A body announced as larger than the limit is refused at once with 413 and a message saying the limit (Kestrel
    /// enforces the same limit on bodies sent without a length, which the endpoints turn into the same answer).
    /// </summary>
    private static Func<HttpContext, Func<Task>, Task> LimitBody(WebOptions options) => async (context, next) =>
    {
        if (context.Request.ContentLength > options.MaxUploadBytes)
        {
            var answer = context.Request.Path.StartsWithSegments("/api") ? ApiEndpoints.TooLarge(options) : SitePages.TooLarge(options);
            // The client may still be sending; the answer goes out and the connection closes rather than read it all.
            context.Response.Headers.Connection = "close";
            await answer.ExecuteAsync(context);
            return;
        }
        await next();
    };

    private static Func<HttpContext, Func<Task>, Task> RequireToken(WebOptions options)
    {
        var expected = Encoding.UTF8.GetBytes(options.Token!);
        bool Matches(string? given) =>
            given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected);

        return async (context, next) =>
        {
            var request = context.Request;
            var reading = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
            if ((reading && !options.RequireTokenForReads) || request.Path == "/static/site.css")
            {
                await next();
                return;
            }
            var bearer = request.Headers.Authorization.ToString();
            if (Matches(bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer[7..] : null) || Matches(request.Cookies[TokenCookie]))
            {
                await next();
                return;
            }
            // A link with ?token= logs a browser in once: the token moves to an HttpOnly cookie and leaves the address bar.
            if (reading && Matches(request.Query["token"]))
            {
                context.Response.Cookies.Append(TokenCookie, options.Token!, new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = request.IsHttps, IsEssential = true,
                });
                context.Response.Redirect(request.Path.ToUriComponent());
                return;
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("This dossier needs a token: send 'Authorization: Bearer TOKEN' or open a link with ?token=TOKEN.");
        };
    }
}
