namespace Total.Scim.Filter;

/// <summary>Lexical token kinds of the filter grammar.</summary>
internal enum FilterTokenKind
{
    Word,
    String,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    End,
}
