using System.Collections.Frozen;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// The Dutch and English function and filler words of <c>Lexicons/stopwords.tsv</c> (and web debris such as
/// rt, http), folded. They carry no topic and no opinion of their own: an alert's top terms leave them out,
/// and <see cref="LexiconLearner"/> learns no weight for them.
/// </summary>
internal static class FunctionWords
{
    private static readonly FrozenSet<string> Words = LexiconResources.Rows("stopwords.tsv")
        .Select(r => LexiconResources.FoldTerm(r[0])).ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => Words.Contains(word);
}
