namespace Dossier.Language.Tests;

public class AdversarialBenchmarkTests
{
    [Fact]
    public void Every_adversarial_input_goes_through_the_language_layer()
    {
        // Completion is the check (no timing): a megabyte of each kind, the single line five megabytes.
        var results = AdversarialBenchmark.Run(1_000_000);
        Assert.Equal(AdversarialBenchmark.Inputs(1).Select(i => i.Name), results.Select(r => r.Input));
        Assert.All(results, r => Assert.InRange(r.Characters, 1_000_000, 5_000_000));
        var line = results.Single(r => r.Input.StartsWith("single line", StringComparison.Ordinal));
        Assert.Equal(5_000_000, line.Characters);
        Assert.True(line.Entities > 10_000 && line.Times > 1_000, "news on one line is still tagged");
        Assert.Equal(0, results.Single(r => r.Input == "punctuation only").Entities);
    }

    [Fact]
    public void The_inputs_are_deterministic_and_of_the_requested_size()
    {
        var a = AdversarialBenchmark.Inputs(20_000);
        var b = AdversarialBenchmark.Inputs(20_000);
        Assert.Equal(a, b);
        Assert.All(a.Skip(1), i => Assert.InRange(i.Text.Length, 19_999, 20_000));
        Assert.DoesNotContain('\n', a[0].Text);
        Assert.Contains('\u0000', a.Single(i => i.Name == "control characters").Text);
    }
}
