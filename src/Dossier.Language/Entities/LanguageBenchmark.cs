using System.Diagnostics;
using System.Text;
using Dossier.Language.Sentences;
using Dossier.Language.Tokens;

namespace Dossier.Language.Entities;

/// <summary>
/// Throughput of one measured run: tokens processed, wall-clock time and the process's CPU time. On a shared machine
/// the CPU-time figure is the fairer one-core measure (the work is single-threaded).
/// </summary>
public sealed record ThroughputResult(long Tokens, TimeSpan Elapsed, TimeSpan CpuTime)
{
    public double TokensPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Tokens / Elapsed.TotalSeconds;
    public double TokensPerCpuSecond => CpuTime.TotalSeconds <= 0 ? 0 : Tokens / CpuTime.TotalSeconds;
}

/// <summary>
/// Measures tokenisation, sentence splitting and entity tagging on one thread (what <c>dossier bench</c> reports).
/// Not a test: timing depends on the machine.
/// </summary>
public static class LanguageBenchmark
{
    /// <summary>Tokenises, splits and tags <paramref name="text"/> repeatedly for at least <paramref name="minimum"/> (after one warm-up pass).</summary>
    public static ThroughputResult TokenizeAndTag(string text, TimeSpan minimum, NerModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        model ??= NerModel.Default;
        var buffers = new NerDecoder.Buffers();
        Run(text, model, buffers);
        long tokens = 0;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        do tokens += Run(text, model, buffers);
        while (clock.Elapsed < minimum);
        var elapsed = clock.Elapsed;
        process.Refresh();
        return new ThroughputResult(tokens, elapsed, process.TotalProcessorTime - cpuBefore);
    }

    /// <summary>The same on a generated news-like text of about <paramref name="tokens"/> tokens.</summary>
    public static ThroughputResult TokenizeAndTag(int tokens = 200_000) =>
        TokenizeAndTag(GeneratedNews(tokens, seed: 1), TimeSpan.FromSeconds(3));

    private static int Run(string text, NerModel model, NerDecoder.Buffers buffers)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var words = SentenceTokens.Words(text, SentenceTokens.Group(sentences, tokens));
        model.TagIds(words, buffers);
        return tokens.Length;
    }

    /// <summary>Sentences built from templates and name lists written for the benchmark (no corpus text).</summary>
    public static string GeneratedNews(int tokens, int seed)
    {
        string[] people = ["Maria Lopez", "John Carter", "Olena Kovalenko", "Ahmed Hassan", "Li Wei", "Sarah O’Brien", "Pierre Martin"];
        string[] places = ["Kyiv", "Washington", "Brussels", "New Delhi", "Sao Paulo", "the Black Sea", "Nairobi"];
        string[] orgs = ["the European Union", "NATO", "the World Bank", "Reuters", "Gazprom", "the U.N. Security Council"];
        string[] templates =
        [
            "{P} said on Monday that {O} would send $2.5 billion to {L}.",
            "“We will not accept this,” {P} told reporters in {L}, adding that talks with {O} had stalled.",
            "Officials in {L} confirmed 30,000 troops had moved, a 12% rise since Feb. 3, according to {O}.",
            "{O}’s chief, {P}, met Gen. {P} in {L} on Tuesday to discuss the third round of negotiations.",
            "Read more at https://example.org/news or follow @newsdesk for updates from {L}.",
        ];
        var random = new Random(seed);
        var text = new StringBuilder();
        var count = 0;
        while (count < tokens)
        {
            var sentence = templates[random.Next(templates.Length)];
            var filled = new StringBuilder();
            for (var i = 0; i < sentence.Length; i++)
            {
                if (sentence[i] == '{' && i + 2 < sentence.Length && sentence[i + 2] == '}')
                {
                    var list = sentence[i + 1] switch { 'P' => people, 'L' => places, _ => orgs };
                    filled.Append(list[random.Next(list.Length)]);
                    i += 2;
                }
                else filled.Append(sentence[i]);
            }
            var s = filled.ToString();
            text.Append(s).Append(random.Next(4) == 0 ? "\n\n" : " ");
            count += Tokenizer.Tokenize(s).Length;
        }
        return text.ToString();
    }
}
