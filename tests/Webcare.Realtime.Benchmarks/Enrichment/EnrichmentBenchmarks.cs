using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Benchmarks.Enrichment;

/// <summary>
/// One mention per operation, single-threaded, cycling through the benchmark's Dutch mentions: the whole
/// enrichment (<see cref="MentionAnalyzer"/>: language + sentiment, 200 topic queries, PII) and its parts.
/// Mentions/s = 1e9 / mean ns.
/// </summary>
[MemoryDiagnoser]
public class EnrichmentBenchmarks
{
    private Mention[] _mentions = [];
    private string[] _texts = [];
    private MentionAnalyzer _analyzer = null!;
    private TopicMatcher _boolean = null!;
    private TopicMatcher _firstSyntax = null!;
    private KeywordTopicMatcherBefore _before = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _mentions = EnrichmentWorkload.Mentions();
        _texts = [.. _mentions.Select(m => m.Text)];
        _boolean = new TopicMatcher(EnrichmentWorkload.BooleanTopics());
        _analyzer = new MentionAnalyzer(RuleSentimentScorer.Instance, _boolean);
        var simple = EnrichmentWorkload.FirstSyntaxTopics();
        _firstSyntax = new TopicMatcher(simple);
        _before = new KeywordTopicMatcherBefore(simple);
        // The before/after comparison only means something if both find the same topics.
        foreach (var text in _texts)
            if (!_before.Match(text).SequenceEqual(_firstSyntax.Match(text)))
                throw new InvalidOperationException($"the matchers disagree on: {text}");
        var hits = _mentions.Sum(m => _analyzer.Analyze(m, DateTimeOffset.UnixEpoch).Topics.Length);
        Console.WriteLine($"// {_mentions.Length} mentions, mean {_texts.Average(t => t.Length):0} chars; {hits} topic hits in all ({(double)hits / _mentions.Length:0.0} per mention)");
    }

    private int Next() => _next = (_next + 1) % _mentions.Length;

    [Benchmark(Description = "whole enrichment, 200 boolean topics")]
    public EnrichedMention Enrich() => _analyzer.Analyze(_mentions[Next()], DateTimeOffset.UnixEpoch);

    [Benchmark(Description = "tokenisation (shared by all analyses)")]
    public int Tokens()
    {
        using var tokens = TextTokens.Read(_texts[Next()]);
        return tokens.Tokens.Length + tokens.Words.Count;
    }

    [Benchmark(Description = "language")]
    public TextLanguage Language() => LanguageDetector.Instance.Detect(_texts[Next()]);

    [Benchmark(Description = "language + sentiment")]
    public SentimentResult Sentiment() => RuleSentimentScorer.Instance.Score(_texts[Next()]);

    [Benchmark(Description = "complaint categories")]
    public ImmutableArray<CategoryMatch> Categories() => ComplaintClassifier.Instance.Classify(_texts[Next()], TextLanguage.Dutch);

    [Benchmark(Description = "text analysis: language, sentiment, categories, PII")]
    public TextAnalysis Text() => TextAnalysis.Of(_texts[Next()], RuleSentimentScorer.Instance);

    [Benchmark(Description = "PII scan + redaction")]
    public PrivacyScan Pii() => PiiDetector.Scan(_texts[Next()]);

    [Benchmark(Description = "200 boolean topics")]
    public ImmutableArray<string> Topics() => _boolean.Match(_mentions[Next()], TextLanguage.Dutch);

    [Benchmark(Description = "200 OR-list topics, query-language matcher")]
    public ImmutableArray<string> FirstSyntaxAfter() => _firstSyntax.Match(_texts[Next()]);

    [Benchmark(Description = "200 OR-list topics, matcher before (e389fd8)")]
    public ImmutableArray<string> FirstSyntaxBefore() => _before.Match(_texts[Next()]);
}
