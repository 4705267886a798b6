namespace Total.Grains.Abstractions.Reconciliation;

public enum ReconciliationOutcome
{
    NotRunYet = 0,
    Succeeded = 1,

    /// <summary>The SCIM re-check ran but Graph could not be read (see the error); access Graph would have removed stays until it can.</summary>
    GraphFailed = 2,

    /// <summary>Not run: Graph asked to wait (429 Retry-After) until a later time.</summary>
    Deferred = 3,
}
