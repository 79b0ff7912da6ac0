using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Dossier.Core.Model;
using NodaTime;
using NodaTime.Text;

namespace Dossier.Language.Time;

/// <summary>Precision, recall and F1 of one measure.</summary>
public sealed record Prf(int Correct, int System, int Gold)
{
    public double Precision => System == 0 ? 0 : (double)Correct / System;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public override string ToString() => $"P {Precision:0.0000}  R {Recall:0.0000}  F1 {F1:0.0000}  ({Correct}/{System} system, {Gold} gold)";
}

/// <summary>One disagreement with the gold annotation, for error analysis.</summary>
public sealed record TimexMistake(string File, string Kind, string Text, string? GoldValue, string? SystemValue, string Context);

/// <summary>TempEval-3 style scores: extraction (strict = same span, relaxed = overlapping), and value/type accuracy over relaxed matches.</summary>
public sealed record TimexScores(int Files, Prf Strict, Prf Relaxed, Prf Value, Prf Type, IReadOnlyList<TimexMistake> Mistakes)
{
    /// <summary>Correct values among relaxed matches (TempEval-3's "value accuracy").</summary>
    public double ValueAccuracy => Relaxed.Correct == 0 ? 0 : (double)Value.Correct / Relaxed.Correct;
    public double TypeAccuracy => Relaxed.Correct == 0 ? 0 : (double)Type.Correct / Relaxed.Correct;

    /// <summary>The scores; with <paramref name="mistakes"/>, one tab-separated line per mistake after them (kind, file, text, gold, system, context).</summary>
    public string Format(bool mistakes = false)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"TIMEX3 evaluation over {Files} TimeML files");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  strict extraction   {Strict}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  relaxed extraction  {Relaxed}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  value (relaxed)     {Value}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  type (relaxed)      {Type}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  value accuracy {ValueAccuracy:0.0000}   type accuracy {TypeAccuracy:0.0000}");
        if (!mistakes) return sb.ToString();
        foreach (var m in Mistakes)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{m.Kind}\t{m.File}\t{m.Text}\t{m.GoldValue ?? "-"}\t{m.SystemValue ?? "-"}\t{m.Context}");
        }
        return sb.ToString();
    }
}

/// <summary>
/// Scores <see cref="TimexRecognizer"/> on TimeML files (TempEval-3 TBAQ): each file's TEXT is recognised with its
/// DCT as publication date and compared with the gold TIMEX3 tags. Uses its own sentence split, no other stage.
/// </summary>
public static class TimexEvaluator
{
    public sealed record GoldTimex(TextSpan Span, TimexType Type, string Value);

    public sealed record TimeMLDocument(string File, string Text, LocalDate? Dct, IReadOnlyList<GoldTimex> Timexes);

    public static TimexScores Evaluate(string timemlDir)
    {
        var files = Directory.Exists(timemlDir)
            ? Directory.EnumerateFiles(timemlDir, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        var mistakes = new List<TimexMistake>();
        int sys = 0, gold = 0, strict = 0, relaxed = 0, value = 0, type = 0, read = 0;
        foreach (var file in files)
        {
            if (Read(file) is not { } doc) continue;
            read++;
            var system = TimexRecognizer.Recognize(doc.Text, TimeStage.SplitSentences(doc.Text), doc.Dct);
            sys += system.Count;
            gold += doc.Timexes.Count;
            var used = new bool[system.Count];
            foreach (var g in doc.Timexes)
            {
                var exact = Index(system, used, s => s.Span == g.Span);
                var index = exact >= 0 ? exact : Index(system, used, s => s.Span.Overlaps(g.Span));
                if (index < 0)
                {
                    mistakes.Add(new(Path.GetFileName(file), "missed", g.Span.Of(doc.Text), g.Value, null, Around(doc.Text, g.Span)));
                    continue;
                }
                used[index] = true;
                var s = system[index];
                relaxed++;
                if (exact >= 0) strict++;
                else mistakes.Add(new(Path.GetFileName(file), "span", $"{g.Span.Of(doc.Text)} / {s.Text}", g.Value, s.Value, Around(doc.Text, g.Span)));
                if (s.Type == g.Type) type++;
                if (s.Value == g.Value) value++;
                else mistakes.Add(new(Path.GetFileName(file), "value", s.Text, g.Value, s.Value, Around(doc.Text, g.Span)));
            }
            for (var i = 0; i < system.Count; i++)
            {
                if (!used[i]) mistakes.Add(new(Path.GetFileName(file), "spurious", system[i].Text, null, system[i].Value, Around(doc.Text, system[i].Span)));
            }
        }
        return new TimexScores(read, new(strict, sys, gold), new(relaxed, sys, gold), new(value, sys, gold), new(type, sys, gold), mistakes);
    }

    private static int Index(IReadOnlyList<TimeExpression> system, bool[] used, Func<TimeExpression, bool> test)
    {
        for (var i = 0; i < system.Count; i++)
        {
            if (!used[i] && test(system[i])) return i;
        }
        return -1;
    }

    private static string Around(string text, TextSpan span)
    {
        var start = Math.Max(0, span.Start - 60);
        var end = Math.Min(text.Length, span.End + 60);
        return text[start..end].Replace('\n', ' ');
    }

    /// <summary>The TEXT of a TimeML file with its gold TIMEX3 spans and the DCT; null when the file is not TimeML.</summary>
    public static TimeMLDocument? Read(string file)
    {
        XDocument xml;
        try { xml = XDocument.Load(file, LoadOptions.PreserveWhitespace); }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException) { return null; }
        var root = xml.Root;
        var textElement = root?.Element("TEXT");
        if (root is null || textElement is null) return null;
        var dctValue = root.Element("DCT")?.Element("TIMEX3")?.Attribute("value")?.Value;
        LocalDate? dct = dctValue is { Length: >= 10 } && LocalDatePattern.Iso.Parse(dctValue[..10]) is { Success: true } r ? r.Value : null;
        var sb = new StringBuilder();
        var timexes = new List<GoldTimex>();
        Walk(textElement, sb, timexes);
        return new TimeMLDocument(file, sb.ToString(), dct, timexes);
    }

    private static void Walk(XElement element, StringBuilder sb, List<GoldTimex> timexes)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    sb.Append(t.Value);
                    break;
                case XElement e when e.Name.LocalName == "TIMEX3":
                    var start = sb.Length;
                    Walk(e, sb, timexes);
                    var type = Enum.TryParse<TimexType>(e.Attribute("type")?.Value, out var parsed) ? parsed : TimexType.DATE;
                    timexes.Add(new GoldTimex(new TextSpan(start, sb.Length), type, e.Attribute("value")?.Value ?? ""));
                    break;
                case XElement e:
                    Walk(e, sb, timexes);
                    break;
            }
        }
    }
}
