namespace Dossier.Reporting.Html;

/// <summary>
/// Where links to a document or an entity point: anchors inside the one-file report, or pages of the web app.
/// Hrefs are built from ids here and encoded where they are written.
/// </summary>
public sealed record HtmlLinks(Func<string, string> Document, Func<string, string> Entity)
{
    public static HtmlLinks InPage { get; } = new(id => "#" + Html.Id("doc", id), id => "#" + Html.Id("ent", id));
}
