using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Dossier.Core.Model;
using Dossier.Storage.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Dossier.Web.Benchmarks;

/// <summary>What <see cref="DossierGenerator"/> wrote.</summary>
public sealed record GeneratedDossier(int Documents, int Stories, int Entities, int Positions, long Bytes, TimeSpan Elapsed);

/// <summary>
/// Writes a synthetic dossier database for the page-time benchmark: news-like articles (sentences from templates
/// written for this project, invented people, places and organisations) with entity, quote and event layers, stories,
/// alignments, discrepancies and a negotiation map, stored straight into SQLite (no analysis run).
/// The shape is chosen to be unkind: who is mentioned follows a Zipf law (the busiest person is in about one article in
/// ten, as a head of state would be), articles are 2–3 KB, story sizes have a long tail up to a few thousand articles.
/// Deterministic for a seed.
/// </summary>
public sealed class DossierGenerator(int seed = 8)
{
    private static readonly string[] FirstNames =
    [
        "Ara", "Elnur", "Nino", "Ion", "Milan", "Arben", "Abiy", "Samir", "Amina", "Carla", "Jorge", "Linh", "Marta", "Pavel", "Sofia", "Omar",
        "Ines", "Tomas", "Hana", "Yusuf", "Lena", "Kofi", "Rosa", "Dmitri", "Aiko", "Rafael", "Zeynep", "Lars", "Priya", "Mateo", "Olga", "Ken",
    ];
    private static readonly string[] LastNames =
    [
        "Petrosyan", "Hasanli", "Beridze", "Rusu", "Jovanovic", "Krasniqi", "Tesfaye", "Farouk", "Osman", "Rojas", "Quispe", "Nguyen", "Novak",
        "Horvat", "Lindqvist", "Baumann", "Moreau", "Okafor", "Mensah", "Kowalski", "Haddad", "Sato", "Silva", "Larsen", "Demir", "Varga",
        "Costa", "Ivanova", "Mwangi", "Berg", "Ruiz", "Khan", "Dubois", "Fischer", "Popescu", "Alves", "Tanaka", "Santos", "Brennan", "Walsh",
    ];
    private static readonly string[] Places =
    [
        "Geneva", "Vienna", "Doha", "Oslo", "Istanbul", "Nairobi", "Lisbon", "Riga", "Tbilisi", "Yerevan", "Baku", "Belgrade", "Pristina",
        "Addis Ababa", "Cairo", "Khartoum", "Santiago", "Lima", "Hanoi", "Warsaw", "Helsinki", "Accra", "Dakar", "Tunis", "Amman", "Muscat",
        "Astana", "Tashkent", "Ulaanbaatar", "Manila", "Jakarta", "Canberra", "Ottawa", "Bogota", "Quito", "Montevideo",
    ];
    private static readonly string[] Organisations =
    [
        "the Regional Security Council", "the Coastal Fisheries Board", "the Union of Port Workers", "the Grain Exporters Association",
        "the Central Bank", "the Electoral Commission", "the Red Crescent", "the Harbour Authority", "the Energy Regulator",
        "the Teachers' Federation", "the Chamber of Commerce", "the Supreme Court", "the Border Guard", "the Health Ministry",
    ];
    private static readonly string[] Outlets =
    [
        "The Harbour Herald", "Meridian Wire", "Daily Courier", "Northern Ledger", "Plains Post", "Coastal Times", "Valley Observer",
        "Metro Dispatch", "Estuary News", "Highland Gazette", "Capital Report", "Delta Tribune",
    ];
    private static readonly string[] Topics =
    [
        "ceasefire", "prisoner exchange", "sanctions relief", "border demarcation", "trade agreement", "peacekeeping mission", "grain corridor",
        "fishing quota", "pipeline tariff", "port strike", "fuel subsidy", "election timetable", "refugee returns", "water sharing deal",
        "debt restructuring", "rail link", "mining licence", "power grid upgrade", "customs union", "airspace closure",
    ];
    private static readonly string[] Issues =
        ["ceasefire", "peacekeeping", "sanctions_relief", "minerals_deal", "economic_cooperation", "territorial_control", "asset_division", "border_reopening"];
    private static readonly string[] MeetVerbs = ["met", "held talks with", "spoke by phone with", "hosted", "visited"];
    private static readonly string[] TitleVerbs = ["meets", "rejects", "backs", "warns", "presses", "criticises", "praises", "courts"];
    private static readonly string[] Cues = ["said", "told reporters", "said in a statement", "wrote on social media", "told parliament", "added"];
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Adjectives = ["difficult", "constructive", "tense", "frank", "productive", "long", "brief", "cordial"];
    private static readonly string[] Background =
    [
        "Negotiators have met {n} times since the start of the year, most recently in {place}.",
        "Analysts said the {topic} would test the patience of both governments before the winter.",
        "Markets reacted calmly, with the currency trading {n} points higher by the afternoon.",
        "The opposition called the plan rushed and demanded a vote in parliament within {n} days.",
        "Residents near the border said they had heard little about the {topic} beyond radio bulletins.",
        "Diplomats in {place} described the mood as {adj} but said no deadline had been set.",
        "Officials declined to say how many observers would monitor the {topic} on the ground.",
        "A previous attempt at a {topic} collapsed after {n} weeks amid mutual accusations.",
        "Shipping companies said they would wait for written guarantees before resuming routes.",
        "Aid groups warned that {n} thousand people still lacked reliable access to clean water.",
        "Trade unions said they had not been consulted and threatened a {n}-day stoppage.",
        "The finance ministry estimated the cost at {n} million, to be shared over three years.",
    ];
    private static readonly string[] Quotes =
    [
        "We will not accept a {topic} that leaves our people without guarantees",
        "There is real progress on the {topic}, but nothing is agreed until everything is agreed",
        "The {topic} is a first step, not the last one",
        "Our patience is not unlimited and the clock is ticking",
        "We came to {place} to listen, and we listened",
        "Any deal has to be verified, otherwise it is just paper",
        "The talks were {adj}, and we expect to meet again soon",
        "Nobody should mistake our openness for weakness",
    ];

    /// <summary>Writes <paramref name="count"/> documents and the derived results into a new database at <paramref name="db"/>.</summary>
    public async Task<GeneratedDossier> WriteAsync(string db, int count, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(seed);
        var people = People(Math.Max(200, count / 5));
        var places = Places.Select(p => new Actor(Slug(p), p, EntityLabel.LOC, "GPE")).ToList();
        var organisations = Organisations.Select(o => new Actor(Slug(o["the ".Length..]), o, EntityLabel.ORG, null)).ToList();
        var pickPerson = new Zipf(people.Count);
        var pickOutlet = new Zipf(Outlets.Length);
        var start = new LocalDate(2024, 1, 1);
        var days = 730;

        var stories = new List<Story>();
        var alignments = new List<Alignment>();
        var discrepancies = new List<Discrepancy>();
        var positionEvidence = new List<(string Issue, Actor Actor, Stance Stance, string Date, Evidence Evidence)>();
        var roles = new Dictionary<string, List<Role>>();

        await using var store = await SqliteDossierStore.OpenAsync(db, cancellationToken);
        var batch = new List<Document>(1000);
        var written = 0;
        while (written < count)
        {
            var size = Math.Min(count - written, StorySize(random));
            var storyIndex = stories.Count;
            var topic = Topics[random.Next(Topics.Length)];
            var (lead, other) = (people[pickPerson.Next(random)], people[pickPerson.Next(random)]);
            var place = places[random.Next(places.Count)];
            var keyQuote = Fill(Quotes[random.Next(Quotes.Length)], topic, place.Name, random);
            var carriers = new List<DocSpan>();
            var ids = ImmutableArray.CreateBuilder<string>(size);
            LocalDate? firstDate = null;
            for (var k = 0; k < size; k++, written++)
            {
                var date = start.PlusDays((int)((long)written * days / Math.Max(1, count)));
                firstDate ??= date;
                // A story's lead quote is carried by its first few reports (the rest paraphrase): an alignment.
                var carries = k < 6;
                var article = Article(random, written, topic, lead, other, place, keyQuote, carries, people, pickPerson, places, organisations, date);
                var outlet = Outlets[pickOutlet.Next(random)];
                var id = $"doc-{written:D7}";
                var document = new Document(id, $"generated/{written}.txt", article.Text, new DocumentMetadata
                {
                    Outlet = outlet,
                    Title = article.Title,
                    Authors = [$"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}"],
                    Published = date,
                    Language = "en",
                    Url = $"https://{Slug(outlet)}.example/{date.Year}/{id}",
                })
                    .With(Layers.Entities, article.Entities, "actors", "generated")
                    .With(Layers.Quotes, article.Quotes, "quotes", "generated")
                    .With(Layers.Events, article.Events, "events", "generated");
                batch.Add(document);
                ids.Add(id);
                if (carries && article.KeyQuote is { } span) carriers.Add(new DocSpan(id, span.Start, span.End));
                if (k == 0 && storyIndex % 3 == 0)
                    GetOrAdd(roles, lead.Id).Add(new Role(RoleTitle(lead), Iso(date), id));
                if (k % 4 == 0 && storyIndex % 2 == 0 && lead.Rank < 60 && article.KeyQuote is { } evidence)
                    positionEvidence.Add((Issues[(storyIndex / 2 + lead.Rank) % Issues.Length], lead, (Stance)random.Next(4), Iso(date),
                        new Evidence(id, evidence.Start, evidence.End, outlet)));
                if (k == 1 && article.Entities.Length > 0)
                {
                    var m = article.Entities[0];
                    discrepancies.Add(new Discrepancy($"story-{storyIndex}", id, "role", m.Text, m.Span.Start, m.Span.End,
                        "Other reports give a different title for this person."));
                }
                if (batch.Count == batch.Capacity)
                {
                    await store.SaveDocumentsAsync(batch, cancellationToken);
                    batch.Clear();
                    progress?.Report(written + 1);
                }
            }
            var storyId = $"story-{storyIndex}";
            stories.Add(new Story(storyId, $"{lead.Name} and {other.Name} on the {topic}", Iso(firstDate!.Value), ids.MoveToImmutable(),
                $"Reports on the {topic}: {lead.Name} and {other.Name} in {place.Name}."));
            if (carriers.Count >= 2)
                alignments.Add(new Alignment(storyId, AlignmentKind.Quote, keyQuote, [.. carriers], lead.Id, null, null));
        }
        await store.SaveDocumentsAsync(batch, cancellationToken);
        progress?.Report(written);

        var allActors = people.Concat(places).Concat(organisations).ToList();
        var positions = positionEvidence
            .Select(p => new Position(p.Issue, p.Actor.Id, p.Stance, p.Date, [p.Evidence]))
            .ToList();
        var corpus = new Corpus
        {
            Entities = [.. allActors.Select(a => new CanonicalEntity(a.Id, a.Name, a.Label.ToString(), [a.Name.Split(' ')[^1]],
                a.Label == EntityLabel.LOC ? null : "XXA", null, roles.TryGetValue(a.Id, out var r) ? [.. r] : []))],
            Stories = [.. stories],
            Alignments = [.. alignments],
            Discrepancies = [.. discrepancies],
            Positions = [.. positions],
        };
        await store.SaveCorpusAsync(corpus, cancellationToken);
        return new GeneratedDossier(written, stories.Count, allActors.Count, positions.Count, new FileInfo(db).Length, clock.Elapsed);
    }

    /// <summary>Most stories have a handful to a few dozen reports; one in a hundred has hundreds; one in a thousand, thousands.</summary>
    private static int StorySize(Random random) => random.Next(1000) switch
    {
        0 => random.Next(1000, 3000),
        < 10 => random.Next(100, 500),
        < 200 => random.Next(20, 100),
        _ => random.Next(2, 20),
    };

    private static string RoleTitle(Actor actor) => (actor.Rank % 5) switch
    {
        0 => "Foreign Minister",
        1 => "Prime Minister",
        2 => "envoy",
        3 => "Defence Minister",
        _ => "President",
    };

    private sealed record Actor(string Id, string Name, EntityLabel Label, string? Type, int Rank = 0);

    private sealed record GeneratedArticle(string Title, string Text, ImmutableArray<EntityMention> Entities, ImmutableArray<Quote> Quotes,
        ImmutableArray<EventMention> Events, TextSpan? KeyQuote);

    /// <summary>Unique invented names: first name, middle initial, last name.</summary>
    private static List<Actor> People(int count)
    {
        var people = new List<Actor>(count);
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[i / FirstNames.Length % LastNames.Length];
            var initial = (char)('A' + i / (FirstNames.Length * LastNames.Length) % 26);
            var suffix = i / (FirstNames.Length * LastNames.Length * 26);
            var name = $"{first} {initial}. {last}{(suffix == 0 ? "" : "-" + suffix.ToString(CultureInfo.InvariantCulture))}";
            people.Add(new Actor(Slug(name), name, EntityLabel.PER, null, i));
        }
        return people;
    }

    private static GeneratedArticle Article(Random random, int number, string topic, Actor lead, Actor other, Actor place, string keyQuote, bool carriesKeyQuote,
        List<Actor> people, Zipf pickPerson, List<Actor> places, List<Actor> organisations, LocalDate date)
    {
        var text = new Writer();
        var third = people[pickPerson.Next(random)];
        var organisation = organisations[random.Next(organisations.Count)];
        var weekday = Weekdays[random.Next(Weekdays.Length)];
        var title = $"{lead.Name} {TitleVerbs[random.Next(TitleVerbs.Length)]} {other.Name} over {topic} in {place.Name}";

        var opening = text.Length;
        text.Mention(lead);
        text.Append($" {MeetVerbs[random.Next(MeetVerbs.Length)]} ");
        text.Mention(other);
        text.Append($" in ");
        text.Mention(place);
        text.Append($" on {weekday} to discuss the {topic}, officials said on {date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}.");
        var meeting = new EventMention(new TextSpan(opening, text.Length), "CONSULT", "meet", new ActorRef(lead.Id, lead.Name), new ActorRef(other.Id, other.Name),
            Iso(date), place.Name, 0.8);
        text.Paragraph();

        TextSpan? key = null;
        var quotes = new List<Quote>();
        if (carriesKeyQuote)
        {
            key = text.Quote(lead, keyQuote, Cues[random.Next(Cues.Length)], quotes);
        }
        else
        {
            text.Append($"{lead.Name.Split(' ')[^1]} said the talks had been {Adjectives[random.Next(Adjectives.Length)]} and that more work was needed.");
        }
        text.Paragraph();
        text.Quote(other, Fill(Quotes[random.Next(Quotes.Length)], topic, place.Name, random), Cues[random.Next(Cues.Length)], quotes);
        text.Paragraph();

        var events = new List<EventMention> { meeting };
        var criticism = text.Length;
        text.Mention(third);
        text.Append($", a spokesperson for ");
        text.Mention(organisation);
        text.Append($", criticised the {topic} and said it ignored the concerns of {random.Next(2, 90)} communities.");
        events.Add(new EventMention(new TextSpan(criticism, text.Length), "DISAPPROVE", "criticize", new ActorRef(third.Id, third.Name),
            new ActorRef(lead.Id, lead.Name), Iso(date), null, 0.6));
        text.Paragraph();
        for (var p = 0; p < 6 + random.Next(5); p++)
        {
            text.Append(Fill(Background[random.Next(Background.Length)], topic, places[random.Next(places.Count)].Name, random));
            text.Append(' ');
            text.Append(Fill(Background[random.Next(Background.Length)], topic, places[random.Next(places.Count)].Name, random));
            text.Paragraph();
        }
        if (random.Next(3) == 0)
        {
            var extra = people[pickPerson.Next(random)];
            text.Quote(extra, Fill(Quotes[random.Next(Quotes.Length)], topic, place.Name, random), Cues[random.Next(Cues.Length)], quotes);
            text.Paragraph();
        }
        text.Append($"Report {number}: the next round is expected within {random.Next(2, 12)} weeks.");
        return new GeneratedArticle(title, text.ToString(), [.. text.Entities], [.. quotes], [.. events], key);
    }

    private static string Fill(string template, string topic, string place, Random random) => template
        .Replace("{topic}", topic, StringComparison.Ordinal)
        .Replace("{place}", place, StringComparison.Ordinal)
        .Replace("{adj}", Adjectives[random.Next(Adjectives.Length)], StringComparison.Ordinal)
        .Replace("{n}", random.Next(2, 95).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }

    private static List<T> GetOrAdd<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        return list;
    }

    /// <summary>Builds an article's text and records the spans of the mentions and quotes written into it.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _text = new(3072);
        public List<EntityMention> Entities { get; } = [];
        public int Length => _text.Length;

        public void Append(string text) => _text.Append(text);

        public void Append(char c) => _text.Append(c);

        public void Paragraph() => _text.Append("\n\n");

        public void Mention(Actor actor)
        {
            Entities.Add(new EntityMention(TextSpan.FromLength(_text.Length, actor.Name.Length), actor.Name, actor.Label, actor.Type, actor.Id));
            _text.Append(actor.Name);
        }

        /// <summary>Writes “content,” Speaker cue. and returns the span of the quoted content.</summary>
        public TextSpan Quote(Actor speaker, string content, string cue, List<Quote> quotes)
        {
            _text.Append('\u201C');
            var span = TextSpan.FromLength(_text.Length, content.Length);
            _text.Append(content).Append(",\u201D ");
            var speakerSpan = TextSpan.FromLength(_text.Length, speaker.Name.Length);
            Mention(speaker);
            _text.Append(' ');
            var cueSpan = TextSpan.FromLength(_text.Length, cue.Length);
            _text.Append(cue).Append('.');
            quotes.Add(new Quote(span, content, QuoteKind.Direct, new Speaker(speaker.Name, speaker.Id, speakerSpan), cue, cueSpan, null,
                AttributionCertainty.Direct));
            return span;
        }

        public override string ToString() => _text.ToString();
    }

    /// <summary>Draws ranks 0..n-1 with probability proportional to 1/(rank+1).</summary>
    private sealed class Zipf
    {
        private readonly double[] _cumulative;

        public Zipf(int n)
        {
            _cumulative = new double[n];
            var sum = 0.0;
            for (var i = 0; i < n; i++) _cumulative[i] = sum += 1.0 / (i + 1);
            for (var i = 0; i < n; i++) _cumulative[i] /= sum;
        }

        public int Next(Random random)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble());
            return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
        }
    }
}
