namespace Webcare.Realtime.Core.Analysis.Topics;

/// <summary>
/// A compiled query node, evaluated after the single pass over a mention's tokens has recorded which terms
/// were hit (and where, for the terms under a NEAR). A term not hit is false, so NOT is exact.
/// </summary>
internal abstract class TopicQueryEvaluator
{
    public abstract bool Matches(TopicMatchScratch scratch, in MentionFields fields);

    public static TopicQueryEvaluator Compile(TopicQueryNode node, Func<TermNode, int> termId) => node switch
    {
        TermNode term => new TermEvaluator(termId(term)),
        FieldNode field => new FieldEvaluator(field),
        NotNode not => new NotEvaluator(Compile(not.Operand, termId)),
        AndNode and => new AndEvaluator([.. and.Operands.Select(o => Compile(o, termId))]),
        OrNode either when TopicQueryParser.IsPositional(either) => Positional(either, termId),
        OrNode either => new OrEvaluator([.. either.Operands.Select(o => Compile(o, termId))]),
        NearNode near => Positional(near, termId),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "unknown query node"),
    };

    private static PositionalEvaluator Positional(TopicQueryNode node, Func<TermNode, int> termId) => node switch
    {
        TermNode term => new TermEvaluator(termId(term)),
        NearNode near => new NearEvaluator(Positional(near.Left, termId), Positional(near.Right, termId), near.Distance),
        OrNode either => new PositionalOrEvaluator([.. either.Operands.Select(o => Positional(o, termId))]),
        _ => throw new ArgumentException("not a word, a phrase, a NEAR or an OR of those", nameof(node)),
    };

    /// <summary>Whether this node can be true without any term hit (then its topic is evaluated for every mention).</summary>
    public abstract bool NeedsTermHit { get; }
}

/// <summary>A node whose matches have word positions: a term, a NEAR, or an OR of those.</summary>
internal abstract class PositionalEvaluator : TopicQueryEvaluator
{
    /// <summary>Adds every match as a span of token positions (first and last word, inclusive).</summary>
    public abstract void CollectSpans(TopicMatchScratch scratch, List<(int Start, int End)> spans);

    public override bool NeedsTermHit => true;
}

internal sealed class TermEvaluator(int term) : PositionalEvaluator
{
    public override bool Matches(TopicMatchScratch scratch, in MentionFields fields) => scratch.WasHit(term);

    public override void CollectSpans(TopicMatchScratch scratch, List<(int Start, int End)> spans) => scratch.SpansOf(term, spans);
}

internal sealed class PositionalOrEvaluator(PositionalEvaluator[] operands) : PositionalEvaluator
{
    public override bool Matches(TopicMatchScratch scratch, in MentionFields fields)
    {
        foreach (var operand in operands)
            if (operand.Matches(scratch, fields)) return true;
        return false;
    }

    public override void CollectSpans(TopicMatchScratch scratch, List<(int Start, int End)> spans)
    {
        foreach (var operand in operands) operand.CollectSpans(scratch, spans);
    }
}

internal sealed class NearEvaluator(PositionalEvaluator left, PositionalEvaluator right, int distance) : PositionalEvaluator
{
    public override bool Matches(TopicMatchScratch scratch, in MentionFields fields)
    {
        // Rare and only for topics whose terms were hit: the span lists may allocate.
        if (!left.Matches(scratch, fields) || !right.Matches(scratch, fields)) return false;
        var spans = new List<(int, int)>(1);
        CollectSpans(scratch, spans, firstOnly: true);
        return spans.Count > 0;
    }

    public override void CollectSpans(TopicMatchScratch scratch, List<(int Start, int End)> spans) =>
        CollectSpans(scratch, spans, firstOnly: false);

    private void CollectSpans(TopicMatchScratch scratch, List<(int Start, int End)> spans, bool firstOnly)
    {
        List<(int Start, int End)> lefts = [], rights = [];
        left.CollectSpans(scratch, lefts);
        right.CollectSpans(scratch, rights);
        foreach (var a in lefts)
            foreach (var b in rights)
            {
                var gap = a.End < b.Start ? b.Start - a.End : b.End < a.Start ? a.Start - b.End : 0;
                if (gap < 1 || gap > distance) continue;
                spans.Add((Math.Min(a.Start, b.Start), Math.Max(a.End, b.End)));
                if (firstOnly) return;
            }
    }
}

internal sealed class FieldEvaluator(FieldNode field) : TopicQueryEvaluator
{
    private readonly TextLanguage _language = field.Value switch
    {
        "nl" => TextLanguage.Dutch,
        "en" => TextLanguage.English,
        _ => TextLanguage.Other,
    };

    public override bool NeedsTermHit => false;

    public override bool Matches(TopicMatchScratch scratch, in MentionFields fields) => field.Field switch
    {
        QueryField.Language => fields.Language == _language,
        QueryField.Source => FoldedEquals(fields.Source, field.Value, field.IsPrefix),
        _ => FoldedEquals(fields.AuthorHandle is ['@', .. var handle] ? handle : fields.AuthorHandle, field.Value, field.IsPrefix),
    };

    private static bool FoldedEquals(ReadOnlySpan<char> raw, string folded, bool prefix)
    {
        if (prefix ? raw.Length < folded.Length : raw.Length != folded.Length) return false;
        for (var i = 0; i < folded.Length; i++)
            if (TextFolding.Fold(raw[i]) != folded[i]) return false;
        return true;
    }
}

internal sealed class NotEvaluator(TopicQueryEvaluator operand) : TopicQueryEvaluator
{
    public override bool NeedsTermHit => false;

    public override bool Matches(TopicMatchScratch scratch, in MentionFields fields) => !operand.Matches(scratch, fields);
}

internal sealed class AndEvaluator(TopicQueryEvaluator[] operands) : TopicQueryEvaluator
{
    public override bool NeedsTermHit => operands.Any(o => o.NeedsTermHit);

    public override bool Matches(TopicMatchScratch scratch, in MentionFields fields)
    {
        foreach (var operand in operands)
            if (!operand.Matches(scratch, fields)) return false;
        return true;
    }
}

internal sealed class OrEvaluator(TopicQueryEvaluator[] operands) : TopicQueryEvaluator
{
    public override bool NeedsTermHit => operands.All(o => o.NeedsTermHit);

    public override bool Matches(TopicMatchScratch scratch, in MentionFields fields)
    {
        foreach (var operand in operands)
            if (operand.Matches(scratch, fields)) return true;
        return false;
    }
}
