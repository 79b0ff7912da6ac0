using System.Text.Json.Nodes;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Fixtures;
using Dossier.Reporting.Json;
using NodaTime;

namespace Dossier.Reporting.Tests.Json;

public class DossierJsonTests
{
    private static readonly Diagnostic Warning = new(Codes.EmptyInput, Severity.Warning, "inputs/empty.txt", "the file is empty");

    private static JsonObject Parse(Corpus corpus, Instant? at = null) =>
        JsonNode.Parse(DossierJson.ToJson(corpus, [Warning], at))!.AsObject();

    /// <summary>Every field path the issue-3 contract names, checked on elements where it is filled in.</summary>
    [Theory]
    [InlineData("documents", "id,source,outlet,title,authors,published,published_inferred,language,text,removed,entities,quotes,times,events")]
    [InlineData("documents.removed", "text,reason")]
    [InlineData("documents.entities", "start,end,text,label,type,entity_id")]
    [InlineData("documents.quotes", "start,end,text,kind,speaker,cue,channel")]
    [InlineData("documents.quotes.speaker", "name,entity_id,start,end")]
    [InlineData("documents.times", "start,end,text,type,value")]
    [InlineData("documents.events", "type,mode,source,target,date,location,start,end")]
    [InlineData("documents.events.source", "entity_id,name")]
    [InlineData("documents.events.target", "entity_id,name")]
    [InlineData("entities", "id,name,type,aliases,country,wikidata")]
    [InlineData("stories", "id,title,date,documents,summary")]
    [InlineData("alignments", "story,kind,text,documents")]
    [InlineData("alignments.documents", "id,start,end")]
    [InlineData("discrepancies", "story,document,kind,text,start,end,explanation")]
    [InlineData("positions", "issue,actor,stance,date,evidence")]
    [InlineData("positions.evidence", "document,start,end")]
    public void Contract_field_paths_are_present(string path, string fields)
    {
        var objects = Select(Parse(SampleCorpus.Corpus()), path.Split('.')).ToList();
        Assert.NotEmpty(objects);
        foreach (var field in fields.Split(','))
            Assert.All(objects, o => Assert.True(o.ContainsKey(field), $"{path} lacks '{field}'"));
    }

    private static IEnumerable<JsonObject> Select(JsonNode node, IEnumerable<string> path)
    {
        var current = new List<JsonNode> { node };
        foreach (var step in path)
        {
            current = current.SelectMany(n => n[step] switch
            {
                JsonArray array => array.OfType<JsonNode>(),
                JsonObject obj => [obj],
                _ => [],
            }).ToList();
        }
        return current.OfType<JsonObject>();
    }

    [Fact]
    public void Contract_values_use_the_documented_case_and_formats()
    {
        var json = Parse(SampleCorpus.Corpus());
        var gazette = json["documents"]![0]!;
        Assert.Equal("2025-03-04", (string?)gazette["published"]);
        Assert.False((bool)gazette["published_inferred"]!);
        Assert.True((bool)json["documents"]![1]!["published_inferred"]!);
        Assert.Equal(["PER"], Values(gazette["entities"]!, "label").Where(l => l == "PER").Distinct());
        Assert.Equal(["direct", "partial", "indirect"], Values(gazette["quotes"]!, "kind"));
        Assert.Equal(["DATE", "DURATION", "DURATION", "SET"], Values(gazette["times"]!, "type"));
        Assert.Equal("P9D", (string?)gazette["times"]![1]!["value"]);
        Assert.Equal(["AGREE", "CONSULT"], Values(gazette["events"]!, "type"));
        Assert.Null(gazette["events"]![1]!["target"]);
        Assert.Equal(["support", "conditional", "undecided"], Values(json["positions"]!, "stance"));
        Assert.Equal(["quote", "claim"], Values(json["alignments"]!, "kind"));
        Assert.Equal("Q55", (string?)json["entities"]![2]!["wikidata"]);
        Assert.Null(json["entities"]![0]!["wikidata"]);
        Assert.Equal("D001", (string?)json["diagnostics"]![0]!["code"]);
        Assert.Equal("warning", (string?)json["diagnostics"]![0]!["severity"]);
    }

    private static List<string?> Values(JsonNode array, string field) => array.AsArray().Select(n => (string?)n![field]).ToList();

    [Fact]
    public void Offsets_index_the_documents_text()
    {
        var json = Parse(SampleCorpus.Corpus());
        foreach (var document in json["documents"]!.AsArray())
        {
            var text = (string)document!["text"]!;
            foreach (var layer in new[] { "entities", "quotes", "times" })
            {
                foreach (var item in document[layer]!.AsArray())
                {
                    var covered = text[(int)item!["start"]!..(int)item["end"]!];
                    Assert.Contains((string)item["text"]!, covered);
                }
            }
            foreach (var quote in document["quotes"]!.AsArray().Where(q => q!["speaker"] is not null))
            {
                var speaker = quote!["speaker"]!;
                Assert.Equal((string)speaker["name"]!, text[(int)speaker["start"]!..(int)speaker["end"]!]);
            }
        }
    }

    [Fact]
    public void Output_is_indented_utf8_with_non_ascii_unescaped()
    {
        var text = DossierJson.ToJson(SampleCorpus.Corpus());
        Assert.Contains("€30 million", text);
        Assert.Contains("ROTTERDAM —", text);
        Assert.Contains("\n  \"documents\": [", text);
    }

    [Fact]
    public void Generated_at_comes_from_the_caller_and_is_omitted_otherwise()
    {
        Assert.Equal("2025-03-05T10:00:00Z", (string?)Parse(SampleCorpus.Corpus(), Instant.FromUtc(2025, 3, 5, 10, 0))["generated_at"]);
        Assert.False(Parse(SampleCorpus.Corpus()).ContainsKey("generated_at"));
        Assert.False(string.IsNullOrEmpty((string?)Parse(SampleCorpus.Corpus())["version"]));
    }

    [Fact]
    public void Document_node_of_a_bare_document_has_empty_layers_not_missing_ones()
    {
        var node = DossierJson.DocumentNode(new Document("e", "empty.txt", "", new DocumentMetadata()));
        Assert.Equal("", (string?)node["text"]);
        Assert.Empty(node["entities"]!.AsArray());
        Assert.Empty(node["authors"]!.AsArray());
        Assert.Null(node["published"]);
        Assert.Equal(0, (int)node["sentence_count"]!);
    }

    [Fact]
    public void Document_node_reports_layer_provenance_and_structure()
    {
        var node = DossierJson.DocumentNode(SampleCorpus.Gazette());
        Assert.Equal("actors", (string?)node["layers"]!["entities"]!["stage"]);
        Assert.Equal("0.3", (string?)node["layers"]!["entities"]!["stage_version"]);
        Assert.Equal(3, node["paragraphs"]!.AsArray().Count);
        Assert.Equal(node["sentences"]!.AsArray().Count, (int)node["sentence_count"]!);
        Assert.Equal("reporters", (string?)node["quotes"]![0]!["addressee"]);
        Assert.Equal("direct", (string?)node["quotes"]![0]!["certainty"]);
        Assert.Equal("unnamed", (string?)node["quotes"]![2]!["certainty"]);
        Assert.Equal("money", (string?)node["numbers"]![2]!["kind"]);
    }

    [Fact]
    public void Hostile_text_stays_intact_in_json()
    {
        var json = Parse(SampleCorpus.Corpus(withHostile: true));
        Assert.Equal("<script>alert(1)</script>", (string?)json["documents"]![2]!["title"]);
    }
}
