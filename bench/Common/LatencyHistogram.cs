using System.Numerics;

namespace Total.Bench;

/// <summary>
/// A lock-free, HDR-style log-linear histogram of latencies in microseconds: exact below 128 µs, then 64
/// sub-buckets per power of two (relative error under 1.6 %). Percentiles report a bucket's midpoint,
/// clamped to the exact maximum.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBits = 7;
    private const int SubCount = 1 << SubBits;
    private const int HalfSub = SubCount / 2;
    private const int MaxShift = 40;

    private readonly long[] _counts = new long[SubCount + (MaxShift * HalfSub)];
    private long _count;
    private long _sum;
    private long _max;

    public long Count => Interlocked.Read(ref _count);

    public long Max => Interlocked.Read(ref _max);

    public double MeanMicros => Count == 0 ? 0 : (double)Interlocked.Read(ref _sum) / Count;

    public void Record(long micros)
    {
        if (micros < 0)
        {
            micros = 0;
        }

        Interlocked.Increment(ref _counts[Index(micros)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sum, micros);
        var max = Interlocked.Read(ref _max);
        while (micros > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, micros, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            var c = Interlocked.Read(ref other._counts[i]);
            if (c != 0)
            {
                Interlocked.Add(ref _counts[i], c);
            }
        }

        Interlocked.Add(ref _count, other.Count);
        Interlocked.Add(ref _sum, Interlocked.Read(ref other._sum));
        var otherMax = other.Max;
        if (otherMax > Max)
        {
            Interlocked.Exchange(ref _max, otherMax);
        }
    }

    /// <summary>The latency (µs) at or below which <paramref name="percentile"/> % of the recorded values fall.</summary>
    public long Percentile(double percentile)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * total));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(Midpoint(i), Max);
            }
        }

        return Max;
    }

    private static int Index(long micros)
    {
        if (micros < SubCount)
        {
            return (int)micros;
        }

        var log = 63 - BitOperations.LeadingZeroCount((ulong)micros);
        var shift = Math.Min(log - (SubBits - 1), MaxShift);
        var top = (int)Math.Min(micros >> shift, SubCount - 1);
        return SubCount + ((shift - 1) * HalfSub) + (top - HalfSub);
    }

    private static long Midpoint(int index)
    {
        if (index < SubCount)
        {
            return index;
        }

        var shift = ((index - SubCount) / HalfSub) + 1;
        var top = HalfSub + ((index - SubCount) % HalfSub);
        return ((long)top << shift) + ((1L << shift) / 2);
    }
}
