namespace DonDoc.Data;

/// <summary>A domain record whose every create, update and delete is written to the audit table.</summary>
public interface IAudited;
