using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Events.Plover;

/// <summary>
/// Derives <c>Resources/plover/cameo-verbs.tsv</c> from the PETRARCH2 CAMEO verb dictionary (<c>CAMEO.2.0.txt</c>,
/// MIT, Open Event Data Alliance) and PLOVER's CAMEO → PLOVER table (<c>CAMEO2PLOVER-2021.txt</c>, CC BY-SA 4.0).
/// <list type="bullet">
/// <item>Each verb block's members (with their irregular forms) become one <c>+verb|verb…</c> pattern with the block's
/// (or the member's) CAMEO code.</item>
/// <item>A block pattern whose words all follow the verb (<c>- * (TO BORDER) [154]</c>) becomes
/// <c>+verbs _ to _ border</c>; a synset reference (<c>&amp;WEAPON</c>) is expanded to its members; patterns with words
/// before the verb or with PETRARCH's special markers are left out.</item>
/// <item>CAMEO codes map to PLOVER through the table, by the longest listed prefix; CAMEO 01 (statements), 02
/// (appeals) become "0" and the dictionary's explicit non-events (<c>[---]</c>) "-": patterns that match but code no
/// event, so that "killed in an accident" does not become an ASSAULT.</item>
/// </list>
/// Run <see cref="Generate"/> (or the test that checks the resource is current) after updating either source.
/// </summary>
public static partial class CameoLexiconGenerator
{
    /// <summary>An explicit non-event of the dictionary ([---], e.g. "killed in an accident"): wins over shorter triggers.</summary>
    public const string NoEvent = "-";

    /// <summary>CAMEO 01 (statements) and 02 (appeals), which PLOVER does not code: they match words but code nothing,
    /// and give way to any hand-written trigger.</summary>
    public const string NotPlover = "0";

    public static string Generate(string cameoVerbsPath, string cameoToPloverPath)
    {
        var plover = ReadPloverTable(File.ReadAllLines(cameoToPloverPath));
        var lines = File.ReadAllLines(cameoVerbsPath);
        var synsets = ReadSynsets(lines);
        var output = new StringBuilder();
        output.AppendLine("# Derived from PETRARCH2 CAMEO.2.0.txt (openeventdata/petrarch2@676801c, MIT, (c) Open Event Data Alliance)");
        output.AppendLine("# and PLOVER CAMEO2PLOVER-2021.txt (openeventdata/PLOVER@5e0c24f, CC BY-SA 4.0) by CameoLexiconGenerator.");
        output.AppendLine("# pattern<TAB>event<TAB>mode<TAB>context — event \"0\" = CAMEO 01/02 (not PLOVER), \"-\" = explicit non-event ([---]).");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in ReadBlocks(lines))
        {
            var verbs = string.Join("|", block.Members.SelectMany(m => m.Forms).Distinct());
            if (verbs.Length == 0) continue;
            if (block.Code is not null) Emit("+" + verbs, block.Code);
            foreach (var member in block.Members.Where(m => m.Code is not null))
                Emit("+" + string.Join("|", member.Forms), member.Code!);
            foreach (var (words, code) in block.Patterns)
            {
                var slots = ExpandPattern(words, synsets);
                if (slots is not null) Emit("+" + verbs + " _ " + slots, code);
            }
        }
        return output.ToString();

        void Emit(string pattern, string code)
        {
            var (type, mode, context) = Map(plover, code);
            var line = $"{pattern}\t{type}\t{mode}\t{context}";
            if (seen.Add(line)) output.AppendLine(line);
        }
    }

    private sealed record Member(IReadOnlyList<string> Forms, string? Code);

    private sealed record Block(string? Code, List<Member> Members, List<(string[] Words, string Code)> Patterns);

    [GeneratedRegex(@"^---\s+(?<name>\S+)\s+\[(?<code>[^\]]*)\]\s+---")]
    private static partial Regex BlockHeader();

    [GeneratedRegex(@"\[(?<code>[^\]]*)\]")]
    private static partial Regex CodeRegex();

    private static IEnumerable<Block> ReadBlocks(string[] lines)
    {
        Block? current = null;
        foreach (var raw in lines)
        {
            var line = StripComment(raw).Trim();
            var header = BlockHeader().Match(line);
            if (header.Success)
            {
                if (current is not null) yield return current;
                current = new Block(CleanCode(header.Groups["code"].Value), [], []);
                continue;
            }
            if (current is null || line.Length == 0) continue;
            var code = CodeRegex().Match(line);
            var body = code.Success ? line[..code.Index].Trim() : line;
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                var words = body[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (code.Success) current.Patterns.Add((words, code.Groups["code"].Value.Trim()));
            }
            else if (char.IsUpper(line[0]) || line[0] == '+')
            {
                current.Members.Add(new Member(MemberForms(body), code.Success ? CleanCode(code.Groups["code"].Value) : null));
            }
        }
        if (current is not null) yield return current;
    }

    /// <summary>"SLAY {SLAYS SLAIN SLAYING}" → slay, slays, slain, slaying; "+SHOOT_DOWN {+SHOT_DOWN}" → "shoot down"…
    /// Multi-word members keep only their base form (the lexicon inflects the first word).</summary>
    private static List<string> MemberForms(string body)
    {
        var brace = body.IndexOf('{');
        var lemma = (brace >= 0 ? body[..brace] : body).Trim().TrimStart('+').ToLowerInvariant();
        if (lemma.Length == 0 || lemma.Contains(' ') || !lemma.All(c => char.IsLetter(c) || c is '_' or '-')) return [];
        var forms = new List<string> { lemma.Replace('_', ' ') };
        if (brace >= 0 && !lemma.Contains('_'))
        {
            var inner = body[(brace + 1)..].TrimEnd('}', ' ');
            forms.AddRange(inner.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.TrimStart('+').ToLowerInvariant())
                .Where(f => f.All(char.IsLetter)));
        }
        // Multi-word members are written as one slot each word: "shoot down" can't be an alternative of one slot.
        return forms.Any(f => f.Contains(' ')) ? [] : forms;
    }

    /// <summary>Words after "*" as lexicon slots, or null when the pattern uses what the lexicon cannot express.</summary>
    private static string? ExpandPattern(string[] words, Dictionary<string, List<string>> synsets)
    {
        if (words.Length < 2 || words[0] != "*") return null;
        var slots = new List<string>();
        foreach (var raw in words.Skip(1))
        {
            var w = raw.Trim('(', ')', '{', '}');
            if (w.Length == 0) continue;
            if (w.Any(c => c is '$' or '%' or '^' or '=' or '|' or '*' or '+' or '#')) return null;
            if (w.StartsWith('&'))
            {
                if (!synsets.TryGetValue(w, out var members) || members.Count == 0) return null;
                slots.Add(string.Join("|", members));
            }
            else if (w.All(c => char.IsLetter(c) || c is '-' or '_' or '\''))
            {
                slots.Add(w.Replace('_', ' ').ToLowerInvariant().Replace(" ", " _ "));
            }
            else
            {
                return null;
            }
        }
        return slots.Count == 0 ? null : string.Join(" _ ", slots);
    }

    /// <summary>"&amp;CEASEFIRE" → truce, armistice, cease-fire, ceasefire (single-word members only).</summary>
    private static Dictionary<string, List<string>> ReadSynsets(string[] lines)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var raw in lines)
        {
            var line = StripComment(raw).Trim();
            if (line.StartsWith('&') && !line.Contains(' '))
            {
                current = result[line.TrimEnd('_')] = [];
                result[line] = current;
            }
            else if (line.StartsWith('+') && current is not null)
            {
                var word = line[1..].Split(' ')[0].TrimEnd('_').ToLowerInvariant();
                if (word.Length > 0 && word.All(c => char.IsLetter(c) || c == '-')) current.Add(word);
            }
            else if (line.Length == 0 || line.StartsWith("---", StringComparison.Ordinal))
            {
                current = null;
            }
        }
        return result;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }

    /// <summary>A block's or member's default code; "---" there means "no default" (a pattern's [---] is a discard).</summary>
    private static string? CleanCode(string code)
    {
        code = code.Trim();
        return code.Length == 0 || code == "---" ? null : code;
    }

    /// <summary>"0311: AGREE,  ,   economic # …" → code → (event, mode, context).</summary>
    public static Dictionary<string, (string Type, string Mode, string Context)> ReadPloverTable(IEnumerable<string> lines)
    {
        var table = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = StripComment(raw).Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0 || !line[..colon].All(char.IsDigit)) continue;
            var parts = line[(colon + 1)..].Split(',');
            var type = parts[0].Trim();
            if (type.Length == 0) continue;
            var mode = parts.Length > 1 ? parts[1].Trim() : "";
            var context = parts.Length > 2 ? string.Join(";", parts[2].Split(';').Select(c => c.Trim()).Where(c => c.Length > 0)) : "";
            table[line[..colon]] = (type, mode, context);
        }
        return table;
    }

    /// <summary>The PLOVER coding of a CAMEO code: the table entry of its longest listed prefix.</summary>
    public static (string Type, string Mode, string Context) Map(Dictionary<string, (string Type, string Mode, string Context)> table, string code)
    {
        code = code.Split(':')[0].Trim();
        if (code.Length < 2 || !code.All(char.IsDigit)) return (NoEvent, "", "");
        var root = int.Parse(code[..2], CultureInfo.InvariantCulture);
        if (root is 1 or 2) return (NotPlover, "", "");
        if (root is < 3 or > 20) return (NoEvent, "", "");
        for (var n = code.Length; n >= 2; n--)
        {
            if (table.TryGetValue(code[..n], out var entry)) return entry;
        }
        return (NoEvent, "", "");
    }
}
