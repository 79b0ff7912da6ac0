using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dossier.Reporting.Exports;

/// <summary>A column of a flat table, typed by the values it holds (long, double, bool, else string).</summary>
public sealed record FlatColumn(string Name, Type Type);

/// <summary>
/// Rows as plain columns for CSV and Parquet: nested objects become prefixed columns (<c>speaker_name</c>), arrays
/// become JSON text. Columns appear in first-seen order; a row without a column has null there.
/// </summary>
public sealed record FlatTable(string Name, IReadOnlyList<FlatColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public static FlatTable From(ExportTable table)
    {
        var flatRows = table.Rows.Select(row =>
        {
            var cells = new List<(string Name, JsonNode? Value)>();
            Flatten(row, "", cells);
            return cells;
        }).ToList();

        var names = new List<string> { "document_id", "source" };
        var seen = new HashSet<string>(names);
        foreach (var (name, _) in flatRows.SelectMany(r => r)) if (seen.Add(name)) names.Add(name);

        var columns = names.Select(name => new FlatColumn(name, TypeOf(flatRows.SelectMany(r => r).Where(c => c.Name == name).Select(c => c.Value)))).ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        var rows = flatRows.Select(cells =>
        {
            var values = new object?[columns.Count];
            foreach (var (name, value) in cells) values[index[name]] = Convert(value, columns[index[name]].Type);
            return values;
        }).ToList();
        return new FlatTable(table.Name, columns, rows);
    }

    private static void Flatten(JsonObject node, string prefix, List<(string, JsonNode?)> cells)
    {
        foreach (var (name, value) in node)
        {
            var column = prefix + name;
            if (value is JsonObject nested) Flatten(nested, column + "_", cells);
            else cells.Add((column, value));
        }
    }

    private static Type TypeOf(IEnumerable<JsonNode?> values)
    {
        var kinds = values.OfType<JsonNode>().Select(v => v switch
        {
            JsonValue number when number.GetValueKind() == JsonValueKind.Number =>
                long.TryParse(number.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? typeof(long) : typeof(double),
            JsonValue boolean when boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False => typeof(bool),
            _ => typeof(string),
        }).Distinct().ToList();
        return kinds switch
        {
            [] => typeof(string),
            [var only] => only,
            _ when kinds.All(k => k == typeof(long) || k == typeof(double)) => typeof(double),
            _ => typeof(string),
        };
    }

    private static object? Convert(JsonNode? value, Type type)
    {
        if (value is null) return null;
        // A node built from a CLR value keeps that value's type (int, decimal, double…); its JSON text is uniform.
        if (type == typeof(long)) return long.Parse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (type == typeof(double)) return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (type == typeof(bool)) return value.GetValue<bool>();
        return value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.ToJsonString();
    }
}
