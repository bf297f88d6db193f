using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    TitleKey = table.Column<string>(type: "TEXT", maxLength: 1002, nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_EntityId_Kind",
                table: "SearchEntries",
                columns: new[] { "EntityId", "Kind" },
                unique: true);

            // The full-text index over the folded words, kept by triggers (an external-content FTS5 table). A
            // later migration that makes EF rebuild SearchEntries must create these triggers again.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5("Key", content='SearchEntries', content_rowid='Id', tokenize='unicode61', prefix='2 3');
                CREATE TRIGGER "SearchEntries_Inserted" AFTER INSERT ON "SearchEntries" BEGIN
                    INSERT INTO "SearchIndex"(rowid, "Key") VALUES (new."Id", new."Key");
                END;
                CREATE TRIGGER "SearchEntries_Deleted" AFTER DELETE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchIndex"("SearchIndex", rowid, "Key") VALUES ('delete', old."Id", old."Key");
                END;
                CREATE TRIGGER "SearchEntries_Updated" AFTER UPDATE OF "Key" ON "SearchEntries" BEGIN
                    INSERT INTO "SearchIndex"("SearchIndex", rowid, "Key") VALUES ('delete', old."Id", old."Key");
                    INSERT INTO "SearchIndex"(rowid, "Key") VALUES (new."Id", new."Key");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "SearchIndex";""");
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
