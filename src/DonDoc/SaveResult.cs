namespace DonDoc;

/// <summary>The outcome of a change a person asked for: done, or refused with Vietnamese messages by field.</summary>
public sealed record SaveResult<T>(T? Value, Dictionary<string, string[]> Errors)
{
    public bool Ok => Errors.Count == 0;
    public static SaveResult<T> Success(T value) => new(value, []);
    public static SaveResult<T> Fail(string field, string message) => new(default, new() { [field] = [message] });
    public static SaveResult<T> Fail(Dictionary<string, string[]> errors) => new(default, errors);
    public string Message => string.Join(" ", Errors.Values.SelectMany(v => v));
}
