namespace Total.Scim.Filter;

/// <summary>RFC 7644 §3.4.2.2 comparison operators (<c>pr</c> is <see cref="PresentNode"/>).</summary>
public enum ComparisonOperator
{
    /// <summary>Equal.</summary>
    Eq,

    /// <summary>Not equal.</summary>
    Ne,

    /// <summary>Contains.</summary>
    Co,

    /// <summary>Starts with.</summary>
    Sw,

    /// <summary>Ends with.</summary>
    Ew,

    /// <summary>Greater than.</summary>
    Gt,

    /// <summary>Greater than or equal to.</summary>
    Ge,

    /// <summary>Less than.</summary>
    Lt,

    /// <summary>Less than or equal to.</summary>
    Le,
}
