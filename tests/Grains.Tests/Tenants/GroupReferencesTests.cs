using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;

namespace Total.Grains.Tests.Tenants;

/// <summary>
/// The one rule for which group a settings entry names: by displayName exactly as the directory keeps displayNames
/// unique (so the one-shard look-up finds the same group the access rules match), by externalId ignoring case.
/// </summary>
public sealed class GroupReferencesTests
{
    /// <summary>Pairs where ignoring case one way or the other disagrees: final sigma, micro sign, Kelvin sign.</summary>
    public static TheoryData<string, string> NamePairs => new()
    {
        { "ADMINS", "Admins" },
        { "ΔΙΑΧΕΙΡΙΣΤΕΣ", "Διαχειριστες" },
        { "µ-Admins", "Μ-Admins" },
        { "\u212Aelvin-Admins", "kelvin-admins" },
        { "Straße-Admins", "STRASSE-Admins" },
    };

    [Theory]
    [MemberData(nameof(NamePairs))]
    public void An_entry_names_the_group_whose_displayName_has_the_same_unique_key(string entry, string displayName) =>
        Assert.Equal(DirectoryShards.KeyOf(entry) == DirectoryShards.KeyOf(displayName), GroupReferences.Names(entry, displayName, externalId: null));

    [Fact]
    public void Every_character_matches_its_other_cases_exactly_when_the_directory_keys_agree()
    {
        // Every UTF-16 character with each of its case partners, and a letter outside the BMP (Deseret) with its partner.
        var pairs = Enumerable.Range(0, 0x10000)
            .Where(c => !char.IsSurrogate((char)c))
            .Select(c => ((char)c).ToString())
            .SelectMany(s => new[] { (s, s.ToUpperInvariant()), (s, s.ToLowerInvariant()), ("a" + s, "A" + s.ToUpperInvariant()) })
            .Append(("\U00010400", "\U00010428"));

        foreach (var (a, b) in pairs)
        {
            Assert.Equal(DirectoryShards.KeyOf(a) == DirectoryShards.KeyOf(b), GroupReferences.SameDisplayName(a, b));
        }
    }

    [Fact]
    public void A_long_displayName_matches_by_the_same_key()
    {
        var name = new string('Δ', GroupReferences.MaxLength + 1);

        Assert.True(GroupReferences.SameDisplayName(name, new string('δ', GroupReferences.MaxLength + 1)));
        Assert.False(GroupReferences.SameDisplayName(name, new string('δ', GroupReferences.MaxLength)));
    }

    [Fact]
    public void An_entry_names_a_group_by_its_object_id_in_any_case() =>
        Assert.True(GroupReferences.Names("2B7C9D10-55AA-4F1E-8C3B-7D6E5F4A3B21", "TOTAL-Admins", "2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21"));

    [Fact]
    public void Entries_differing_only_in_case_are_kept_once()
    {
        var (groups, error) = GroupReferences.Normalize(["Admins", " ADMINS "], "adminGroups");

        Assert.Null(error);
        Assert.Equal(["Admins"], groups);
    }

    [Fact]
    public void Entries_that_name_different_groups_are_both_kept()
    {
        // The directory holds "Διαχειριστες" and "ΔΙΑΧΕΙΡΙΣΤΕΣ" as two groups (their unique keys differ in the last letter).
        var (groups, error) = GroupReferences.Normalize(["Διαχειριστες", "ΔΙΑΧΕΙΡΙΣΤΕΣ"], "adminGroups");

        Assert.Null(error);
        Assert.Equal(["Διαχειριστες", "ΔΙΑΧΕΙΡΙΣΤΕΣ"], groups);
    }
}
