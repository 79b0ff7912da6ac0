using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Dossier.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Dossier.Corpus.Positions;

/// <summary>One negotiation issue, stated as a proposition ("sanctions on Russia are lifted").</summary>
public sealed record Issue(
    string Id,
    string Proposition,
    ImmutableArray<string> Synonyms,
    ImmutableArray<string> Patterns,
    ImmutableArray<string> Actors)
{
    internal Regex? Matcher { get; init; }
}

/// <summary>Where a text names an issue.</summary>
public readonly record struct IssueMatch(Issue Issue, TextSpan Span);

/// <summary>The outcome of loading a taxonomy: the taxonomy, or the reasons it could not be read.</summary>
public sealed record TaxonomyResult(Taxonomy? Taxonomy, ImmutableArray<string> Errors)
{
    public bool Ok => Taxonomy is not null && Errors.IsEmpty;
}

/// <summary>
/// The issues of the negotiation map, loaded from YAML (the embedded default <c>Resources/issues.yaml</c> or a user's
/// file of the same shape). Each issue compiles to one case-insensitive matcher over its synonyms and patterns.
/// </summary>
public sealed class Taxonomy
{
    private static readonly Lazy<Taxonomy> DefaultTaxonomy = new(LoadDefault);

    private Taxonomy(ImmutableArray<Issue> issues) => Issues = issues;

    public ImmutableArray<Issue> Issues { get; }

    /// <summary>The taxonomy shipped with Dossier.</summary>
    public static Taxonomy Default => DefaultTaxonomy.Value;

    /// <summary>Reads a user taxonomy; problems come back as <see cref="TaxonomyResult.Errors"/>, never as exceptions.</summary>
    public static TaxonomyResult Load(string path)
    {
        try
        {
            if (!File.Exists(path)) return Fail($"{path}: file not found");
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail($"{path}: cannot read ({ex.Message})");
        }
    }

    public static TaxonomyResult Parse(string yaml, string source = "taxonomy")
    {
        TaxonomyFile? file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<TaxonomyFile>(yaml);
        }
        catch (YamlException ex)
        {
            return Fail($"{source}: line {ex.Start.Line}, column {ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message} " +
                        "(expected a top-level 'issues:' list of entries with id, proposition, synonyms, patterns, actors)");
        }
        if (file?.Issues is null || file.Issues.Count == 0) return Fail($"{source}: no 'issues:' list found");

        var errors = new List<string>();
        var issues = new List<Issue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Issues.Count; i++)
        {
            var raw = file.Issues[i];
            var where = $"{source}: issue #{i + 1}";
            if (string.IsNullOrWhiteSpace(raw.Id)) { errors.Add($"{where}: missing 'id'"); continue; }
            where = $"{source}: issue '{raw.Id}'";
            if (!seen.Add(raw.Id)) errors.Add($"{where}: duplicate id");
            if (string.IsNullOrWhiteSpace(raw.Proposition)) errors.Add($"{where}: missing 'proposition'");
            var synonyms = (raw.Synonyms ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToImmutableArray();
            var patterns = (raw.Patterns ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).ToImmutableArray();
            if (synonyms.IsEmpty && patterns.IsEmpty) errors.Add($"{where}: needs at least one synonym or pattern");
            foreach (var p in patterns)
            {
                try { _ = new Regex(p); }
                catch (ArgumentException ex) { errors.Add($"{where}: invalid pattern '{p}': {ex.Message}"); }
            }
            issues.Add(new Issue(raw.Id.Trim(), raw.Proposition?.Trim() ?? "", synonyms, patterns,
                [.. (raw.Actors ?? []).Where(a => !string.IsNullOrWhiteSpace(a))]));
        }
        if (errors.Count > 0) return new TaxonomyResult(null, [.. errors]);
        return new TaxonomyResult(new Taxonomy([.. issues.Select(Compile)]), []);
    }

    /// <summary>Every place in text[start..end) that names an issue (one match per issue and place; the longest wins).</summary>
    public IEnumerable<IssueMatch> Find(string text, int start, int end)
    {
        var segment = text[start..end];
        foreach (var issue in Issues)
        {
            MatchCollection matches;
            try
            {
                matches = issue.Matcher!.Matches(segment);
                _ = matches.Count; // force evaluation inside the try: matching is lazy
            }
            catch (RegexMatchTimeoutException)
            {
                continue; // a pathological sentence for a user pattern: skip the issue there
            }
            foreach (Match m in matches)
                yield return new IssueMatch(issue, new TextSpan(start + m.Index, start + m.Index + m.Length));
        }
    }

    private static Issue Compile(Issue issue)
    {
        var alternatives = issue.Synonyms.OrderByDescending(s => s.Length)
            .Select(s => @"\b" + string.Join(@"[\s\-‐–]+", s.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)) + @"\b")
            .Concat(issue.Patterns.Select(p => "(?:" + p + ")"));
        var regex = new Regex(string.Join("|", alternatives), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(2));
        return issue with { Matcher = regex };
    }

    private static Taxonomy LoadDefault()
    {
        using var stream = typeof(Taxonomy).Assembly.GetManifestResourceStream("Dossier.issues.yaml")
                           ?? throw new InvalidOperationException("embedded resource Dossier.issues.yaml is missing (build error)");
        using var reader = new StreamReader(stream);
        var result = Parse(reader.ReadToEnd(), "issues.yaml (embedded)");
        return result.Taxonomy ?? throw new InvalidOperationException("embedded issues.yaml is invalid: " + string.Join("; ", result.Errors));
    }

    private static TaxonomyResult Fail(string error) => new(null, [error]);

    private sealed class TaxonomyFile
    {
        public List<IssueFile>? Issues { get; set; }
    }

    private sealed class IssueFile
    {
        public string? Id { get; set; }
        public string? Proposition { get; set; }
        public List<string>? Synonyms { get; set; }
        public List<string>? Patterns { get; set; }
        public List<string>? Actors { get; set; }
    }
}
