namespace DonDoc.Security;

public static class LocalUrl
{
    /// <summary>
    /// The return address after signing in, only if it stays on this site ("/x" but not "//evil" or "/\evil"):
    /// an open redirect would let a phishing link bounce through the login page.
    /// </summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && (u.Length == 1 || (u[1] != '/' && u[1] != '\\')) ? u : "/tong-quan";
}
