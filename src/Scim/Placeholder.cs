namespace Total.Scim; internal static class Placeholder { }
