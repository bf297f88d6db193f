namespace DonDoc.Bench.Run;

/// <summary>
/// The floor: what a developer would write by hand to fetch each read scenario's data, portable between SQLite and
/// PostgreSQL, each statement ending with ";" so they can be sent together in one round trip.
/// </summary>
internal static class Sql
{
    /// <summary>Overdue (p0 = today) tasks led or supported by a unit whose path starts with p1.</summary>
    private const string OverdueInScope = """
        WHERE o."DueDate" IS NOT NULL AND o."State" <> 'Completed' AND o."DueDate" < @p0
          AND (a."LeadUnitId" IN (SELECT "Id" FROM "Units" WHERE "Path" LIKE @p1)
               OR a."Id" IN (SELECT s."AssignmentId" FROM "AssignmentSupport" s JOIN "Units" su ON su."Id" = s."UnitId" WHERE su."Path" LIKE @p1))
        """;

    public const string TaskListCount = """
        SELECT COUNT(*) FROM "Occurrences" o JOIN "Assignments" a ON a."Id" = o."AssignmentId"
        """ + "\n" + OverdueInScope + ";\n";

    /// <summary>One page (offset p2) in the list's order: due date, the task's number in its plan, id.</summary>
    public const string TaskListPage = """
        SELECT o."Id", o."AssignmentId", a."NodeId", a."PlanId", p."Symbol", p."Title", n."Path", n."Heading", n."Text", a."LeadUnitId", u."Name",
               o."Period", o."DueDate", o."OriginalDueDate", o."State", o."CompletedOn", o."Reported"
        FROM "Occurrences" o
        JOIN "Assignments" a ON a."Id" = o."AssignmentId"
        JOIN "PlanNodes" n ON n."Id" = a."NodeId"
        JOIN "Plans" p ON p."Id" = a."PlanId"
        JOIN "Units" u ON u."Id" = a."LeadUnitId"
        """ + "\n" + OverdueInScope + """

        ORDER BY o."DueDate", n."Path", o."Id"
        LIMIT 25 OFFSET @p2;
        """;

    /// <summary>Occurrence p0 with its task, plan and units, its other periods, its updates newest first, extensions, comments.</summary>
    public const string TaskDetail = """
        SELECT o."Id", o."Period", o."DueDate", o."OriginalDueDate", o."State", o."CompletedOn", o."Reported", o."Version",
               a."Id", a."LeadUnitId", lu."Name", n."Id", n."Path", n."Heading", n."Text", n."ExpectedOutput", p."Id", p."Symbol", p."Title"
        FROM "Occurrences" o
        JOIN "Assignments" a ON a."Id" = o."AssignmentId"
        JOIN "PlanNodes" n ON n."Id" = a."NodeId"
        JOIN "Plans" p ON p."Id" = a."PlanId"
        JOIN "Units" lu ON lu."Id" = a."LeadUnitId"
        WHERE o."Id" = @p0;
        SELECT s."UnitId", su."Name" FROM "AssignmentSupport" s JOIN "Units" su ON su."Id" = s."UnitId"
        WHERE s."AssignmentId" = (SELECT "AssignmentId" FROM "Occurrences" WHERE "Id" = @p0);
        SELECT x."Id", x."Period", x."DueDate", x."State", x."CompletedOn" FROM "Occurrences" x
        WHERE x."AssignmentId" = (SELECT "AssignmentId" FROM "Occurrences" WHERE "Id" = @p0) AND x."Id" <> @p0 ORDER BY x."PeriodStart";
        SELECT u."Id", u."UnitId", un."Name", u."AuthorName", u."PostedAt", u."Text", u."Percent", u."EvidenceNumber", u."EvidenceDate",
               u."ClaimsCompletion", u."ClaimedCompletedOn", u."Review", u."ReviewedByName", u."ReviewedAt", u."ReviewNote"
        FROM "ProgressUpdates" u JOIN "Units" un ON un."Id" = u."UnitId"
        WHERE u."OccurrenceId" = @p0 ORDER BY u."PostedAt" DESC;
        SELECT e."Id", e."RequestedByName", e."RequestedAt", e."Reason", e."ProposedDueDate", e."Decision" FROM "ExtensionRequests" e
        WHERE e."OccurrenceId" = @p0 ORDER BY e."RequestedAt" DESC;
        SELECT c."Id", c."AuthorName", c."PostedAt", c."Text" FROM "TaskComments" c
        WHERE c."NodeId" = (SELECT a."NodeId" FROM "Occurrences" o JOIN "Assignments" a ON a."Id" = o."AssignmentId" WHERE o."Id" = @p0) ORDER BY c."PostedAt";
        """;

    /// <summary>Period p0: every obliged unit with its report's state and dates, in the units' order.</summary>
    public const string Completeness = """
        SELECT pe."Label", pe."DueDate", ob."UnitId", u."Name", r."Id", r."State", r."FirstSubmittedOn", r."SubmittedAt"
        FROM "ReportPeriods" pe
        JOIN "ReportObligation" ob ON ob."TemplateId" = pe."TemplateId"
        JOIN "Units" u ON u."Id" = ob."UnitId"
        LEFT JOIN "UnitReports" r ON r."PeriodId" = pe."Id" AND r."UnitId" = ob."UnitId"
        WHERE pe."Id" = @p0
        ORDER BY u."SortOrder", u."Id";
        """;

    /// <summary>Period p0's outline and indicators, every unit's sections and figures, and the province's own text.</summary>
    public const string Consolidation = """
        SELECT s."Id", s."SortOrder", s."Title" FROM "TemplateSection" s JOIN "ReportPeriods" pe ON pe."TemplateId" = s."TemplateId" WHERE pe."Id" = @p0;
        SELECT i."Id", i."Code", i."Name", i."Measure", i."Type", i."Aggregation" FROM "TemplateIndicator" i
        JOIN "ReportPeriods" pe ON pe."TemplateId" = i."TemplateId" WHERE pe."Id" = @p0;
        SELECT r."UnitId", u."Name", rs."SectionId", rs."Html" FROM "UnitReports" r JOIN "Units" u ON u."Id" = r."UnitId"
        JOIN "UnitReportSection" rs ON rs."ReportId" = r."Id" WHERE r."PeriodId" = @p0 AND r."State" = 'Accepted';
        SELECT r."UnitId", v."IndicatorId", v."Value", v."IsEstimate" FROM "UnitReports" r
        JOIN "UnitReportValue" v ON v."ReportId" = r."Id" WHERE r."PeriodId" = @p0 AND r."State" = 'Accepted';
        SELECT c."SectionId", c."Html" FROM "ConsolidatedSection" c WHERE c."PeriodId" = @p0;
        """;
}
