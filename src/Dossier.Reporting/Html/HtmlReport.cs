using Dossier.Core.Model;
using NodaTime.Text;
using static Dossier.Reporting.Html.Html;

namespace Dossier.Reporting.Html;

/// <summary>
/// dossier.html: one self-contained page (inline CSS, no script, nothing loaded from elsewhere) to read offline.
/// Every piece of document text and metadata is untrusted and goes through <see cref="Html.E"/>; a meta CSP forbids
/// scripts and external loads even if something slipped through.
/// </summary>
public static class HtmlReport
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    public static void Write(Corpus corpus, TextWriter output)
    {
        var view = new CorpusView(corpus);
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        output.WriteLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{E(ContentSecurityPolicy)}\">");
        output.WriteLine("<meta name=\"referrer\" content=\"no-referrer\">");
        output.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        output.WriteLine("<title>Dossier</title>");
        output.WriteLine($"<style>{Styles.Css}</style>");
        output.WriteLine("</head><body>");
        output.WriteLine("<header><h1>Dossier</h1>");
        output.WriteLine($"<p class=\"meta\">{corpus.Documents.Length} documents · {corpus.Stories.Length} stories · " +
                         $"{corpus.Entities.Length} entities · {corpus.Positions.Length} positions</p>");
        output.WriteLine("<nav><a href=\"#stories\">Stories</a> <a href=\"#map\">Negotiation map</a> " +
                         "<a href=\"#documents\">Documents</a> <a href=\"#entities\">Entities</a></nav></header><main>");

        WriteStories(view, output);
        WriteNegotiationMap(view, HtmlLinks.InPage, output);
        WriteDocuments(view, output);
        WriteEntities(view, output);

        output.WriteLine("</main></body></html>");
    }

    private static void WriteStories(CorpusView view, TextWriter output)
    {
        var links = HtmlLinks.InPage;
        output.WriteLine("<section id=\"stories\"><h2>Stories</h2>");
        if (view.Corpus.Stories.IsDefaultOrEmpty) output.WriteLine("<p class=\"empty\">No stories.</p>");
        for (var s = 0; s < view.Corpus.Stories.Length; s++) WriteStory(view, view.Corpus.Stories[s], s, links, output);
        var loose = view.Unstoried();
        if (loose.Count > 0)
        {
            output.WriteLine("<h3>Documents in no story</h3><ul>");
            foreach (var document in loose)
                output.WriteLine($"<li><a href=\"{E(links.Document(document.Id))}\">{E(document.Metadata.Title ?? "(untitled)")}</a> · {E(document.Metadata.Outlet ?? "unknown outlet")}</li>");
            output.WriteLine("</ul>");
        }
        output.WriteLine("</section>");
    }

    /// <summary>
    /// One story: its summary, its sources side by side with the quotes and claims several carry highlighted, the list
    /// of those alignments and the discrepancies. <paramref name="index"/> keeps in-page anchors unique per story.
    /// </summary>
    /// <param name="sources">
    /// The documents to show side by side (a page of a long story); all of the story's when null. Counts, outlets and
    /// the coverage table always cover the whole story: its other documents need only their metadata in the view.
    /// </param>
    public static void WriteStory(CorpusView view, Story story, int index, HtmlLinks links, TextWriter output, IReadOnlyList<Document>? sources = null)
    {
        var documents = view.DocumentsOf(story);
        var alignments = view.AlignmentsOf(story);
        output.WriteLine($"<article class=\"story\" id=\"{Id("story", story.Id)}\"><h3>{E(story.Title)}</h3>");
        output.WriteLine($"<p class=\"meta\">{E(story.Date ?? "undated")} · {E(string.Join(", ", view.OutletsOf(story)))} · " +
                         $"{documents.Count} documents{(view.StorylineText(story) is { } line ? " · storyline: " + E(line) : "")}</p>");
        if (!string.IsNullOrWhiteSpace(story.Summary)) output.WriteLine($"<p class=\"summary\">{E(story.Summary)}</p>");

        output.WriteLine("<h4>Sources side by side</h4><div class=\"sources\">");
        foreach (var document in sources ?? documents)
        {
            var marks = alignments.SelectMany((a, j) => a.Documents.Where(d => d.DocumentId == document.Id).Select(d =>
                new Mark(d.Start, d.End, a.Kind == AlignmentKind.Quote ? "aligned" : "aligned claim",
                    $"carried by {a.Documents.Select(x => x.DocumentId).Distinct().Count()} documents", $"#al-{index}-{j}")));
            output.WriteLine($"<div class=\"source\"><h5>{E(document.Metadata.Outlet ?? "unknown outlet")}</h5>");
            output.WriteLine($"<p class=\"meta\"><a href=\"{E(links.Document(document.Id))}\">{E(document.Metadata.Title ?? "(untitled)")}</a> · {DateText(document)}</p>");
            output.Write("<div class=\"text\">");
            AnnotatedText.Write(output, document.Text, marks);
            output.WriteLine("</div></div>");
        }
        output.WriteLine("</div>");

        if (alignments.Count > 0)
        {
            output.WriteLine("<h4>Aligned quotes and claims</h4><ol class=\"alignments\">");
            for (var j = 0; j < alignments.Count; j++)
            {
                var a = alignments[j];
                var who = a.Speaker is { } speaker ? $" — <a href=\"{E(links.Entity(speaker))}\">{E(view.ActorName(speaker))}</a>" : "";
                var channel = a.Channel is { } c ? $" <span class=\"tag\">{E(c)}</span>" : "";
                var carriers = string.Join(", ", a.Documents.Select(d =>
                    $"<a href=\"{E(links.Document(d.DocumentId))}\">{E(view.OutletOf(d.DocumentId))}</a>"));
                output.WriteLine($"<li id=\"al-{index}-{j}\"><span class=\"tag\">{E(Names.Of(a.Kind))}</span> " +
                                 $"<mark class=\"aligned\">{E(a.Text)}</mark>{who}{channel}<br><small>carried by {carriers}" +
                                 (a.FirstOutlet is { } first ? $"; first by {E(first)}" : "") + "</small></li>");
            }
            output.WriteLine("</ol>");
        }

        WriteCoverage(StoryCoverage.Of(view, story), output);

        var discrepancies = view.DiscrepanciesOf(story);
        if (discrepancies.Count > 0)
        {
            output.WriteLine("<h4>Discrepancies and omissions</h4><ul class=\"discrepancies\">");
            foreach (var d in discrepancies)
                output.WriteLine($"<li><span class=\"tag warn\">{E(d.Kind)}</span> <a href=\"{E(links.Document(d.Document))}\">{E(view.OutletOf(d.Document))}</a>: " +
                                 $"“{E(d.Text)}” — {E(d.Explanation)}</li>");
            output.WriteLine("</ul>");
        }
        output.WriteLine("</article>");
    }

    /// <summary>The outlet × claim table of a story (same symbols as the Markdown report, with a title on each cell).</summary>
    private static void WriteCoverage(StoryCoverage coverage, TextWriter output)
    {
        if (coverage.Rows.IsDefaultOrEmpty) return;
        output.WriteLine("<h4>Coverage (outlet × claim)</h4><p class=\"legend\">✓ reports · ≠ reports it differently · ✗ leaves out what most others report</p>");
        output.WriteLine($"<table class=\"coverage\"><thead><tr><th>Claim</th><th>Outlets</th><th>First</th>{string.Concat(coverage.Outlets.Select(o => $"<th>{E(o)}</th>"))}</tr></thead><tbody>");
        foreach (var row in coverage.Rows)
            output.WriteLine($"<tr><td><span class=\"tag\">{E(row.Kind)}</span> {E(row.Text)}</td><td>{row.Corroboration}</td><td>{E(row.FirstOutlet ?? "")}</td>" +
                             string.Concat(row.Cells.Select(c => $"<td class=\"cov-{Names.Of(c)}\" title=\"{Names.Of(c)}\">{Markdown.MarkdownReport.Symbol(c)}</td>")) + "</tr>");
        output.WriteLine("</tbody></table><ul class=\"per-outlet\">");
        foreach (var o in coverage.PerOutlet)
            output.WriteLine($"<li><b>{E(o.Outlet)}</b>: carries {o.Reports}, alone on {o.Exclusives}, leaves out {o.Omissions}, differs on {o.Differences}</li>");
        output.WriteLine("</ul>");
    }

    /// <summary>The issue × actor matrix coloured by each cell's latest stance, each cell linking to its evidence list below.</summary>
    public static void WriteNegotiationMap(CorpusView view, HtmlLinks links, TextWriter output)
    {
        var map = view.Map();
        output.WriteLine("<section id=\"map\"><h2>Negotiation map</h2>");
        if (map.Issues.Count == 0)
        {
            output.WriteLine("<p class=\"empty\">No positions.</p></section>");
            return;
        }
        output.WriteLine("<p class=\"legend\"><span class=\"stance-support\">support</span> <span class=\"stance-oppose\">oppose</span> " +
                         "<span class=\"stance-conditional\">conditional</span> <span class=\"stance-undecided\">undecided</span> — " +
                         "each cell shows the latest stance; open it for the evidence.</p>");
        output.WriteLine("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>Issue</th>");
        foreach (var actor in map.Actors) output.Write($"<th scope=\"col\"><a href=\"{E(links.Entity(actor))}\">{E(view.ActorName(actor))}</a></th>");
        output.WriteLine("</tr></thead><tbody>");
        for (var i = 0; i < map.Issues.Count; i++)
        {
            output.Write($"<tr><th scope=\"row\">{E(map.Issues[i])}</th>");
            for (var j = 0; j < map.Actors.Count; j++)
            {
                var cell = map.Cell(map.Issues[i], map.Actors[j]);
                if (cell.Count == 0)
                {
                    output.Write("<td class=\"none\"></td>");
                    continue;
                }
                var latest = cell[^1];
                var history = cell.Count > 1 ? $"<small>{cell.Count} dated stances</small>" : "";
                output.Write($"<td class=\"stance-{Names.Of(latest.Stance)}\"><a href=\"#ev-{i}-{j}\">{E(Names.Of(latest.Stance))}" +
                             $"<small>{E(latest.Date ?? "")}</small>{history}</a></td>");
            }
            output.WriteLine("</tr>");
        }
        output.WriteLine("</tbody></table></div><h3>Evidence</h3>");
        for (var i = 0; i < map.Issues.Count; i++)
        {
            for (var j = 0; j < map.Actors.Count; j++)
            {
                var cell = map.Cell(map.Issues[i], map.Actors[j]);
                if (cell.Count == 0) continue;
                output.WriteLine($"<div class=\"evidence\" id=\"ev-{i}-{j}\"><h4>{E(map.Issues[i])} × {E(view.ActorName(map.Actors[j]))}</h4><ul>");
                foreach (var position in cell)
                {
                    var condition = position.Condition is { } c ? $": {E(c)}" : "";
                    output.WriteLine($"<li><span class=\"stance-{Names.Of(position.Stance)}\">{E(Names.Of(position.Stance))}</span> " +
                                     $"{E(position.Date ?? "undated")}{condition}<ul>");
                    if (position.Evidence.IsDefaultOrEmpty) output.WriteLine("<li class=\"empty\">no evidence recorded</li>");
                    foreach (var e in position.Evidence)
                    {
                        var quoted = e.Text ?? view.TextOf(e.Document, e.Start, e.End);
                        output.WriteLine($"<li><a href=\"{E(links.Document(e.Document))}\">{E(e.Outlet ?? view.OutletOf(e.Document))}</a> " +
                                         $"[{e.Start}–{e.End}]{(quoted is null ? "" : $": <q>{E(quoted)}</q>")}</li>");
                    }
                    output.WriteLine("</ul></li>");
                }
                output.WriteLine("</ul></div>");
            }
        }
        output.WriteLine("</section>");
    }

    private static void WriteDocuments(CorpusView view, TextWriter output)
    {
        var links = HtmlLinks.InPage;
        output.WriteLine("<section id=\"documents\"><h2>Documents</h2>");
        output.WriteLine("<p class=\"legend\"><span class=\"ent ent-per\">person</span> <span class=\"ent ent-org\">organisation</span> " +
                         "<span class=\"ent ent-loc\">place</span> <span class=\"ent ent-misc\">other</span> <span class=\"q\">quote</span> " +
                         "<span class=\"tm\">time</span></p>");
        foreach (var document in view.Corpus.Documents) WriteDocument(view, document, links, output);
        output.WriteLine("</section>");
    }

    /// <summary>One document: metadata, a safe link to its source, its clean text with entities, quotes and times highlighted.</summary>
    public static void WriteDocument(CorpusView view, Document document, HtmlLinks links, TextWriter output)
    {
        var m = document.Metadata;
        output.WriteLine($"<article class=\"document\" id=\"{Id("doc", document.Id)}\"><h3>{E(m.Title ?? "(untitled)")}</h3>");
        var authors = m.Authors.IsDefaultOrEmpty ? "" : " · by " + E(string.Join(", ", m.Authors));
        var link = SafeHref(m.Url ?? document.Source) is { } href
            ? $" · <a href=\"{href}\" rel=\"noopener noreferrer nofollow\">source</a>"
            : $" · <span class=\"source\">{E(document.Source)}</span>";
        output.WriteLine($"<p class=\"meta\">{E(m.Outlet ?? "unknown outlet")}{authors} · {DateText(document)}{link} · <code>{E(document.Id)}</code></p>");

        var marks = document.Layer(Layers.Quotes).Select(q => new Mark(q.Span.Start, q.Span.End, "q",
                $"{Names.Of(q.Kind)} quote" + (q.Speaker is { } sp ? $" by {sp.Name}" : ""),
                q.Speaker?.EntityId is { } id ? links.Entity(id) : null))
            .Concat(document.Layer(Layers.Entities).Select(e => new Mark(e.Span.Start, e.Span.End,
                $"ent ent-{e.Label.ToString().ToLowerInvariant()}",
                $"{e.Label}{(e.Type is null ? "" : "/" + e.Type)}{(e.EntityId is null ? "" : " → " + view.ActorName(e.EntityId))}",
                e.EntityId is { } id ? links.Entity(id) : null)))
            .Concat(document.Layer(Layers.Times).Select(t => new Mark(t.Span.Start, t.Span.End, "tm",
                $"{t.Type}{(t.Value is null ? "" : " " + t.Value)}")));
        output.Write("<div class=\"text\">");
        AnnotatedText.Write(output, document.Text, marks);
        output.WriteLine("</div>");
        if (!document.Removed.IsDefaultOrEmpty)
        {
            output.WriteLine($"<details><summary>Removed text ({document.Removed.Length})</summary><ul class=\"removed\">");
            foreach (var r in document.Removed) output.WriteLine($"<li><span class=\"tag\">{E(r.Reason)}</span> {E(r.Text)}</li>");
            output.WriteLine("</ul></details>");
        }
        output.WriteLine("</article>");
    }

    private static void WriteEntities(CorpusView view, TextWriter output)
    {
        var links = HtmlLinks.InPage;
        output.WriteLine("<section id=\"entities\"><h2>Entities</h2>");
        if (view.Corpus.Entities.IsDefaultOrEmpty)
        {
            output.WriteLine("<p class=\"empty\">No entities.</p></section>");
            return;
        }
        output.WriteLine("<div class=\"scroll\"><table><thead><tr><th>Name</th><th>Type</th><th>Country</th><th>Aliases</th><th>Roles</th><th>Wikidata</th></tr></thead><tbody>");
        foreach (var e in view.Corpus.Entities)
        {
            var roles = string.Join("; ", e.Roles.Select(r => E(r.Date is null ? r.Title : $"{r.Title} ({r.Date})")));
            var wikidata = e.Wikidata is { } q && WikidataId(q)
                ? $"<a href=\"{SafeHref("https://www.wikidata.org/wiki/" + q)}\" rel=\"noopener noreferrer nofollow\">{E(q)}</a>"
                : "";
            output.WriteLine($"<tr id=\"{Id("ent", e.Id)}\"><td>{E(e.Name)} <code>{E(e.Id)}</code></td><td>{E(e.Type)}</td><td>{E(e.Country ?? "")}</td>" +
                             $"<td>{E(string.Join(", ", e.Aliases))}</td><td>{roles}</td><td>{wikidata}</td></tr>");
        }
        output.WriteLine("</tbody></table></div></section>");
    }

    private static bool WikidataId(string id) => id.Length > 1 && id[0] == 'Q' && id.Skip(1).All(char.IsAsciiDigit);

    private static string DateText(Document document) =>
        document.Metadata.Published is { } p
            ? E(LocalDatePattern.Iso.Format(p)) + (document.Metadata.PublishedInferred ? " <span class=\"tag\">inferred</span>" : "")
            : "undated";
}
