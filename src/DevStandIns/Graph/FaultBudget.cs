namespace Total.DevStandIns.Graph;

/// <summary>"The next N requests fail this way, asking for this Retry-After": one counted fault of a tenant's knobs.</summary>
internal sealed class FaultBudget
{
    private readonly Lock _gate = new();
    private int _remaining;
    private int? _retryAfterSeconds;

    public void Arm(int count, int? retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (retryAfterSeconds is { } seconds)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(seconds, nameof(retryAfterSeconds));
        }

        lock (_gate)
        {
            _remaining = count;
            _retryAfterSeconds = retryAfterSeconds;
        }
    }

    /// <summary>True (and one fewer left) when this request is to fail.</summary>
    public bool TryTake(out int? retryAfterSeconds)
    {
        lock (_gate)
        {
            retryAfterSeconds = _retryAfterSeconds;
            if (_remaining == 0)
            {
                return false;
            }

            _remaining--;
            return true;
        }
    }
}
