using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Dossier.Core.Model;
using Dossier.Corpus.Shared;
using NodaTime;

namespace Dossier.Corpus.Tests;

using Corpus = Dossier.Core.Model.Corpus;

/// <summary>
/// Builds test documents from text written in the test, with hand-made layers: sentences (plain splitter), entities
/// given by surface text and id (every occurrence is marked), quotes by their text, times by text and value. No other
/// helper's stage is involved, so the corpus stages are tested on exactly the layers the test states.
/// </summary>
public sealed class DocBuilder(string id, string text)
{
    private readonly List<EntityMention> _entities = [];
    private readonly List<Quote> _quotes = [];
    private readonly List<TimeExpression> _times = [];
    private DocumentMetadata _metadata = new();

    public DocBuilder Outlet(string outlet) { _metadata = _metadata with { Outlet = outlet }; return this; }
    public DocBuilder Title(string title) { _metadata = _metadata with { Title = title }; return this; }
    public DocBuilder Published(int y, int m, int d) { _metadata = _metadata with { Published = new LocalDate(y, m, d) }; return this; }

    /// <summary>Marks every occurrence of <paramref name="surface"/> as an entity with that id.</summary>
    public DocBuilder Entity(string surface, string entityId, EntityLabel label = EntityLabel.PER, string? type = null)
    {
        foreach (var start in Occurrences(surface))
            _entities.Add(new EntityMention(new TextSpan(start, start + surface.Length), surface, label, type, entityId));
        return this;
    }

    /// <summary>Marks the first occurrence of <paramref name="content"/> as a quote by <paramref name="speaker"/>.</summary>
    public DocBuilder Quote(string content, string? speaker, string? speakerId, string? channel = null, QuoteKind kind = QuoteKind.Direct, int occurrence = 0)
    {
        var start = Occurrences(content).ElementAt(occurrence);
        var speakerStart = speaker is null ? -1 : text.IndexOf(speaker, StringComparison.Ordinal);
        var s = speaker is null ? null : new Speaker(speaker, speakerId, speakerStart < 0 ? default : new TextSpan(speakerStart, speakerStart + speaker.Length));
        _quotes.Add(new Quote(new TextSpan(start, start + content.Length), content, kind, s, "said", null, channel,
            s is null ? AttributionCertainty.Unattributed : AttributionCertainty.Direct));
        return this;
    }

    public DocBuilder Time(string surface, string value, TimexType type = TimexType.DATE)
    {
        var start = Occurrences(surface).First();
        _times.Add(new TimeExpression(new TextSpan(start, start + surface.Length), surface, type, value));
        return this;
    }

    /// <summary>Capitalised word runs not opening a sentence, as stand-in entities (id = folded text): lets the
    /// seed test give the clusterer entities without any NER.</summary>
    public DocBuilder CapitalisedPhrases()
    {
        foreach (Match m in Regex.Matches(text, @"(?<=[a-z,;] )(?:[A-Z][\p{L}’'\-]+(?: (?:of )?[A-Z][\p{L}’'\-]+)*)"))
            _entities.Add(new EntityMention(new TextSpan(m.Index, m.Index + m.Length), m.Value, EntityLabel.MISC, null,
                m.Value.ToLowerInvariant().Replace("’s", "").Replace("'s", "")));
        return this;
    }

    public Document Build()
    {
        var doc = new Document(id, id, text, _metadata);
        doc = doc.With(Layers.Sentences, TextUnits.SplitSentences(text).Select(s => new Sentence(s)), "test", "1");
        doc = doc.With(Layers.Entities, _entities.Distinct(), "test", "1");
        doc = doc.With(Layers.Quotes, _quotes, "test", "1");
        doc = doc.With(Layers.Times, _times, "test", "1");
        return doc;
    }

    private IEnumerable<int> Occurrences(string surface)
    {
        var found = false;
        for (var i = text.IndexOf(surface, StringComparison.Ordinal); i >= 0; i = text.IndexOf(surface, i + surface.Length, StringComparison.Ordinal))
        {
            found = true;
            yield return i;
        }
        if (!found) throw new ArgumentException($"'{surface}' is not in the test text");
    }
}

public static class TestCorpus
{
    public static Corpus Of(params Document[] docs) => new() { Documents = [.. docs] };

    public static Dossier.Core.Pipeline.StageContext Context(int y = 2025, int m = 6, int d = 1) =>
        new(new FixedClock(Instant.FromUtc(y, m, d, 12, 0)), new Dossier.Core.Diagnostics.DiagnosticBag());

    public static ImmutableArray<string> Ids(params string[] ids) => [.. ids];
}

/// <summary>A clock stopped at one instant: tests never depend on the real date.</summary>
public sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
