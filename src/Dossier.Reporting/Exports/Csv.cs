namespace Dossier.Reporting.Exports;

/// <summary>RFC 4180 CSV: a header row, CRLF line ends, fields with a comma, quote or line break quoted (quotes doubled).</summary>
public static class Csv
{
    public static void Write(FlatTable table, TextWriter output)
    {
        WriteRow(output, table.Columns.Select(c => c.Name));
        foreach (var row in table.Rows) WriteRow(output, row.Select(Format));
    }

    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    private static void WriteRow(TextWriter output, IEnumerable<string> fields)
    {
        output.Write(string.Join(',', fields.Select(Escape)));
        output.Write("\r\n");
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
