using System.Diagnostics;
using System.Text;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Language.Entities;
using NodaTime;

namespace Dossier.Language;

/// <summary>One adversarial input run through the language layer: its size, what came out and how long it took.</summary>
public sealed record AdversarialResult(string Input, int Characters, int Tokens, int Sentences, int Entities, int Times, int Diagnostics, TimeSpan Elapsed)
{
    public double MegabytesPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Characters / 1_000_000.0 / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Input,-20} {Characters,10:N0} chars {Tokens,9:N0} tokens {Sentences,8:N0} sentences {Entities,7:N0} entities {Times,6:N0} times {Diagnostics,3} diagnostics  {Elapsed.TotalSeconds,6:F2} s  {MegabytesPerSecond,6:F2} MB/s";
}

/// <summary>
/// Bad input for the language layer (what <c>dossier bench language</c> runs): a 5 MB text on a single line, only
/// punctuation, mixed scripts, control characters and lone surrogates, very long tokens. Each must go through
/// sentences, tokens, entities, numbers, actors and times without an exception, in time linear in its length (the
/// figures show it; tests only check completion, never timing). The texts are generated, deterministic for a size.
/// </summary>
public static class AdversarialBenchmark
{
    /// <summary>The named inputs: each about <paramref name="size"/> characters, the single line five times that.</summary>
    public static IReadOnlyList<(string Name, string Text)> Inputs(int size = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return
        [
            ("single line (5x)", SingleLine(5 * size)),
            ("punctuation only", Repeat(size, 1, r => Pick(r, "“”‘’\"'.!?…—–-‒―@#$€£%&*()[]{}<>/\\|:;,~^`_+=§¶•·«»‹›„‚"))),
            ("mixed scripts", Repeat(size, 2, r => Pick(r, MixedScriptWords) + (r.Next(6) == 0 ? ". " : " "))),
            ("control characters", Repeat(size, 3, r => r.Next(3) == 0 ? "Kyiv said Monday " : Pick(r, ControlCharacters))),
            ("very long tokens", Repeat(size, 4, LongToken)),
        ];
    }

    /// <summary>Runs every input once through the language stages, one thread, and reports each.</summary>
    public static IReadOnlyList<AdversarialResult> Run(int size = 1_000_000, Action<AdversarialResult>? progress = null)
    {
        var pipeline = new PipelineBuilder().UseSentences().UseTokens().UseEntities().UseNumbers().UseActors().UseTimes().Build();
        var results = new List<AdversarialResult>();
        foreach (var (name, text) in Inputs(size))
        {
            var context = StageContext.Default();
            var document = new Document(name, name, text, new DocumentMetadata { Published = new LocalDate(2025, 2, 24) });
            var clock = Stopwatch.StartNew();
            var done = pipeline.ProcessDocument(document, context);
            var result = new AdversarialResult(name, text.Length, done.Layer(Layers.Tokens).Length, done.Layer(Layers.Sentences).Length,
                done.Layer(Layers.Entities).Length, done.Layer(Layers.Times).Length, context.Diagnostics.Items.Count, clock.Elapsed);
            progress?.Invoke(result);
            results.Add(result);
        }
        return results;
    }

    private static readonly string[] MixedScriptWords =
    [
        "Київ", "Москва", "Владимир", "القاهرة", "الرئيس", "北京", "習近平", "東京", "नई दिल्ली", "서울", "Αθήνα", "ירושלים",
        "Zürich", "São Paulo", "İstanbul", "Łódź", "e\u0301\u0301\u0301", "\u202Eevil\u202C", "👍🏽", "🇺🇦", "NATO", "Trump", "Ukraine",
        "١٢٣", "۲۰۲۵", "２０２５年", "Ｍｏｎｄａｙ",
    ];

    private static readonly string[] ControlCharacters =
    [
        "\u0000", "\u0001", "\u0007", "\b", "\t", "\v", "\f", "\r", "\u001B[31m", "\u007F", "\u0085", "\u00A0", "\u200B", "\u200D",
        "\u2028", "\u2029", "\uFEFF", "\uFFFD", "\uD800", "\uDFFF", "\uDBFF\uDFFF",
    ];

    /// <summary>News-like sentences joined by spaces: no newline anywhere.</summary>
    private static string SingleLine(int size)
    {
        var text = new StringBuilder(size + 200);
        var news = LanguageBenchmark.GeneratedNews(20_000, seed: 5).Replace('\n', ' ');
        while (text.Length < size) text.Append(news).Append(' ');
        return text.ToString(0, size);
    }

    private static string LongToken(Random r) => r.Next(5) switch
    {
        0 => new string('x', r.Next(1_000, 100_000)) + " ",
        1 => "https://example.org/" + new string('a', r.Next(1_000, 50_000)) + "?q=" + new string('1', 1_000) + " ",
        2 => string.Join(',', Enumerable.Repeat("000", r.Next(100, 10_000))) + " ",
        3 => string.Concat(Enumerable.Repeat("U.S.", r.Next(100, 5_000))) + " ",
        _ => string.Concat(Enumerable.Repeat("Smith-", r.Next(100, 5_000))) + "Jones said. ",
    };

    private static string Pick(Random r, string characters) => characters[r.Next(characters.Length)].ToString();

    private static string Pick(Random r, string[] items) => items[r.Next(items.Length)];

    private static string Repeat(int size, int seed, Func<Random, string> piece)
    {
        var random = new Random(seed);
        var text = new StringBuilder(size + 100_000);
        while (text.Length < size) text.Append(piece(random));
        // Cut to size, never inside a surrogate pair that was whole (lone surrogates are generated on purpose).
        var end = Math.Min(size, text.Length);
        if (end > 0 && char.IsHighSurrogate(text[end - 1]) && end < text.Length && char.IsLowSurrogate(text[end])) end--;
        return text.ToString(0, end);
    }
}
