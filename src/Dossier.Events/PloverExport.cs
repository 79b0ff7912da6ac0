using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dossier.Core.Model;

namespace Dossier.Events;

/// <summary>
/// PLOVER JSON records (manual v0.8, chapter "Data Fields"): one object per event with <c>id</c>, <c>date</c>,
/// <c>actor</c> and <c>recipient</c> (lists of entity objects with code, sector, entity_text), <c>event</c>,
/// <c>mode</c>, <c>context</c>, <c>quad_code</c>, <c>event_loc</c>, <c>event_text</c>, <c>text</c> and
/// <c>text_info</c> (character offsets into the document), plus <c>confidence</c> and <c>doc_id</c>.
/// </summary>
public static class PloverExport
{
    /// <summary>PLOVER quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</summary>
    public static int QuadCode(string eventType) => eventType switch
    {
        "AGREE" or "CONSULT" or "SUPPORT" or "CONCEDE" => 1,
        "COOPERATE" or "AID" or "RETREAT" => 2,
        "REQUEST" or "ACCUSE" or "REJECT" or "THREATEN" => 3,
        "PROTEST" or "SANCTION" or "MOBILIZE" or "COERCE" or "ASSAULT" => 4,
        _ => 0,
    };

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A JSON array of PLOVER records.</summary>
    public static string ToJson(IEnumerable<(Document Document, EventMention Event)> events)
    {
        var array = new JsonArray();
        foreach (var record in Records(events)) array.Add(record);
        return array.ToJsonString(Options);
    }

    /// <summary>JSON Lines, one record per line (the manual's suggested exchange format).</summary>
    public static string ToJsonLines(IEnumerable<(Document Document, EventMention Event)> events) =>
        string.Concat(Records(events).Select(r => r.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n"));

    private static IEnumerable<JsonObject> Records(IEnumerable<(Document Document, EventMention Event)> events)
    {
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (doc, ev) in events)
        {
            var n = counters[doc.Id] = counters.GetValueOrDefault(doc.Id) + 1;
            var record = new JsonObject
            {
                ["id"] = $"{doc.Id}-{n:D4}",
                ["doc_id"] = doc.Id,
                ["date"] = ev.Date,
                ["event"] = new JsonArray(ev.Type),
                ["mode"] = string.IsNullOrEmpty(ev.Mode) ? new JsonArray() : new JsonArray(ev.Mode),
                ["context"] = new JsonArray([.. (ev.Context ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => (JsonNode)JsonValue.Create(c))]),
                ["quad_code"] = QuadCode(ev.Type),
                ["actor"] = new JsonArray(Entity(ev.Source)),
                ["recipient"] = ev.Target is null ? new JsonArray() : new JsonArray(Entity(ev.Target)),
                ["event_loc"] = ev.Location is null ? null : new JsonObject { ["name"] = ev.Location },
                ["event_text"] = ev.Trigger is null ? new JsonArray() : new JsonArray(ev.Trigger),
                ["text"] = SafeText(doc, ev.Span),
                ["text_info"] = new JsonObject { ["start"] = ev.Span.Start, ["end"] = ev.Span.End },
                ["confidence"] = ev.Confidence,
                ["cite_info"] = new JsonObject
                {
                    ["url"] = doc.Metadata.Url,
                    ["title"] = doc.Metadata.Title,
                    ["publication"] = doc.Metadata.Outlet,
                    ["codebook"] = "PLOVER",
                    ["version"] = "0.8",
                },
                ["coder"] = "dossier",
            };
            yield return record;
        }
    }

    private static JsonObject Entity(ActorRef actor) => new()
    {
        ["code"] = actor.EntityId,
        ["sector"] = actor.Sector,
        ["entity_text"] = actor.Name,
    };

    private static string SafeText(Document doc, TextSpan span) =>
        span.Start >= 0 && span.End <= doc.Text.Length && span.End >= span.Start ? span.Of(doc.Text) : "";
}
