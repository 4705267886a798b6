using System.Diagnostics.CodeAnalysis;

namespace Total.Scim.Filter;

/// <summary>The JSON kind of a filter comparison value.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the JSON value kinds.")]
public enum FilterLiteralKind
{
    /// <summary>A quoted JSON string, or a legacy unquoted bare word.</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary><c>null</c>.</summary>
    Null,
}
