using System.Diagnostics.CodeAnalysis;

namespace Total.Scim.Schema;

/// <summary>RFC 7643 §2.3 attribute data types.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the RFC 7643 type keywords.")]
public enum ScimAttributeType
{
    /// <summary>Unicode string.</summary>
    String,

    /// <summary>JSON true/false.</summary>
    Boolean,

    /// <summary>Real number.</summary>
    Decimal,

    /// <summary>Whole number.</summary>
    Integer,

    /// <summary>xsd:dateTime string.</summary>
    DateTime,

    /// <summary>URI reference string.</summary>
    Reference,

    /// <summary>Object of sub-attributes.</summary>
    Complex,

    /// <summary>Base64 encoded bytes.</summary>
    Binary,
}
