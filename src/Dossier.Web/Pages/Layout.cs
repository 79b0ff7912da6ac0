using Dossier.Reporting.Html;
using Microsoft.AspNetCore.Http;
using static Dossier.Reporting.Html.Html;

namespace Dossier.Web.Pages;

/// <summary>The page shell every page shares, and the links between pages. All text passes through <see cref="Html.E"/>.</summary>
internal static class Layout
{
    public static HtmlLinks Links { get; } = new(DocumentHref, EntityHref);

    public static string DocumentHref(string id) => "/documents/" + Uri.EscapeDataString(id);
    public static string EntityHref(string id) => "/entities/" + Uri.EscapeDataString(id);
    public static string StoryHref(string id) => "/stories/" + Uri.EscapeDataString(id);

    /// <param name="refreshSeconds">Reload the page after this long (a running job's page): progress without script.</param>
    public static IResult Page(string title, Action<TextWriter> body, int status = StatusCodes.Status200OK, int? refreshSeconds = null)
    {
        using var output = new StringWriter();
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        output.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        output.WriteLine("<meta name=\"referrer\" content=\"no-referrer\">");
        if (refreshSeconds is { } seconds) output.WriteLine($"<meta http-equiv=\"refresh\" content=\"{seconds}\">");
        output.WriteLine($"<title>{E(title)} · Dossier</title>");
        output.WriteLine("<link rel=\"stylesheet\" href=\"/static/site.css\">");
        output.WriteLine("</head><body><header><a class=\"brand\" href=\"/\">Dossier</a><nav>");
        output.WriteLine("<a href=\"/\">Stories</a> <a href=\"/positions\">Negotiation map</a> <a href=\"/quotes\">Quotes</a> " +
                         "<a href=\"/search\">Search</a> <a href=\"/ingest\">Ingest</a></nav>");
        output.WriteLine("<form class=\"quick\" action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" " +
                         "placeholder=\"Search the dossier\" aria-label=\"Search\"><button type=\"submit\">Search</button></form></header><main>");
        body(output);
        output.WriteLine("</main></body></html>");
        return Results.Content(output.ToString(), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>A byte count as people say it: "20 MB", "512 KB".</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 || bytes >= 10 * 1024 * 1024
        ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 ? $"{bytes / 1024} KB" : $"{bytes} bytes";

    public static IResult NotFound(string message) => Page("Not found", output =>
    {
        output.WriteLine("<h1>Not found</h1>");
        output.WriteLine($"<p>{E(message)}</p><p><a href=\"/\">Back to the stories</a></p>");
    }, StatusCodes.Status404NotFound);

    public static IResult BadRequest(string message) => Page("Bad request", output =>
    {
        output.WriteLine("<h1>That did not work</h1>");
        output.WriteLine($"<p>{E(message)}</p>");
    }, StatusCodes.Status400BadRequest);

    public const string Css = Styles.Css + """
        header { display:flex; flex-wrap:wrap; align-items:center; gap:1.2rem; }
        header .brand { color:#fff; font-weight:700; font-size:1.3rem; text-decoration:none; border:0; }
        header form.quick { margin-left:auto; }
        input, select, textarea, button { font:inherit; padding:.35rem .5rem; border:1px solid #b8c2cc; border-radius:4px; }
        button { background:#2456a6; color:#fff; border-color:#2456a6; cursor:pointer; }
        form.filters { display:flex; flex-wrap:wrap; gap:.6rem; align-items:end; background:#fff; padding:.8rem; border:1px solid var(--line); border-radius:8px; }
        form.filters label { display:flex; flex-direction:column; font-size:.85rem; color:var(--muted); }
        form.ingest { display:grid; gap:.7rem; max-width:50rem; }
        form.ingest label { display:flex; flex-direction:column; font-size:.9rem; }
        textarea { min-height:14rem; }
        textarea.short { min-height:5rem; }
        fieldset { border:1px solid var(--line); border-radius:8px; display:grid; gap:.6rem; }
        progress { width:20rem; max-width:100%; }
        .diagnostics li.error { color:#a11; }
        .hits li { margin:.7rem 0; }
        .chart { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.5rem; max-width:100%; height:auto; }
        .toggles { margin:.5rem 0; }
        .toggles label { margin-right:1rem; }
        #show-ent:not(:checked) ~ article .ent { border-bottom-color:transparent; }
        #show-q:not(:checked) ~ article .q { background:none; border-bottom-color:transparent; }
        #show-tm:not(:checked) ~ article .tm { background:none; }
        .pager { margin-top:1rem; }
        """;
}
