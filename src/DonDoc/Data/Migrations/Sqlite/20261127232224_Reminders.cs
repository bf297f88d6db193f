using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReminderSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DaysBefore = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OnTheDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    RepeatOverdueEvery = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalateToHeadAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalateToCoordinatorAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingDays = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderSettings", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderSettings");
        }
    }
}
