using Dossier.Attribution.Learned;
using Dossier.Attribution.Quotes;
using Dossier.Attribution.Speakers;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Testing;
using static Dossier.Testing.HandMadeDocuments;

namespace Dossier.Attribution.Tests.Learned;

/// <summary>The learned source ranker, through the quotes stage with the committed model (tagger and ranker).</summary>
public class SourceRankerTests
{
    private static readonly Mark Okafor = Person("Amara Okafor", "amara-okafor");
    private static readonly Mark OkaforShort = Person("Okafor", "amara-okafor");
    private static readonly Mark Lindqvist = Person("Erik Lindqvist", "erik-lindqvist");

    private static AttributionTagger Committed => AttributionTagger.Default ?? throw new InvalidOperationException("the committed attribution model is missing");

    private static IReadOnlyList<Quote> Run(Document doc, AttributionTagger? tagger = null) =>
        new QuoteStage(tagger ?? Committed).Process(doc, StageContext.Default()).Layer(Layers.Quotes);

    [Fact]
    public void The_subject_of_the_cue_beats_a_name_nearer_to_it_in_a_relative_clause()
    {
        var doc = Build("Erik Lindqvist, who met Amara Okafor in Oslo on Monday, told reporters the border crossings would reopen next week.",
            Lindqvist, Okafor);
        var q = Assert.Single(Run(doc), q => q.Kind == QuoteKind.Indirect);
        Assert.Equal("erik-lindqvist", q.Speaker?.EntityId);
    }

    [Fact]
    public void An_inverted_attribution_names_the_person_after_the_cue()
    {
        var doc = Build("Erik Lindqvist left the room early. The border crossings would reopen next week, said Amara Okafor, the chief negotiator.",
            Lindqvist, Okafor);
        var q = Assert.Single(Run(doc), q => q.Kind == QuoteKind.Indirect);
        Assert.Equal("amara-okafor", q.Speaker?.EntityId);
    }

    [Fact]
    public void A_pronoun_source_resolves_to_the_person_before_it()
    {
        var doc = Build("Amara Okafor toured the flooded district on Monday. The repairs would take at least six months, she told residents.",
            Okafor);
        var q = Assert.Single(Run(doc), q => q.Kind == QuoteKind.Indirect);
        Assert.Equal("she", doc.TextOf(q.Speaker!.Span));
        Assert.Equal("amara-okafor", q.Speaker.EntityId);
    }

    [Fact]
    public void A_saved_model_loads_back_and_chooses_the_same_sources()
    {
        var doc = Build("Erik Lindqvist met Amara Okafor on Friday. “We agreed on nothing,” Okafor said, and she added that talks would resume.",
            Lindqvist, Okafor, OkaforShort);
        using var stream = new MemoryStream();
        Committed.Save(stream);
        stream.Position = 0;
        var loaded = AttributionTagger.Load(stream);
        Assert.Equal(Run(doc).Select(q => q.Speaker), Run(doc, loaded).Select(q => q.Speaker));
    }

    [Fact]
    public void A_quote_with_no_one_around_it_stays_unattributed()
    {
        var doc = Build("“Never again.” The words were painted on the wall of the old station.");
        var q = Assert.Single(Run(doc));
        Assert.Null(q.Speaker);
    }

    [Fact]
    public void Many_candidates_and_junk_do_not_crash_the_ranker()
    {
        var names = string.Join(", ", Enumerable.Range(0, 300).Select(i => "Okafor"));
        foreach (var text in new[] { names + " said the talks failed.", "said " + new string('“', 500) + " he said they said", "\0\uFFFD said" })
        {
            var doc = Build(text, OkaforShort);
            Assert.All(Run(doc), q => Assert.True(q.Span.End <= text.Length && (q.Speaker is null || q.Speaker.Span.End <= text.Length)));
        }
    }

    private static DocumentView View(Document doc) =>
        new(doc.Text, doc.Layer(Layers.Entities), doc.Layer(Layers.Sentences), QuoteMarkScanner.Scan(doc.Text));

    private static TextSpan SpanOf(Document doc, string part)
    {
        var start = doc.Text.IndexOf(part, StringComparison.Ordinal);
        return new TextSpan(start, start + part.Length);
    }

    [Fact]
    public void Candidates_come_from_the_sentences_around_the_cue_but_never_from_the_content_or_a_quotation()
    {
        var doc = Build("Amara Okafor chaired the meeting. “Erik Lindqvist will not come,” she said. The senators said the vote would be delayed until May.",
            Okafor, Lindqvist);
        var view = View(doc);
        var content = SpanOf(doc, "the vote would be delayed until May");
        var cue = SpanOf(doc, "said the vote").Start;
        var query = new SourceQuery(content, QuoteKind.Indirect, new TextSpan(cue, cue + "said".Length), null, null, null);
        var (candidates, _) = SourceRanker.Candidates(view, query, []);
        var texts = candidates.Select(c => doc.TextOf(c.Span)).ToList();
        Assert.Contains("Amara Okafor", texts);
        Assert.Contains("she", texts);
        Assert.Contains("The senators", texts);
        Assert.DoesNotContain("Erik Lindqvist", texts);
        Assert.DoesNotContain(candidates, c => c.Span.Overlaps(content));
    }

    [Fact]
    public void A_subject_and_speech_verb_at_the_head_of_a_reported_content_are_a_candidate_with_its_cue()
    {
        var doc = Build("But Amara Okafor said the agency had ignored the warnings for years, a report found.", Okafor);
        var view = View(doc);
        var content = SpanOf(doc, "But Amara Okafor said the agency had ignored the warnings for years");
        var okafor = SpeakerCandidates.In(view, content).Single(c => c.Kind == CandidateKind.Entity);
        Assert.Equal("said", SourceRanker.LeadCue(view, content, okafor)?.Text);
        var query = new SourceQuery(content, QuoteKind.Indirect, SpanOf(doc, "found"), null, null, null);
        Assert.Contains(SourceRanker.Candidates(view, query, []).Candidates, c => c.Span == okafor.Span);
        // Deep inside the content, or with nothing reported after the verb, the name is no attribution of its own.
        var late = Build("The agency had ignored the warnings that inspectors and engineers and Amara Okafor said were urgent.", Okafor);
        var lateView = View(late);
        var lateContent = new TextSpan(0, late.Text.Length - 1);
        Assert.Null(SourceRanker.LeadCue(lateView, lateContent, SpeakerCandidates.In(lateView, lateContent).Single(c => c.Kind == CandidateKind.Entity)));
    }

    [Fact]
    public void Training_learns_to_prefer_what_the_right_candidates_share()
    {
        // Two features: 1 marks the right candidate, 2 the wrong ones; the wrong one comes first, so ties would lose.
        var examples = Enumerable.Range(0, 20).Select(i => (Features: new[] { new[] { 2, 7 }, new[] { 1, 7 }, new[] { 2, 9 } },
            Right: new[] { false, true, false })).ToList();
        var ranker = SourceRanker.Train(examples, epochs: 2, bits: 8);
        Assert.Equal(1, ranker.Best(examples[0].Features));
        Assert.Equal(0, ranker.Best([[1], [2]]));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) ranker.Write(writer);
        stream.Position = 0;
        var loaded = SourceRanker.Read(new BinaryReader(stream));
        Assert.Equal(ranker.Score([1, 7]), loaded.Score([1, 7]), 2);
    }
}
