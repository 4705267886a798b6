namespace Total.Scim.Filter;

/// <summary>One token; <see cref="Position"/> is the 1-based character index used in error details.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position, bool FollowsWhitespace);
