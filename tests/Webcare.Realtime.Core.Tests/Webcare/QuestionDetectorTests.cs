using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Tests.Webcare;

public sealed class QuestionDetectorTests
{
    [Theory]
    [InlineData("@RijnmondOost hoe lang duurt de uitslag van een MRI nog?")]
    [InlineData("Hoe kan ik mijn afspraak bij de poli verzetten")]
    [InlineData("Waarom neemt niemand de telefoon op bij de huisartsenpost 😡")]
    [InlineData("weet iemand of je bij Lindeborg gratis kunt parkeren")]
    [InlineData("Al 3 weken geen reactie. Kan ik ergens een klacht indienen")]
    [InlineData("Kunnen jullie me terugbellen, nummer staat in mijn DM")]
    [InlineData("Mijn declaratie is afgewezen, wanneer krijg ik uitsluitsel")]
    [InlineData("Iemand ervaring met de wachtlijst voor een nieuwe heup")]
    [InlineData("Hoe laat begint het bezoekuur op de kinderafdeling")]
    [InlineData("Hoeveel eigen risico betaal ik voor de fysio")]
    [InlineData("Can I bring my kids to the outpatient clinic")]
    [InlineData("how do I log in to the patient portal without DigiD")]
    [InlineData("Does anyone know the visiting hours at Waterdal")]
    [InlineData("Wachten, wachten, wachten. En waarom eigenlijk")]
    [InlineData("Vraagje: klopt het dat de SEH vannacht dicht is")]
    public void Finds_questions_in_dutch_and_english(string text) => Assert.True(QuestionDetector.IsQuestion(text));

    [Theory]
    [InlineData("Al 3 uur wachten op de SEH van het @ziekenhuis, niemand vertelt iets #wachttijd")]
    [InlineData("Top geholpen door de verpleging, dank jullie wel!")]
    [InlineData("Ik weet niet wat ik hiervan moet denken")]
    [InlineData("Dat kan ik echt niet meer opbrengen, zo moe")]
    [InlineData("Lees dit: https://nieuws.example/artikel?id=12&ref=x")]
    [InlineData("Thank you for the great care")]
    [InlineData("")]
    public void Leaves_statements_alone(string text) => Assert.False(QuestionDetector.IsQuestion(text));
}
