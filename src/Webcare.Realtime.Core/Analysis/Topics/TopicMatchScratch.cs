namespace Webcare.Realtime.Core.Analysis.Topics;

/// <summary>
/// Per-thread working memory of <see cref="TopicMatcher"/>: which terms and topics were hit, over the topic
/// words of the mention's shared tokenisation (<see cref="TextTokens"/>). Stamped instead of cleared, so a
/// mention costs nothing for the terms it misses.
/// </summary>
internal sealed class TopicMatchScratch
{
    [ThreadStatic] private static TopicMatchScratch? t_current;

    public static TopicMatchScratch Current => t_current ??= new TopicMatchScratch();

    private char[] _folded = [];
    private TopicWords _words = new();

    private int[] _termStamp = [];
    private int[] _topicStamp = [];
    private int _stamp;

    public int[] Candidates = new int[16];
    public int CandidateCount;

    private (int Term, int Start, int End)[] _spans = new (int, int, int)[16];
    private int _spanCount;

    /// <summary>Starts a mention: forgets the previous one's hits without touching the arrays.</summary>
    public void Begin(TextTokens text, int terms, int topics)
    {
        _folded = text.FoldedBuffer;
        _words = text.Words;
        if (_termStamp.Length < terms) _termStamp = new int[terms];
        if (_topicStamp.Length < topics) _topicStamp = new int[topics];
        if (Candidates.Length < topics) Candidates = new int[topics];
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_termStamp);
            Array.Clear(_topicStamp);
            _stamp = 0;
        }
        _stamp++;
        CandidateCount = 0;
        _spanCount = 0;
    }

    public int TokenCount => _words.Count;

    public ReadOnlySpan<char> Token(int index) => _folded.AsSpan(_words.Start[index], _words.Length[index]);

    public bool WasHit(int term) => _termStamp[term] == _stamp;

    /// <summary>Marks a term hit; true the first time in this mention (then its topics become candidates).</summary>
    public bool MarkHit(int term)
    {
        if (_termStamp[term] == _stamp) return false;
        _termStamp[term] = _stamp;
        return true;
    }

    public void AddCandidate(int topic)
    {
        if (_topicStamp[topic] == _stamp) return;
        _topicStamp[topic] = _stamp;
        Candidates[CandidateCount++] = topic;
    }

    public void AddSpan(int term, int start, int end)
    {
        if (_spanCount == _spans.Length) Array.Resize(ref _spans, _spanCount * 2);
        _spans[_spanCount++] = (term, start, end);
    }

    public void SpansOf(int term, List<(int Start, int End)> spans)
    {
        for (var i = 0; i < _spanCount; i++)
            if (_spans[i].Term == term) spans.Add((_spans[i].Start, _spans[i].End));
    }
}
