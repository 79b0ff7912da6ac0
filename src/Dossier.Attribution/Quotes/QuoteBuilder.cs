using System.Collections.Immutable;
using Dossier.Attribution.Speakers;
using Dossier.Core.Model;

namespace Dossier.Attribution.Quotes;

/// <summary>Makes a <see cref="Quote"/> from content and its attribution: speaker, channel, addressee, certainty, date.</summary>
internal sealed class QuoteBuilder(
    DocumentView view,
    SpeakerResolver resolver,
    ImmutableArray<TimeExpression> times,
    string? published,
    string? outlet)
{
    private readonly TimeExpression[] _times = [.. times.OrderBy(t => t.Span)];
    private readonly int[] _timeStarts = [.. times.OrderBy(t => t.Span).Select(t => t.Span.Start)];

    public Quote Build(TextSpan span, string text, QuoteKind kind, QuoteExtractor.Attribution attribution)
    {
        var regions = OutsideQuotes(attribution.Clause);
        var speaker = attribution.Candidate is null ? null : resolver.Resolve(attribution.Candidate);
        var channel = ChannelDetector.Detect(view, regions, outlet);
        var certainty = speaker is null ? AttributionCertainty.Unattributed
            : attribution.Candidate!.Kind == CandidateKind.Unnamed ? AttributionCertainty.Unnamed
            : channel.Relayed ? AttributionCertainty.Relayed
            : AttributionCertainty.Direct;
        var cue = attribution.Cue;
        return new Quote(span, text, kind, speaker, cue?.Text, cue?.Span, channel.Channel, certainty, channel.Addressee,
            SpeechDate(regions));
    }

    /// <summary>The parts of an attribution clause outside quotation marks (so quoted words never name a channel).</summary>
    private List<TextSpan> OutsideQuotes(TextSpan clause)
    {
        var parts = new List<TextSpan>();
        var start = clause.Start;
        var k = view.QuoteAt(start);
        if (k >= 0) start = Math.Min(clause.End, view.Quotes[k].Outer.End);
        for (var i = start; i < clause.End;)
        {
            var q = view.QuoteAt(i);
            if (q < 0)
            {
                var next = view.NextQuoteStart(i, clause.End);
                parts.Add(new TextSpan(i, next));
                i = next;
            }
            else
            {
                i = Math.Max(i + 1, view.Quotes[q].Outer.End);
            }
        }
        return parts;
    }

    /// <summary>The date of the speech act when the attribution clause gives one that differs from the report's date.</summary>
    private string? SpeechDate(List<TextSpan> regions)
    {
        foreach (var region in regions)
        {
            for (var k = DocumentView.LowerBound(_timeStarts, region.Start); k < _times.Length && _times[k].Span.Start < region.End; k++)
            {
                var t = _times[k];
                if (t.Type == TimexType.DATE && t.Value is not null && t.Value != published && region.Contains(t.Span)) return t.Value;
            }
        }
        return null;
    }
}
