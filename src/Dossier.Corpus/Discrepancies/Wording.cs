using System.Collections.Frozen;
using Dossier.Core.Model;
using Dossier.Corpus.Alignment;
using Dossier.Corpus.Shared;

namespace Dossier.Corpus.Discrepancies;

/// <summary>
/// How outlets word the facts they share: a quote version with words the other versions lack (a misquotation or an
/// edit inside the quotation marks) or cut to a fraction of the fullest version, and loaded words (Resources/loaded-words.tsv:
/// "slammed" for "criticised", "regime" for "government") in an aligned claim where the other outlets' sentences
/// for the same fact do without them.
/// </summary>
public static class Wording
{
    /// <summary>A version keeping less than this share of the fullest version's words is a cut worth reporting.</summary>
    private const double CutShare = 0.6;

    private static readonly Lazy<FrozenDictionary<string, string>> Loaded = new(LoadLexicon);

    public static IEnumerable<Discrepancy> Quotes(string story, QuoteGroup group, Func<Document, string> outletOf)
    {
        var versions = group.Members.Select(m => (m.Doc, m.Quote, Words: Words.Tokenize(m.Quote.Text))).ToList();
        // The reference version: the longest, and among equally long ones the wording most outlets carry.
        string Folded(List<Word> words) => string.Join(' ', words.Select(w => w.Norm));
        var carried = versions.GroupBy(v => Folded(v.Words), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(v => v.Doc.Id).Distinct().Count());
        var fullest = versions.OrderByDescending(v => v.Words.Count).ThenByDescending(v => carried[Folded(v.Words)])
            .ThenBy(v => v.Quote.Text, StringComparer.Ordinal).First();
        if (versions.All(v => v.Doc.Id == fullest.Doc.Id)) yield break;
        // For each word, the documents whose version has it (one pass: a quote carried 10,000 times stays linear).
        var docsWith = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var v in versions)
            foreach (var w in v.Words)
            {
                if (!docsWith.TryGetValue(w.Norm, out var set)) docsWith[w.Norm] = set = new HashSet<string>(StringComparer.Ordinal);
                if (set.Count < 2) set.Add(v.Doc.Id);
            }
        foreach (var v in versions)
        {
            // Words every other version of the quote lacks: the outlet put them inside the quotation marks.
            var added = v.Words.Where(w => docsWith[w.Norm].All(id => id == v.Doc.Id) && !Words.IsStopword(w.Norm))
                .Select(w => v.Quote.Text[w.Start..w.End]).Distinct().ToList();
            if (added.Count > 0)
                yield return new Discrepancy(story, v.Doc.Id, DiscrepancyKinds.Wording, v.Quote.Text, v.Quote.Span.Start, v.Quote.Span.End,
                    $"{outletOf(v.Doc)} quotes this with words no other outlet's version has ({string.Join(", ", added.Take(6))}); " +
                    $"another version reads: \"{Shorten(versions.First(o => o.Doc.Id != v.Doc.Id).Quote.Text)}\"");
            else if (v.Words.Count < CutShare * fullest.Words.Count)
                yield return new Discrepancy(story, v.Doc.Id, DiscrepancyKinds.Wording, v.Quote.Text, v.Quote.Span.Start, v.Quote.Span.End,
                    $"{outletOf(v.Doc)} quotes {v.Words.Count} of the {fullest.Words.Count} words {outletOf(fullest.Doc)} quotes: \"{Shorten(fullest.Quote.Text)}\"");
        }
    }

    /// <summary>Loaded words in one outlet's sentence for a shared claim that the other outlets' sentences do not use.</summary>
    public static IEnumerable<Discrepancy> LoadedWords(string story, ClaimGroup claim, Func<Document, string> outletOf)
    {
        var found = claim.Members.Select(m => (m, Loaded: LoadedIn(m.Doc.Text, m.Span).ToList())).ToList();
        // How many documents use each loaded word, counted once (linear in the members).
        var using_ = found.SelectMany(f => f.Loaded.Select(l => (l.Word, f.m.Doc.Id))).Distinct()
            .GroupBy(x => x.Word, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (member, words) in found)
            foreach (var (word, span) in words)
            {
                var othersUse = using_[word] - 1;
                if (othersUse * 2 >= claim.Members.Length - 1) continue; // most outlets word it so: house style of the story
                yield return new Discrepancy(story, member.Doc.Id, DiscrepancyKinds.Loaded, member.Doc.Text[span.Start..span.End], span.Start, span.End,
                    $"{outletOf(member.Doc)} writes \"{member.Doc.Text[span.Start..span.End]}\" (neutral: {Loaded.Value[word]}) where " +
                    $"{claim.Members.Length - 1 - othersUse} other outlet(s) report the same fact without it.");
            }
    }

    /// <summary>Loaded words of a span, folded, with their spans.</summary>
    public static IEnumerable<(string Word, TextSpan Span)> LoadedIn(string text, TextSpan span)
    {
        var words = Words.Tokenize(text, span.Start, span.End);
        for (var i = 0; i < words.Count; i++)
        {
            // "so-called" is two tokens.
            if (words[i].Norm == "so" && i + 1 < words.Count && words[i + 1].Norm == "called" && words[i + 1].Start == words[i].End + 1 &&
                text[words[i].End] == '-')
            {
                yield return ("so-called", new TextSpan(words[i].Start, words[i + 1].End));
                i++;
                continue;
            }
            if (Loaded.Value.ContainsKey(words[i].Norm)) yield return (words[i].Norm, new TextSpan(words[i].Start, words[i].End));
        }
    }

    private static FrozenDictionary<string, string> LoadLexicon()
    {
        using var stream = typeof(Wording).Assembly.GetManifestResourceStream("Dossier.loaded-words.tsv")
                           ?? throw new InvalidOperationException("embedded resource Dossier.loaded-words.tsv is missing");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            var parts = line.Split('\t');
            if (parts.Length >= 2) map[parts[0].Trim().ToLowerInvariant()] = parts[1].Trim();
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157].TrimEnd() + "…";
}
