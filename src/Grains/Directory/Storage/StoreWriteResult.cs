namespace Total.Grains.Directory.Storage;

/// <summary>How a conditional write ended.</summary>
public enum StoreWriteResult
{
    Written,

    /// <summary>Another resource of the tenant already has the unique key.</summary>
    UniqueKeyTaken,

    /// <summary>The stored version is not the expected one (a concurrent writer, or the row is gone).</summary>
    VersionMismatch,
}
