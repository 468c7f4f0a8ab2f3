namespace Webcare.Realtime.Core.Analysis;

/// <summary>Why a sentiment score moved: the lexicon term, its weight after the rules, and which rules applied.</summary>
public sealed record SentimentEvidence(string Term, double Weight, SentimentRules Rules = SentimentRules.None);

/// <summary>The rules that changed a term's weight; a term can carry several.</summary>
[Flags]
public enum SentimentRules
{
    None = 0,
    Negated = 1,
    Intensified = 2,
    Softened = 4,
    BeforeContrast = 8,
    AfterContrast = 16,
    Caps = 32,
    Elongated = 64,
    Hashtag = 128,
    Phrase = 256,
    Emoji = 512,
    Exclamation = 1024,
}
