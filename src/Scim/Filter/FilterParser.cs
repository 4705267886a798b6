using System.Globalization;
using System.Text.RegularExpressions;
using Total.Scim.Errors;
using Total.Scim.Schema;

namespace Total.Scim.Filter;

/// <summary>
/// Recursive-descent parser for the RFC 7644 §3.4.2.2 filter grammar with the precedence
/// <c>not</c> &gt; <c>and</c> &gt; <c>or</c>. Attribute names, operators and keywords are
/// case-insensitive. Every error is 400 invalidFilter with the 1-based position of the problem.
/// </summary>
public static partial class FilterParser
{
    private const int MaxEchoedLength = 64;

    /// <summary>Parses a filter expression.</summary>
    /// <param name="filter">The filter text.</param>
    /// <param name="limits">Size bounds; <see cref="FilterLimits.Default"/> when null.</param>
    /// <exception cref="ScimException">400 invalidFilter on syntax errors or when a limit in <see cref="FilterLimits"/> is exceeded.</exception>
    public static FilterNode Parse(string filter, FilterLimits? limits = null)
    {
        limits ??= FilterLimits.Default;
        if (string.IsNullOrWhiteSpace(filter))
        {
            throw ScimException.InvalidFilter("The filter is empty.");
        }

        if (filter.Length > limits.MaxLength)
        {
            throw ScimException.InvalidFilter($"The filter is longer than {limits.MaxLength} characters.");
        }

        if (filter.Contains('\0', StringComparison.Ordinal))
        {
            // It matches no stored value, and PostgreSQL text cannot even be asked about it.
            throw ScimException.InvalidFilter("The filter contains the NUL character.");
        }

        var parser = new Parser(FilterLexer.Tokenize(filter, ScimException.InvalidFilter), ScimException.InvalidFilter, limits);
        var node = parser.ParseOr();
        parser.ExpectEnd();
        return node;
    }

    /// <summary>
    /// Parses a PATCH path (RFC 7644 §3.5.2 <c>PATH = attrPath / valuePath [subAttr]</c>); errors are invalidPath.
    /// The value filter of a path is bounded by <see cref="FilterLimits.Default"/>; the path's length by the caller.
    /// </summary>
    internal static (ScimAttributePath Attribute, FilterNode? Filter, string? SubAttribute) ParsePatchPath(string path)
    {
        var parser = new Parser(FilterLexer.Tokenize(path, ScimException.InvalidPath), ScimException.InvalidPath, FilterLimits.Default);
        var result = parser.ParsePatchPath();
        parser.ExpectEnd();
        return result;
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    private static string Echo(string text) => text.Length <= MaxEchoedLength ? text : text[..MaxEchoedLength] + "...";

    private sealed class Parser(List<FilterToken> tokens, Func<string, ScimException> error, FilterLimits limits)
    {
        private int _index;
        private int _nodes;
        private int _depth;
        private bool _inValueFilter;

        private FilterToken Peek => tokens[_index];

        public FilterNode ParseOr()
        {
            var left = ParseAnd();
            while (IsKeyword(Peek, "or"))
            {
                _index++;
                left = Count(new OrNode(left, ParseAnd()));
            }

            return left;
        }

        public void ExpectEnd()
        {
            if (Peek.Kind != FilterTokenKind.End)
            {
                throw error($"Unexpected {Describe(Peek)} at position {Peek.Position}; expected 'and', 'or' or the end of the expression.");
            }
        }

        public (ScimAttributePath Attribute, FilterNode? Filter, string? SubAttribute) ParsePatchPath()
        {
            var token = Next();
            var attribute = ToAttributePath(token);
            if (Peek.Kind != FilterTokenKind.OpenBracket)
            {
                return (attribute, null, null);
            }

            var filter = ParseValueFilter(attribute);
            string? sub = null;
            if (Peek.Kind == FilterTokenKind.Word && Peek.Text.StartsWith('.') && !Peek.FollowsWhitespace)
            {
                sub = ToSubAttribute(Next());
            }

            return (attribute, filter, sub);
        }

        private FilterNode ParseAnd()
        {
            var left = ParseUnary();
            while (IsKeyword(Peek, "and"))
            {
                _index++;
                left = Count(new AndNode(left, ParseUnary()));
            }

            return left;
        }

        private FilterNode ParseUnary()
        {
            var token = Peek;
            if (IsKeyword(token, "not") && tokens[_index + 1].Kind == FilterTokenKind.OpenParen)
            {
                _index += 2;
                var inner = ParseGroup(token);
                return Count(new NotNode(inner));
            }

            if (token.Kind == FilterTokenKind.OpenParen)
            {
                _index++;
                return ParseGroup(token);
            }

            if (token.Kind == FilterTokenKind.Word)
            {
                return ParseAttributeExpression();
            }

            throw error($"Expected an attribute name, '(' or 'not' at position {token.Position} but found {Describe(token)}.");
        }

        private FilterNode ParseGroup(FilterToken opening)
        {
            Enter(opening);
            var inner = ParseOr();
            if (Peek.Kind != FilterTokenKind.CloseParen)
            {
                throw error($"Missing ')' for the '(' at position {opening.Position}; found {Describe(Peek)} at position {Peek.Position}.");
            }

            _index++;
            _depth--;
            return inner;
        }

        private FilterNode ParseAttributeExpression()
        {
            var path = ToAttributePath(Next());
            if (Peek.Kind != FilterTokenKind.OpenBracket)
            {
                return ParseComparison(path);
            }

            var filter = ParseValueFilter(path);
            if (Peek.Kind == FilterTokenKind.Word && Peek.Text.StartsWith('.') && !Peek.FollowsWhitespace)
            {
                // emails[type eq "work"].value eq "x" is emails[type eq "work" and value eq "x"].
                var sub = new ScimAttributePath(null, ToSubAttribute(Next()));
                filter = Count(new AndNode(filter, ParseComparison(sub)));
            }

            return Count(new ValuePathNode(path, filter));
        }

        private FilterNode ParseValueFilter(ScimAttributePath path)
        {
            var open = Next();
            if (_inValueFilter)
            {
                throw error($"Value filters cannot be nested (position {open.Position}).");
            }

            if (path.SubAttribute is not null)
            {
                throw error($"A value filter must follow a multi-valued attribute, not the sub-attribute '{Echo(path.ToString())}' (position {open.Position}).");
            }

            Enter(open);
            _inValueFilter = true;
            var inner = ParseOr();
            _inValueFilter = false;
            if (Peek.Kind != FilterTokenKind.CloseBracket)
            {
                throw error($"Missing ']' for the '[' at position {open.Position}; found {Describe(Peek)} at position {Peek.Position}.");
            }

            _index++;
            _depth--;
            return inner;
        }

        private FilterNode ParseComparison(ScimAttributePath path)
        {
            var token = Next();
            if (token.Kind != FilterTokenKind.Word || !TryOperator(token.Text, out var op, out var present))
            {
                throw error($"Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) after '{Echo(path.ToString())}' at position {token.Position} but found {Describe(token)}.");
            }

            if (present)
            {
                return Count(new PresentNode(path));
            }

            var literal = ParseLiteral(token);
            var ordering = op is ComparisonOperator.Gt or ComparisonOperator.Ge or ComparisonOperator.Lt or ComparisonOperator.Le;
            var substring = op is ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew;
            if ((ordering || substring) && literal.Kind is FilterLiteralKind.Boolean or FilterLiteralKind.Null)
            {
                throw error($"Operator '{token.Text.ToLowerInvariant()}' at position {token.Position} cannot compare with {literal.Text}; only eq and ne can.");
            }

            return Count(new ComparisonNode(path, op, literal));
        }

        private FilterLiteral ParseLiteral(FilterToken operatorToken)
        {
            var token = Next();
            if (token.Kind == FilterTokenKind.String)
            {
                return FilterLiteral.FromString(token.Text);
            }

            if (token.Kind != FilterTokenKind.Word || IsKeyword(token, "and") || IsKeyword(token, "or") || IsKeyword(token, "not"))
            {
                throw error($"Expected a value after '{operatorToken.Text}' at position {token.Position} but found {Describe(token)}; quote strings with '\"'.");
            }

            if (IsKeyword(token, "true"))
            {
                return FilterLiteral.FromBoolean(true);
            }

            if (IsKeyword(token, "false"))
            {
                return FilterLiteral.FromBoolean(false);
            }

            if (IsKeyword(token, "null"))
            {
                return FilterLiteral.Null;
            }

            if (JsonNumber().IsMatch(token.Text))
            {
                if (!decimal.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw error($"The number at position {token.Position} is out of range.");
                }

                return new FilterLiteral(FilterLiteralKind.Number, token.Text, number);
            }

            // Legacy Entra: filter=externalId eq jyoung (unquoted). RFC requires quotes; accepting is harmless.
            return FilterLiteral.FromString(token.Text);
        }

        private ScimAttributePath ToAttributePath(FilterToken token)
        {
            if (token.Kind != FilterTokenKind.Word)
            {
                throw error($"Expected an attribute name at position {token.Position} but found {Describe(token)}.");
            }

            if (!ScimAttributePath.TryParse(token.Text, out var path))
            {
                throw error($"'{Echo(token.Text)}' at position {token.Position} is not a valid attribute path.");
            }

            return path;
        }

        private string ToSubAttribute(FilterToken token)
        {
            var name = token.Text[1..];
            if (!ScimAttributePath.IsAttributeName(name))
            {
                throw error($"'{Echo(token.Text)}' at position {token.Position} is not a valid sub-attribute.");
            }

            return name;
        }

        private FilterToken Next()
        {
            var token = tokens[_index];
            if (token.Kind != FilterTokenKind.End)
            {
                _index++;
            }

            return token;
        }

        private void Enter(FilterToken token)
        {
            if (++_depth > limits.MaxDepth)
            {
                throw error($"The expression nests deeper than {limits.MaxDepth} levels (position {token.Position}).");
            }
        }

        private FilterNode Count(FilterNode node)
        {
            if (++_nodes > limits.MaxTerms)
            {
                throw error($"The expression has more than {limits.MaxTerms} terms; split the query.");
            }

            return node;
        }

        private static bool IsKeyword(FilterToken token, string keyword) =>
            token.Kind == FilterTokenKind.Word && string.Equals(token.Text, keyword, StringComparison.OrdinalIgnoreCase);

        private static bool TryOperator(string text, out ComparisonOperator op, out bool present)
        {
            present = string.Equals(text, "pr", StringComparison.OrdinalIgnoreCase);
            op = default;
            return present || (text.Length == 2 && char.IsAsciiLetter(text[0]) && char.IsAsciiLetter(text[1]) && Enum.TryParse(text, ignoreCase: true, out op));
        }

        private static string Describe(FilterToken token) => token.Kind switch
        {
            FilterTokenKind.End => "the end of the expression",
            FilterTokenKind.String => "a string",
            FilterTokenKind.Word => $"'{Echo(token.Text)}'",
            _ => $"'{token.Text}'",
        };
    }
}
