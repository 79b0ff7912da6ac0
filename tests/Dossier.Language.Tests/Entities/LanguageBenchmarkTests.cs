using System.Text;
using Dossier.Language.Entities;

namespace Dossier.Language.Tests.Entities;

public class LanguageBenchmarkTests
{
    [Fact]
    public void The_benchmark_counts_the_tokens_of_a_megabyte_of_adversarial_text()
    {
        var text = new StringBuilder();
        var random = new Random(11);
        const string marks = "“”‘’\"'.!?…—–-@#$€%()[]{}\u0000\u0007\u200B\uFEFF\uD800";
        while (text.Length < 1_000_000)
        {
            text.Append(random.Next(3) switch
            {
                0 => marks[random.Next(marks.Length)].ToString(),
                1 => new string('X', random.Next(1, 40)),
                _ => "U.S. Gen. J. .45-caliber 30,000 https://a.b/c @x #y a@b.co ",
            });
        }
        var result = LanguageBenchmark.TokenizeAndTag(text.ToString(), TimeSpan.Zero);
        Assert.True(result.Tokens > 100_000);
    }

    [Fact]
    public void Generated_news_is_deterministic_and_about_the_requested_size()
    {
        var text = LanguageBenchmark.GeneratedNews(5_000, seed: 4);
        Assert.Equal(text, LanguageBenchmark.GeneratedNews(5_000, seed: 4));
        Assert.InRange(Dossier.Language.Tokens.Tokenizer.Tokenize(text).Length, 5_000, 5_100);
    }
}
