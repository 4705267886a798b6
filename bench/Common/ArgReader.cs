using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Total.Bench;

/// <summary>
/// Walks <c>--name value</c> command-line options for the benchmark tools, with typed, range-checked values
/// and errors that name the option.
/// </summary>
internal sealed class ArgReader(string[] args, int start = 0)
{
    private int _index = start - 1;

    /// <summary>
    /// The tools' shared front door: <c>--help</c> prints <paramref name="usage"/> (exit code 0), an invalid option
    /// prints why (exit code 2), and both return false; otherwise <paramref name="options"/> is set.
    /// </summary>
    public static bool TryParse<T>(string[] args, string usage, Func<string[], T> parse, [NotNullWhen(true)] out T? options, out int exitCode)
        where T : class
    {
        options = null;
        exitCode = 0;
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(usage);
            return false;
        }

        try
        {
            options = parse(args);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or UriFormatException)
        {
            Console.Error.WriteLine(exception.Message);
            exitCode = 2;
            return false;
        }
    }

    /// <summary>The option being read.</summary>
    public string Name => args[_index];

    public bool MoveNext() => ++_index < args.Length;

    public string Text() => _index + 1 < args.Length ? args[++_index] : throw new ArgumentException($"{Name} needs a value.");

    public Uri Url() => new(Text(), UriKind.Absolute);

    public int Int(int min)
    {
        var name = Name;
        return int.TryParse(Text(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"{name} must be an integer ≥ {min}.");
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>]; with <paramref name="minExclusive"/>, above min.</summary>
    public double Double(double min, double max, bool minExclusive = false)
    {
        var name = Name;
        return double.TryParse(Text(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (minExclusive ? value > min : value >= min) && value <= max
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max}."));
    }
}
