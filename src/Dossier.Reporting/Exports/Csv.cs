namespace Dossier.Reporting.Exports;

/// <summary>
/// RFC 4180 CSV: a header row, CRLF line ends, fields with a comma, quote or line break quoted (quotes doubled); text
/// cells that a spreadsheet would run as a formula are neutralised (<see cref="Neutralise"/>).
/// </summary>
public static class Csv
{
    public static void Write(FlatTable table, TextWriter output)
    {
        WriteRow(output, table.Columns.Select(c => c.Name));
        foreach (var row in table.Rows) WriteRow(output, row.Select(Format));
    }

    /// <summary>
    /// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some strip first) as a
    /// formula, so article text or a title could make a CSV call out or run commands when opened (CSV injection).
    /// Such a text cell gets a leading apostrophe, which spreadsheets show as text and hide. Numbers are not text
    /// cells: -5 stays -5.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

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
        string text => Neutralise(text),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
