using System.Collections.Immutable;
using System.Globalization;

namespace Webcare.Realtime.Core.Analysis.Topics;

/// <summary>
/// Parses the topic query language (README, "Topic queries") into a <see cref="TopicQueryNode"/> tree.
/// Pure and total: any string either parses or throws <see cref="TopicQueryException"/>, never anything else.
/// <code>
/// query   := or END
/// or      := and ((OR | ',') and)*
/// and     := unary ([AND] unary)*          adjacent terms are ANDed
/// unary   := NOT unary | near
/// near    := primary (NEAR/n primary)*
/// primary := '(' or ')' | "phrase" | word | field ':' value
/// </code>
/// Operators are upper case only, so "or", "and", "not" and "near" stay ordinary words.
/// </summary>
public static class TopicQueryParser
{
    public const int MaxDepth = 32;
    public const int MaxNearDistance = 100;
    public const int MinPrefixLength = 2;

    private const string Operand = "a word, a \"phrase\", a field (source:, lang:, author:), NOT or '('";

    public static TopicQueryNode Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = TopicQueryLexer.Lex(query);
        var parser = new State(query, tokens);
        if (parser.Peek.Kind == TokenKind.End)
            throw new TopicQueryException(1, Operand, "an empty query");
        var root = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End)
            throw parser.Error("an operator (AND, OR, NOT, NEAR/n) or the end of the query");
        if (NonPositive(root) is { } lonely)
            throw new TopicQueryException(lonely.Position, "something to match besides NOT (NOT alone would match nearly every mention)", $"'{Excerpt(query, lonely.Position - 1)}'");
        return root;
    }

    public static string FieldName(QueryField field) => field switch
    {
        QueryField.Source => "source",
        QueryField.Language => "lang",
        _ => "author",
    };

    /// <summary>Every term of a query, in order (repeats included): what the matcher indexes.</summary>
    public static IEnumerable<TermNode> Terms(TopicQueryNode node) => node switch
    {
        TermNode term => [term],
        NotNode not => Terms(not.Operand),
        AndNode and => and.Operands.SelectMany(Terms),
        OrNode either => either.Operands.SelectMany(Terms),
        NearNode near => Terms(near.Left).Concat(Terms(near.Right)),
        _ => [],
    };

    /// <summary>
    /// The node that lets the query match with nothing positive (a NOT alone, or an OR with a NOT alone),
    /// or null when every match needs a term or a field to hold.
    /// </summary>
    private static TopicQueryNode? NonPositive(TopicQueryNode node) => node switch
    {
        NotNode => node,
        AndNode and => and.Operands.Any(o => NonPositive(o) is null) ? null : NonPositive(and.Operands[0]),
        OrNode either => either.Operands.Select(NonPositive).FirstOrDefault(n => n is not null),
        _ => null,
    };

    /// <summary>Whether a node's matches have word positions (a NEAR side): a term, a NEAR, or an OR of those.</summary>
    internal static bool IsPositional(TopicQueryNode node) =>
        node is TermNode or NearNode || (node is OrNode either && either.Operands.All(IsPositional));

    /// <summary>Up to 20 characters of the query from <paramref name="start"/> (by default to its end), with … when cut.</summary>
    internal static string Excerpt(string query, int start, int length = int.MaxValue)
    {
        length = Math.Min(length, query.Length - Math.Min(start, query.Length));
        return length <= 20 ? query.Substring(start, length) : query.Substring(start, 20) + "…";
    }

    private sealed class State(string query, List<Token> tokens)
    {
        private int _next;
        private int _depth;

        public Token Peek => tokens[_next];

        public TopicQueryException Error(string expected) => Error(Peek, expected);

        private TopicQueryException Error(Token token, string expected) => new(token.Start + 1, expected, Describe(token));

        private string Describe(Token token) => token.Kind == TokenKind.End
            ? "the end of the query"
            : $"'{Excerpt(query, token.Start, token.Length)}'";

        public TopicQueryNode ParseOr()
        {
            var first = ParseAnd();
            if (Peek.Kind is not (TokenKind.Or or TokenKind.Comma)) return first;
            var operands = ImmutableArray.CreateBuilder<TopicQueryNode>();
            Add(first);
            while (Peek.Kind is TokenKind.Or or TokenKind.Comma)
            {
                _next++;
                Add(ParseAnd());
            }
            return new OrNode(operands.ToImmutable(), first.Position);

            void Add(TopicQueryNode operand)
            {
                if (operand is OrNode nested) operands.AddRange(nested.Operands);
                else operands.Add(operand);
            }
        }

        private TopicQueryNode ParseAnd()
        {
            var first = ParseUnary();
            ImmutableArray<TopicQueryNode>.Builder? operands = null;
            while (true)
            {
                if (Peek.Kind == TokenKind.And) _next++;
                else if (!StartsOperand(Peek.Kind)) break;
                if (operands is null)
                {
                    operands = ImmutableArray.CreateBuilder<TopicQueryNode>();
                    operands.Add(first);
                }
                operands.Add(ParseUnary());
            }
            return operands is null ? first : new AndNode(operands.ToImmutable(), first.Position);
        }

        private static bool StartsOperand(TokenKind kind) =>
            kind is TokenKind.Word or TokenKind.Phrase or TokenKind.Field or TokenKind.Open or TokenKind.Not;

        private TopicQueryNode ParseUnary()
        {
            if (Peek.Kind != TokenKind.Not) return ParseNear();
            var not = tokens[_next++];
            Enter(not);
            var operand = ParseUnary();
            _depth--;
            return new NotNode(operand, not.Start + 1);
        }

        private TopicQueryNode ParseNear()
        {
            var left = ParsePrimary();
            while (Peek.Kind == TokenKind.Near)
            {
                var near = tokens[_next++];
                RequirePositional(left, near);
                var right = ParsePrimary();
                RequirePositional(right, near);
                left = new NearNode(left, right, near.Distance, left.Position);
            }
            return left;
        }

        private void RequirePositional(TopicQueryNode side, Token near)
        {
            if (!IsPositional(side))
                throw new TopicQueryException(side.Position, $"a word, a \"phrase\" or an OR of them beside {query.Substring(near.Start, near.Length)}",
                    $"'{Excerpt(query, side.Position - 1)}'");
        }

        private TopicQueryNode ParsePrimary()
        {
            var token = Peek;
            switch (token.Kind)
            {
                case TokenKind.Open:
                    _next++;
                    Enter(token);
                    var inner = ParseOr();
                    if (Peek.Kind != TokenKind.Close)
                        throw Error($"')' to close the '(' at position {token.Start + 1}");
                    _next++;
                    _depth--;
                    return inner;
                case TokenKind.Word or TokenKind.Phrase:
                    _next++;
                    return new TermNode(token.Words, token.Start + 1);
                case TokenKind.Field:
                    _next++;
                    return new FieldNode(token.Field, token.Value, token.IsPrefix, token.Start + 1);
                default:
                    throw Error(Operand);
            }
        }

        private void Enter(Token token)
        {
            if (++_depth > MaxDepth)
                throw new TopicQueryException(token.Start + 1, $"at most {MaxDepth} nested brackets and NOTs", "more");
        }
    }

    internal enum TokenKind { Word, Phrase, Field, And, Or, Not, Near, Open, Close, Comma, End }

    internal sealed record Token(TokenKind Kind, int Start, int Length)
    {
        public ImmutableArray<QueryWord> Words { get; init; } = [];
        public QueryField Field { get; init; }
        public string Value { get; init; } = "";
        public bool IsPrefix { get; init; }
        public int Distance { get; init; }
    }

    /// <summary>Cuts a query into tokens; a word or phrase is cut into folded words by <see cref="WordTokenizer"/>'s rules.</summary>
    internal static class TopicQueryLexer
    {
        public static List<Token> Lex(string query)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < query.Length)
            {
                var c = query[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                switch (c)
                {
                    case '(': tokens.Add(new Token(TokenKind.Open, i, 1)); i++; continue;
                    case ')': tokens.Add(new Token(TokenKind.Close, i, 1)); i++; continue;
                    case ',': tokens.Add(new Token(TokenKind.Comma, i, 1)); i++; continue;
                    case '"':
                        var close = query.IndexOf('"', i + 1);
                        if (close < 0) throw new TopicQueryException(i + 1, "a closing '\"' for this phrase", "the end of the query");
                        tokens.Add(new Token(TokenKind.Phrase, i, close - i + 1)
                        {
                            Words = Words(query, i + 1, close, "words inside the quotes"),
                        });
                        i = close + 1;
                        continue;
                }
                var start = i;
                while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')' or ',' or '"')) i++;
                tokens.Add(Bare(query, start, i));
            }
            tokens.Add(new Token(TokenKind.End, query.Length, 0));
            return tokens;
        }

        private static Token Bare(string query, int start, int end)
        {
            var text = query.AsSpan(start, end - start);
            var length = end - start;
            switch (text)
            {
                case "AND": return new Token(TokenKind.And, start, length);
                case "OR": return new Token(TokenKind.Or, start, length);
                case "NOT": return new Token(TokenKind.Not, start, length);
            }
            if (text.StartsWith("NEAR", StringComparison.Ordinal))
            {
                var number = text.StartsWith("NEAR/", StringComparison.Ordinal) ? text[5..] : [];
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var distance)
                    || distance < 1 || distance > MaxNearDistance)
                    throw new TopicQueryException(start + 1, $"NEAR/n with n from 1 to {MaxNearDistance} (e.g. NEAR/3)", $"'{Excerpt(query, start, length)}'");
                return new Token(TokenKind.Near, start, length) { Distance = distance };
            }
            var colon = text.IndexOf(':');
            if (colon > 0 && IsLetters(text[..colon])) return Field(query, start, end, colon);
            return new Token(TokenKind.Word, start, length) { Words = Words(query, start, end, "a word with letters or digits") };
        }

        private static bool IsLetters(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
                if (!char.IsAsciiLetter(c)) return false;
            return true;
        }

        private static Token Field(string query, int start, int end, int colon)
        {
            var name = query.AsSpan(start, colon);
            QueryField field;
            if (name.Equals("source", StringComparison.OrdinalIgnoreCase)) field = QueryField.Source;
            else if (name.Equals("lang", StringComparison.OrdinalIgnoreCase)) field = QueryField.Language;
            else if (name.Equals("author", StringComparison.OrdinalIgnoreCase)) field = QueryField.Author;
            else
                throw new TopicQueryException(start + 1, "a field source:, lang: or author: (put text with a ':' in quotes)",
                    $"'{Excerpt(query, start, colon + 1)}'");
            var valueStart = start + colon + 1;
            var raw = query.AsSpan(valueStart, end - valueStart);
            if (field == QueryField.Author && raw.StartsWith("@")) raw = raw[1..];
            var prefix = raw.EndsWith("*");
            if (prefix) raw = raw[..^1];
            var fieldName = FieldName(field);
            if (raw.IsEmpty || raw.Contains('*') || raw.Contains(':'))
                throw new TopicQueryException(valueStart + 1, $"a value after {fieldName}: (e.g. {Example(field)})", end > valueStart ? $"'{Excerpt(query, valueStart, end - valueStart)}'" : "nothing");
            var value = TextFolding.Fold(raw);
            if (field == QueryField.Language && (prefix || value is not ("nl" or "en" or "other")))
                throw new TopicQueryException(valueStart + 1, "nl, en or other after lang:", $"'{Excerpt(query, valueStart, end - valueStart)}'");
            return new Token(TokenKind.Field, start, end - start) { Field = field, Value = value, IsPrefix = prefix };
        }

        private static string Example(QueryField field) => field switch
        {
            QueryField.Source => "source:twitter",
            QueryField.Language => "lang:nl",
            _ => "author:@jdevries",
        };

        /// <summary>
        /// The folded words of a term's raw text (between <paramref name="start"/> and <paramref name="end"/>),
        /// cut exactly as <see cref="WordTokenizer"/> cuts a mention; a '*' right after a word makes it a prefix.
        /// </summary>
        private static ImmutableArray<QueryWord> Words(string query, int start, int end, string expected)
        {
            var text = query.AsSpan(0, end);
            var words = ImmutableArray.CreateBuilder<QueryWord>();
            Span<char> buffer = stackalloc char[WordTokenizer.MaxWordLength];
            var i = start;
            while (i < end)
            {
                if (text[i] == '*')
                    throw new TopicQueryException(i + 1, "'*' right after a word (wacht*)", "'*'");
                if (!WordTokenizer.IsWordChar(text, i, inWord: false)) { i++; continue; }
                var wordStart = i++;
                while (i < end && WordTokenizer.IsWordChar(text, i, inWord: true)) i++;
                var length = i - wordStart;
                if (length > WordTokenizer.MaxWordLength)
                    throw new TopicQueryException(wordStart + 1, $"a word of at most {WordTokenizer.MaxWordLength} characters", $"one of {length}");
                var prefix = i < end && text[i] == '*';
                if (prefix)
                {
                    if (length < MinPrefixLength)
                        throw new TopicQueryException(wordStart + 1, $"at least {MinPrefixLength} letters before '*'", $"'{Excerpt(query, wordStart, length + 1)}'");
                    i++;
                    if (i < end && WordTokenizer.IsWordChar(text, i, inWord: false))
                        throw new TopicQueryException(i, "'*' only at the end of a word", $"'{Excerpt(query, wordStart, i - wordStart)}'");
                }
                var folded = buffer[..length];
                WordTokenizer.FoldInto(text.Slice(wordStart, length), folded);
                words.Add(new QueryWord(new string(folded), prefix));
            }
            if (words.Count == 0)
                throw new TopicQueryException(start + 1, expected, end > start ? $"'{Excerpt(query, start, end - start)}'" : "nothing");
            return words.ToImmutable();
        }
    }
}
