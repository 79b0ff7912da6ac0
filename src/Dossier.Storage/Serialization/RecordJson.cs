using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Dossier.Core.Model;

namespace Dossier.Storage.Serialization;

/// <summary>
/// How stored rows hold records: System.Text.Json with snake_case names and enum names as strings, so a stored row
/// stays readable with any SQLite tool and survives reordering of enum members.
/// </summary>
public static class RecordJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions(withoutSpan: false);

    /// <summary>For annotations: the same, minus the top-level <c>span</c>, which lives in its own columns.</summary>
    private static JsonSerializerOptions AnnotationOptions { get; } = CreateOptions(withoutSpan: true);

    private static JsonSerializerOptions CreateOptions(bool withoutSpan)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        if (withoutSpan)
        {
            resolver.Modifiers.Add(info =>
            {
                if (!typeof(ISpanned).IsAssignableFrom(info.Type)) return;
                var span = info.Properties.FirstOrDefault(p => p.Name == "span");
                if (span is not null) info.Properties.Remove(span);
            });
        }
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Unknown fields come from a newer Dossier; ignoring them keeps an older reader working.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            // A stage may report NaN or infinite confidence; storing it must not fail the batch.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new TextSpanConverter());
        options.MakeReadOnly();
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"null where a {typeof(T).Name} was stored");

    /// <summary>
    /// An annotation as stored: the record without its span, which lives in its own start/end columns (indexed and
    /// not repeated in every row).
    /// </summary>
    public static string SerializeAnnotation(ISpanned item) => JsonSerializer.Serialize(item, item.GetType(), AnnotationOptions);

    public static ISpanned DeserializeAnnotation(Type elementType, string data, int start, int end)
    {
        // Put the span back in front of the stored fields; cheaper than parsing into a DOM and editing it.
        var body = data.AsSpan().Trim();
        if (body.Length < 2 || body[0] != '{') throw new JsonException("stored annotation is not an object");
        var rest = body[1..].TrimStart();
        var json = string.Concat($"{{\"span\":{{\"start\":{start},\"end\":{end}}}", rest[0] == '}' ? "" : ",", rest);
        return (ISpanned)(JsonSerializer.Deserialize(json, elementType, Options)
            ?? throw new JsonException($"null where a {elementType.Name} was stored"));
    }

    private static readonly ConcurrentDictionary<Type, Func<IEnumerable<ISpanned>, IReadOnlyList<ISpanned>>> ArrayFactories = new();

    /// <summary>
    /// The items as the boxed <c>ImmutableArray&lt;T&gt;</c> a <see cref="Layer"/> of <paramref name="key"/> must hold,
    /// so <c>doc.Layer(key)</c> can unbox it.
    /// </summary>
    public static IReadOnlyList<ISpanned> ToLayerItems(LayerKey key, IEnumerable<ISpanned> items) =>
        ArrayFactories.GetOrAdd(key.ElementType, static type =>
            typeof(RecordJson).GetMethod(nameof(ToImmutableArray), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type)
                .CreateDelegate<Func<IEnumerable<ISpanned>, IReadOnlyList<ISpanned>>>())(items);

    private static IReadOnlyList<ISpanned> ToImmutableArray<T>(IEnumerable<ISpanned> items) where T : class, ISpanned =>
        items.Cast<T>().ToImmutableArray();

    private sealed class TextSpanConverter : JsonConverter<TextSpan>
    {
        public override TextSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("a span is an object {start, end}");
            int? start = null, end = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "start": start = reader.GetInt32(); break;
                    case "end": end = reader.GetInt32(); break;
                    default: reader.Skip(); break;
                }
            }
            return start is { } s && end is { } e ? new TextSpan(s, e) : throw new JsonException("a span needs start and end");
        }

        public override void Write(Utf8JsonWriter writer, TextSpan value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", value.Start);
            writer.WriteNumber("end", value.End);
            writer.WriteEndObject();
        }
    }
}
