using System.Text;
using Dossier.Core.Model;
using Dossier.Reporting;
using Dossier.Reporting.Html;
using Dossier.Storage;
using Dossier.Web.Charts;
using Dossier.Ingest;
using Dossier.Web.Ingest;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NodaTime.Text;
using static Dossier.Reporting.Html.Html;
using static Dossier.Web.Pages.Layout;

namespace Dossier.Web.Pages;

/// <summary>The server-rendered pages: readable with JavaScript off, every piece of content encoded.</summary>
internal static class SitePages
{
    private const int PageSize = 50;

    private const int SourcesPerPage = 10;

    /// <summary>
    /// ?order=relevance ranks every match by bm25; otherwise headlines first, then the newest: bm25 costs time in
    /// proportion to the matches, and a common word matches most of a large dossier.
    /// </summary>
    internal static SearchOrder OrderOf(HttpRequest request) =>
        string.Equals(request.Query["order"], "relevance", StringComparison.OrdinalIgnoreCase) ? SearchOrder.Relevance : SearchOrder.HeadlinesThenRecent;

    /// <summary>Search hits per page: each needs a snippet cut from its text.</summary>
    private const int HitsPerPage = 20;

    public static void Map(WebApplication app)
    {
        app.MapGet("/", Stories);
        app.MapGet("/stories/{id}", Story);
        app.MapGet("/documents/{id}", DocumentPage);
        app.MapGet("/entities/{id}", Entity);
        app.MapGet("/positions", Positions);
        app.MapGet("/quotes", Quotes);
        app.MapGet("/search", Search);
        app.MapGet("/ingest", IngestForm);
        app.MapPost("/ingest", Ingest);
        app.MapGet("/ingest/jobs/{id}", Job);
    }

    private static async Task<IResult> Stories(HttpRequest request, DossierData data, CancellationToken cancellationToken)
    {
        var derived = await data.DerivedAsync();
        var count = await data.Store.CountDocumentsAsync(cancellationToken);
        var stories = derived.NewestFirst;
        var (page, pages) = PageOf(request, stories.Count, PageSize);
        return Page("Stories", output =>
        {
            output.WriteLine($"<h1>Stories</h1><p class=\"meta\">{stories.Count} stories from {count} documents · " +
                             $"{derived.Corpus.Entities.Length} entities · {derived.Corpus.Positions.Length} positions</p>");
            if (derived.Coverage.Count > 0 && page == 1)
            {
                output.WriteLine("<h2>Coverage over time</h2>");
                Svg.Coverage(output, derived.Coverage);
            }
            if (stories.Count == 0)
            {
                output.WriteLine("<p class=\"empty\">No stories yet. <a href=\"/ingest\">Add documents</a>.</p>");
                return;
            }
            output.WriteLine("<table><thead><tr><th>Date</th><th>Story</th><th>Outlets</th><th>Documents</th><th>Aligned</th></tr></thead><tbody>");
            foreach (var s in stories.Skip((page - 1) * PageSize).Take(PageSize))
            {
                output.WriteLine($"<tr><td>{E(s.Story.Date ?? s.FirstPublished ?? "undated")}</td>" +
                                 $"<td><a href=\"{E(StoryHref(s.Story.Id))}\">{E(s.Story.Title)}</a><br><small>{E(s.Story.Summary)}</small></td>" +
                                 $"<td>{E(string.Join(", ", s.Outlets))}</td><td>{s.Documents}</td><td>{derived.AlignmentsByStory[s.Story.Id].Count()}</td></tr>");
            }
            output.WriteLine("</tbody></table>");
            Pager(output, "/", page, pages, "stories");
        });
    }

    private static async Task<IResult> Story(string id, HttpRequest request, DossierData data, CancellationToken cancellationToken)
    {
        var derived = await data.DerivedAsync();
        if (!derived.StoriesById.TryGetValue(id, out var summary)) return NotFound($"No story has the id “{id}”.");
        var story = summary.Story;
        // A story can gather thousands of reports: the sources are shown side by side a page at a time.
        var (page, pages) = PageOf(request, story.DocumentIds.Length, SourcesPerPage);
        var shown = story.DocumentIds.Skip((page - 1) * SourcesPerPage).Take(SourcesPerPage).ToList();
        // In the story's order (the store returns them in the order they were stored).
        var documents = (await data.Store.LoadDocumentsAsync(shown, cancellationToken)).OrderBy(d => shown.IndexOf(d.Id)).ToList();
        var alignments = derived.AlignmentsByStory[id].ToList();
        var discrepancies = derived.DiscrepanciesByStory[id].ToList();
        // The story's reports on other pages, and those an alignment or a discrepancy names: their outlet and title
        // (for counts, carriers and the coverage table), not their text.
        var named = story.DocumentIds.Concat(alignments.SelectMany(a => a.Documents.Select(d => d.DocumentId))).Concat(discrepancies.Select(d => d.Document))
            .Distinct().Except(shown).ToList();
        var elsewhere = new List<DocumentSummary>();
        foreach (var chunk in named.Chunk(1000)) elsewhere.AddRange(await data.Store.ListDocumentsAsync(chunk, 0, chunk.Length, cancellationToken));
        // The map of this story: positions some of its documents give evidence for.
        var positions = story.DocumentIds.SelectMany(d => derived.PositionsByDocument[d]).Distinct().ToList();
        var view = derived.ViewOf(documents.Concat(elsewhere.Select(Stub)), alignments, discrepancies, positions);
        return Page(story.Title, output =>
        {
            output.WriteLine("<p><a href=\"/\">← Stories</a></p>");
            if (pages > 1)
                output.WriteLine($"<p class=\"meta\">{summary.Documents} reports · sources {(page - 1) * SourcesPerPage + 1}–{(page - 1) * SourcesPerPage + shown.Count} " +
                                 "side by side below</p>");
            Svg.Timeline(output, [.. derived.StoryCoverage[id]]);
            HtmlReport.WriteStory(view, story, 0, Links, output, documents);
            Pager(output, StoryHref(story.Id), page, pages, "sources");
            if (positions.Count > 0) HtmlReport.WriteNegotiationMap(view, Links, output);
        });
    }

    /// <summary>A document known only by its summary: enough for lists to name its outlet and title.</summary>
    private static Document Stub(DocumentSummary summary) => new(summary.Id, summary.Source, "", new DocumentMetadata
    {
        Outlet = summary.Outlet,
        Title = summary.Title,
        Published = summary.Published is { } p && LocalDatePattern.Iso.Parse(p) is { Success: true } date ? date.Value : null,
        PublishedInferred = summary.PublishedInferred,
        Url = summary.Url,
        Language = summary.Language,
    });

    /// <summary>The page asked for by ?page= (1 when missing or malformed, the last when beyond), and the number of pages.</summary>
    internal static (int Page, int Pages) PageOf(HttpRequest request, int items, int size)
    {
        var pages = Math.Max(1, (items + size - 1) / size);
        var asked = int.TryParse(request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 1;
        return (Math.Clamp(asked, 1, pages), pages);
    }

    private static void Pager(TextWriter output, string path, int page, int pages, string what)
    {
        if (pages <= 1) return;
        string Link(int to, string label) => $"<a href=\"{E(path)}?page={to}\">{label}</a>";
        output.WriteLine($"<nav class=\"pager\" aria-label=\"{E(what)} pages\">" +
                         (page > 1 ? Link(1, "« first") + " " + Link(page - 1, "‹ previous") + " " : "") +
                         $"<span>page {page} of {pages}</span>" +
                         (page < pages ? " " + Link(page + 1, "next ›") + " " + Link(pages, "last »") : "") + "</nav>");
    }

    private static async Task<IResult> DocumentPage(string id, DossierData data, CancellationToken cancellationToken)
    {
        var document = await data.Store.LoadDocumentAsync(id, cancellationToken);
        if (document is null) return NotFound($"No document has the id “{id}”.");
        var derived = await data.DerivedAsync();
        var view = derived.ViewOf([document], [], [], []);
        var stories = derived.StoriesByDocument[id].ToList();
        return Page(document.Metadata.Title ?? "Document", output =>
        {
            if (stories.Count > 0)
                output.WriteLine("<p>In " + string.Join(", ", stories.Select(s => $"<a href=\"{E(StoryHref(s.Story.Id))}\">{E(s.Story.Title)}</a>")) + "</p>");
            // Layer toggles work without script: each checkbox's state styles the article after it.
            output.WriteLine("<div class=\"toggles\">Show:");
            output.WriteLine("<input type=\"checkbox\" id=\"show-ent\" checked><label for=\"show-ent\">entities</label>");
            output.WriteLine("<input type=\"checkbox\" id=\"show-q\" checked><label for=\"show-q\">quotes</label>");
            output.WriteLine("<input type=\"checkbox\" id=\"show-tm\" checked><label for=\"show-tm\">times</label>");
            HtmlReport.WriteDocument(view, document, Links, output);
            output.WriteLine("</div>");
            WriteLayerTables(document, output);
        });
    }

    private static void WriteLayerTables(Document document, TextWriter output)
    {
        var quotes = document.Layer(Layers.Quotes);
        if (quotes.Length > 0)
        {
            output.WriteLine("<h2>Quotes</h2><table><thead><tr><th>Quote</th><th>Kind</th><th>Speaker</th><th>Cue</th><th>Channel</th></tr></thead><tbody>");
            foreach (var q in quotes)
            {
                var speaker = q.Speaker is { } s
                    ? s.EntityId is { } entity ? $"<a href=\"{E(EntityHref(entity))}\">{E(s.Name)}</a>" : E(s.Name)
                    : $"<span class=\"empty\">{E(Names.Of(q.Certainty))}</span>";
                output.WriteLine($"<tr><td>{E(q.Text)}</td><td>{E(Names.Of(q.Kind))}</td><td>{speaker}</td><td>{E(q.Cue ?? "")}</td><td>{E(q.Channel ?? "")}</td></tr>");
            }
            output.WriteLine("</tbody></table>");
        }
        var events = document.Layer(Layers.Events);
        if (events.Length > 0)
        {
            output.WriteLine("<h2>Events</h2><table><thead><tr><th>Type</th><th>Source</th><th>Target</th><th>Date</th><th>Sentence</th></tr></thead><tbody>");
            foreach (var e in events)
            {
                var sentence = e.Span.End <= document.Text.Length ? document.TextOf(e.Span) : "";
                output.WriteLine($"<tr><td>{E(e.Type)} <small>{E(e.Mode)}</small></td><td>{ActorLink(e.Source)}</td>" +
                                 $"<td>{(e.Target is { } t ? ActorLink(t) : "")}</td><td>{E(e.Date ?? "")}</td><td>{E(sentence)}</td></tr>");
            }
            output.WriteLine("</tbody></table>");
        }
    }

    private static string ActorLink(ActorRef actor) => $"<a href=\"{E(EntityHref(actor.EntityId))}\">{E(actor.Name)}</a>";

    private static async Task<IResult> Entity(string id, DossierData data, CancellationToken cancellationToken)
    {
        var derived = await data.DerivedAsync();
        var entity = derived.View.Entity(id);
        var positions = derived.PositionsByActor[id].OrderBy(p => p.Date ?? "", StringComparer.Ordinal).ToList();
        // The latest of each: /quotes?speaker= lists more.
        var quotes = await data.Store.FindQuotesAsync(null, id, 50, cancellationToken);
        var events = await data.Store.FindEventsAsync(id, 30, cancellationToken);
        if (entity is null && positions.Count == 0 && quotes.Count == 0 && events.Count == 0)
            return NotFound($"No entity has the id “{id}”.");
        var name = entity?.Name ?? id;
        return Page(name, output =>
        {
            output.WriteLine($"<h1>{E(name)}</h1>");
            if (entity is not null)
            {
                output.WriteLine($"<p class=\"meta\">{E(entity.Type)}{(entity.Country is { } c ? " · " + E(c) : "")} · <code>{E(entity.Id)}</code>" +
                                 (entity.Aliases.IsDefaultOrEmpty ? "" : $" · also {E(string.Join(", ", entity.Aliases))}") + "</p>");
                if (!entity.Roles.IsDefaultOrEmpty)
                {
                    output.WriteLine("<h2>Roles</h2><table><thead><tr><th>Date</th><th>Role</th><th>Reported in</th></tr></thead><tbody>");
                    foreach (var role in entity.Roles.OrderBy(r => r.Date ?? "", StringComparer.Ordinal))
                        output.WriteLine($"<tr><td>{E(role.Date ?? "undated")}</td><td>{E(role.Title)}</td><td><a href=\"{E(DocumentHref(role.DocumentId))}\">document</a></td></tr>");
                    output.WriteLine("</tbody></table>");
                }
            }
            output.WriteLine($"<p><a href=\"/search?entity={Uri.EscapeDataString(id)}&amp;q={Uri.EscapeDataString(name)}\">Documents mentioning {E(name)}</a></p>");
            if (positions.Count > 0)
            {
                output.WriteLine("<h2>Positions over time</h2><table><thead><tr><th>Date</th><th>Issue</th><th>Stance</th><th>Evidence</th></tr></thead><tbody>");
                foreach (var p in positions)
                {
                    var evidence = string.Join(", ", p.Evidence.Select(e => $"<a href=\"{E(DocumentHref(e.Document))}\">{E(e.Outlet ?? "document")}</a>"));
                    output.WriteLine($"<tr><td>{E(p.Date ?? "undated")}</td><td>{E(p.Issue)}</td><td class=\"stance-{Names.Of(p.Stance)}\">{E(Names.Of(p.Stance))}" +
                                     $"{(p.Condition is { } c ? ": " + E(c) : "")}</td><td>{evidence}</td></tr>");
                }
                output.WriteLine("</tbody></table>");
            }
            WriteQuotes(output, quotes, $"Quotes by {name}");
            if (quotes.Count == 50) output.WriteLine($"<p><a href=\"/quotes?speaker={Uri.EscapeDataString(id)}\">More quotes by {E(name)}</a></p>");
            if (events.Count > 0)
            {
                output.WriteLine("<h2>Events</h2><ul class=\"hits\">");
                foreach (var hit in events)
                    output.WriteLine($"<li><span class=\"tag\">{E(hit.Event.Type)}</span> {ActorLink(hit.Event.Source)}" +
                                     (hit.Event.Target is { } t ? " → " + ActorLink(t) : "") +
                                     $" <small>{E(hit.Event.Date ?? hit.Document.Published ?? "")} · <a href=\"{E(DocumentHref(hit.Document.Id))}\">{E(hit.Document.Outlet ?? "document")}</a>: {E(hit.Text ?? "")}</small></li>");
                output.WriteLine("</ul>");
            }
        });
    }

    private static void WriteQuotes(TextWriter output, IReadOnlyList<QuoteHit> quotes, string heading)
    {
        output.WriteLine($"<h2>{E(heading)}</h2>");
        if (quotes.Count == 0)
        {
            output.WriteLine("<p class=\"empty\">No quotes.</p>");
            return;
        }
        output.WriteLine("<ul class=\"hits\">");
        foreach (var hit in quotes)
        {
            var q = hit.Quote;
            var speaker = q.Speaker is { } s
                ? s.EntityId is { } entity ? $"<a href=\"{E(EntityHref(entity))}\">{E(s.Name)}</a>" : E(s.Name)
                : "unattributed";
            output.WriteLine($"<li><q>{E(q.Text)}</q> — {speaker} <span class=\"tag\">{E(Names.Of(q.Kind))}</span>" +
                             $"<small>{E(hit.Document.Published ?? "undated")} · <a href=\"{E(DocumentHref(hit.Document.Id))}\">" +
                             $"{E(hit.Document.Outlet ?? "unknown outlet")}: {E(hit.Document.Title ?? "(untitled)")}</a>" +
                             $"{(q.Channel is { } c ? " · " + E(c) : "")}</small></li>");
        }
        output.WriteLine("</ul>");
    }

    private static async Task<IResult> Positions(DossierData data)
    {
        var derived = await data.DerivedAsync();
        return Page("Negotiation map", output =>
        {
            output.WriteLine("<h1>Negotiation map</h1><p class=\"meta\">Issues × actors. Each cell shows the latest stance; open it for the evidence.</p>");
            HtmlReport.WriteNegotiationMap(derived.View, Links, output);
        });
    }

    private static async Task<IResult> Quotes(HttpRequest request, DossierData data, CancellationToken cancellationToken)
    {
        var q = Bounded(request.Query["q"]);
        var speaker = Bounded(request.Query["speaker"]);
        var hits = await data.Store.FindQuotesAsync(q, speaker, 200, cancellationToken);
        return Page("Quotes", output =>
        {
            output.WriteLine("<h1>Quotes</h1>");
            output.WriteLine("<form class=\"filters\" action=\"/quotes\" method=\"get\">" +
                             $"<label>Words in the quote<input type=\"search\" name=\"q\" value=\"{E(q)}\"></label>" +
                             $"<label>Speaker id<input name=\"speaker\" value=\"{E(speaker)}\"></label><button type=\"submit\">Find</button></form>");
            WriteQuotes(output, hits, q is null && speaker is null ? "Latest quotes" : $"{hits.Count} quotes");
        });
    }

    private static async Task<IResult> Search(HttpRequest request, DossierData data, CancellationToken cancellationToken)
    {
        var q = Bounded(request.Query["q"]);
        var filter = new SearchFilter
        {
            Outlet = Bounded(request.Query["outlet"]),
            From = IsoDate(request.Query["from"]),
            To = IsoDate(request.Query["to"]),
            EntityId = Bounded(request.Query["entity"]),
            Order = OrderOf(request),
        };
        var hits = q is null ? [] : await data.Store.SearchAsync(q, filter, HitsPerPage, cancellationToken);
        var outlets = (await data.DerivedAsync()).Outlets;
        return Page(q is null ? "Search" : $"Search: {q}", output =>
        {
            output.WriteLine("<h1>Search</h1>");
            output.WriteLine("<form class=\"filters\" action=\"/search\" method=\"get\">");
            output.WriteLine($"<label>Words<input type=\"search\" name=\"q\" value=\"{E(q)}\"></label>");
            output.WriteLine("<label>Outlet<select name=\"outlet\"><option value=\"\">any</option>");
            foreach (var outlet in outlets)
                output.WriteLine($"<option value=\"{E(outlet)}\"{(outlet == filter.Outlet ? " selected" : "")}>{E(outlet)}</option>");
            output.WriteLine("</select></label>");
            output.WriteLine($"<label>From<input type=\"date\" name=\"from\" value=\"{E(filter.From)}\"></label>");
            output.WriteLine($"<label>To<input type=\"date\" name=\"to\" value=\"{E(filter.To)}\"></label>");
            output.WriteLine($"<label>Entity id<input name=\"entity\" value=\"{E(filter.EntityId)}\"></label>");
            var relevance = filter.Order == SearchOrder.Relevance;
            output.WriteLine("<label>Order<select name=\"order\">" +
                             $"<option value=\"recent\"{(relevance ? "" : " selected")}>headlines first, then newest</option>" +
                             $"<option value=\"relevance\"{(relevance ? " selected" : "")}>best match (slower on a large dossier)</option></select></label>");
            output.WriteLine("<button type=\"submit\">Search</button></form>");
            if (q is null) return;
            output.WriteLine($"<p class=\"meta\">{(hits.Count == HitsPerPage ? $"the first {HitsPerPage} documents" : $"{hits.Count} documents")}</p><ol class=\"hits\">");
            foreach (var hit in hits)
            {
                var snippet = new StringBuilder();
                foreach (var (text, highlighted) in hit.SnippetParts())
                    snippet.Append(highlighted ? $"<mark>{E(text)}</mark>" : E(text));
                output.WriteLine($"<li><a href=\"{E(DocumentHref(hit.DocumentId))}\">{E(hit.Title ?? "(untitled)")}</a> " +
                                 $"<small>{E(hit.Outlet ?? "unknown outlet")} · {E(hit.Published ?? "undated")}</small><div>{snippet}</div></li>");
            }
            output.WriteLine("</ol>");
        });
    }

    private static IResult IngestForm(HttpContext context, IAntiforgery antiforgery, IngestJobs jobs, WebOptions options) =>
        Page("Ingest", output =>
        {
            output.WriteLine("<h1>Add documents</h1>");
            if (!jobs.Enabled)
            {
                output.WriteLine("<p class=\"empty\">Ingestion is not enabled on this server.</p>");
                return;
            }
            var tokens = antiforgery.GetAndStoreTokens(context);
            output.WriteLine("<form class=\"ingest\" action=\"/ingest\" method=\"post\" enctype=\"multipart/form-data\">");
            output.WriteLine($"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">");
            output.WriteLine("<fieldset><legend>Paste or upload</legend>");
            output.WriteLine("<label>Title<input name=\"title\"></label><label>Outlet<input name=\"outlet\"></label>");
            output.WriteLine("<label>Published (YYYY-MM-DD)<input type=\"date\" name=\"published\"></label>");
            output.WriteLine("<label>Article text (plain text or HTML)<textarea name=\"text\"></textarea></label>");
            output.WriteLine("<label>Or files (.txt, .html)<input type=\"file\" name=\"files\" multiple></label>");
            output.WriteLine($"<p class=\"meta\">Up to {Size(options.MaxUploadBytes)} in total.</p></fieldset>");
            output.WriteLine("<fieldset><legend>Fetch from the web</legend>");
            output.WriteLine($"<label>Article URLs (one per line, up to {IngestRequest.MaxUrls})<textarea name=\"urls\" class=\"short\"></textarea></label>");
            output.WriteLine("<label>Feed URL (RSS, Atom, JSON Feed or an OPML list)<input type=\"url\" name=\"feed\"></label>");
            output.WriteLine("<p class=\"meta\">Pages are fetched politely (robots.txt, one request a second per site); addresses on this " +
                             $"machine or its private network are {(options.Fetch.AllowPrivate ? "<strong>allowed</strong> (the server was started with --allow-private)" : "refused")}.</p></fieldset>");
            output.WriteLine("<button type=\"submit\">Analyse and add</button></form>");
        });

    private static async Task<IResult> Ingest(HttpContext context, IAntiforgery antiforgery, IngestJobs jobs, WebOptions options,
        CancellationToken cancellationToken)
    {
        if (!jobs.Enabled) return Page("Ingest", o => o.WriteLine("<p>Ingestion is not enabled on this server.</p>"), StatusCodes.Status503ServiceUnavailable);
        IFormCollection form;
        try
        {
            // The form is read first (bounded by the upload limit), so a body over the limit is told so, not taken for a
            // forged form; then another site must not be able to post into this dossier from a visitor's browser.
            form = await context.Request.ReadFormAsync(cancellationToken);
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest("The form has expired or did not come from this site; reload the ingest page and try again.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // The form reader's own length limits (a body sent without a length, read up to the limit).
            return TooLarge(options);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return BadRequest($"The form could not be read ({ex.Message}); send it again from the ingest page.");
        }
        var hints = new MetadataHints
        {
            Title = Bounded(form["title"]),
            Outlet = Bounded(form["outlet"]),
            Published = IsoDate(form["published"]) is { } date ? LocalDatePattern.Iso.Parse(date).Value : null,
        };
        var inputs = new List<RawDocument>();
        if (Bounded(form["text"], int.MaxValue) is { } text)
            inputs.Add(new RawDocument("pasted text", text, LooksLikeHtml(text) ? ContentKind.Html : ContentKind.PlainText, hints));
        foreach (var file in form.Files)
        {
            var decoded = await DecodeAsync(file, cancellationToken);
            if (decoded is null)
                return Page("Not text", o => o.WriteLine($"<h1>That did not work</h1><p>“{E(file.FileName)}” is a binary file, not text; " +
                                                          "upload plain text or HTML files (convert PDFs and word-processor files first).</p>"),
                    StatusCodes.Status415UnsupportedMediaType);
            var kind = file.FileName.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || file.FileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                ? ContentKind.Html : ContentKind.PlainText;
            inputs.Add(new RawDocument(Path.GetFileName(file.FileName), decoded, kind, hints));
        }
        var urls = (Bounded(form["urls"], 100_000) ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var request = new IngestRequest(inputs, urls, Bounded(form["feed"], 2000));
        if (request.Problem() is { } problem) return BadRequest($"Cannot fetch that: {problem}");
        if (request.IsEmpty) return BadRequest("Paste some text, choose a file, or give a URL or a feed.");
        var job = jobs.Start(request);
        // Post/redirect/get: the job page refreshes itself until the ingest is done, and reloading it posts nothing.
        context.Response.Headers.Location = JobHref(job.Id);
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    internal static string JobHref(string id) => "/ingest/jobs/" + Uri.EscapeDataString(id);

    private static IResult Job(string id, IngestJobs jobs)
    {
        if (jobs.Find(id) is not { } job) return NotFound("No ingest job has this id (jobs are kept while the server runs, the last 200).");
        var status = job.Status;
        var title = status.State switch
        {
            JobState.Done => $"Added {status.DocumentIds.Count} documents",
            JobState.Failed => "Ingest failed",
            _ => "Ingesting…",
        };
        // Until it is finished the page reloads itself every second: progress without JavaScript.
        return Page(title, output =>
        {
            output.WriteLine($"<h1>{E(title)}</h1>");
            output.WriteLine($"<p class=\"meta job-{status.State.ToString().ToLowerInvariant()}\">{E(status.State.ToString())}: {E(status.Step)}</p>");
            if (!status.Finished)
                output.WriteLine(status.Total > 0
                    ? $"<p><progress max=\"{status.Total}\" value=\"{status.Done}\">{status.Done} of {status.Total}</progress> {status.Done} of {status.Total}</p>"
                    : "<p><progress>working</progress></p>");
            if (status.DocumentIds.Count > 0)
            {
                output.WriteLine("<ul class=\"added\">");
                foreach (var documentId in status.DocumentIds) output.WriteLine($"<li><a href=\"{E(DocumentHref(documentId))}\">{E(documentId)}</a></li>");
                output.WriteLine("</ul>");
            }
            if (status.Diagnostics.Count > 0)
            {
                output.WriteLine("<h2>Diagnostics</h2><ul class=\"diagnostics\">");
                foreach (var d in status.Diagnostics) output.WriteLine($"<li class=\"{d.Severity.ToString().ToLowerInvariant()}\">{E(d.ToString())}</li>");
                output.WriteLine("</ul>");
            }
            if (status.Finished) output.WriteLine("<p><a href=\"/ingest\">Add more</a> · <a href=\"/\">Stories</a></p>");
        }, refreshSeconds: status.Finished ? null : 1);
    }

    public static IResult TooLarge(WebOptions options) => Page("Too large", output =>
    {
        output.WriteLine("<h1>That is too large</h1>");
        output.WriteLine($"<p>Uploads are limited to {Size(options.MaxUploadBytes)} in total. Send fewer or smaller files, " +
                         "or give their URLs instead.</p><p><a href=\"/ingest\">Back to the form</a></p>");
    }, StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// A file's text, or null when it is binary (NUL bytes never occur in text files, in any of the encodings news
    /// comes in that are not UTF-16, which has a BOM). Text is decoded as the CLI decodes files: UTF-8, else the
    /// declared or sniffed legacy encoding.
    /// </summary>
    internal static async Task<string?> DecodeAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var utf16 = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!utf16 && bytes.IndexOf((byte)0) >= 0) return null;
        var html = file.FileName.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || file.FileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
        return TextDecoding.Decode(bytes, sniffHtml: html).Text;
    }

    private static bool LooksLikeHtml(string text) =>
        text.TrimStart().StartsWith('<') && (text.Contains("</p>", StringComparison.OrdinalIgnoreCase) || text.Contains("<html", StringComparison.OrdinalIgnoreCase));

    /// <summary>A query or form value trimmed, null when empty, and cut to a sane length (a query string is user input).</summary>
    internal static string? Bounded(string? value, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        return trimmed.Length <= max ? trimmed : trimmed[..max];
    }

    /// <summary>The value when it is an ISO date (YYYY-MM-DD), else null: a malformed date filter is ignored, not an error.</summary>
    internal static string? IsoDate(string? value) =>
        Bounded(value) is { } v && LocalDatePattern.Iso.Parse(v).Success ? v : null;
}
