using Dossier.Ingest.Extraction;

namespace Dossier.Ingest.Tests;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "The minister said that the talks would resume on Monday and that both sides had agreed to a pause.")]
    [InlineData("de", "Der Minister sagte, dass die Gespräche am Montag fortgesetzt werden und dass beide Seiten einer Pause zugestimmt haben.")]
    [InlineData("fr", "Le ministre a dit que les négociations reprendront lundi et que les deux parties ont accepté une pause.")]
    [InlineData("es", "El ministro dijo que las negociaciones se reanudarán el lunes y que las dos partes han aceptado una pausa.")]
    [InlineData("ru", "Министр заявил, что переговоры возобновятся в понедельник и что обе стороны уже согласились на паузу.")]
    [InlineData("uk", "Міністр заявив, що переговори відновляться в понеділок і що обидві сторони вже погодилися на паузу та перерву.")]
    public void Detects_common_news_languages(string expected, string text) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("Angela Merkel, Emmanuel Macron")]
    [InlineData("12345 !!! ???")]
    public void Returns_null_without_evidence(string text) => Assert.Null(LanguageDetector.Detect(text));
}
