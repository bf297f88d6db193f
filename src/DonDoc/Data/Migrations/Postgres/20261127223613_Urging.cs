using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DonDoc.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Urging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UrgingLetters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Symbol = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Abbreviation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: true),
                    PeriodId = table.Column<int>(type: "integer", nullable: true),
                    IssuerUnitId = table.Column<int>(type: "integer", nullable: false),
                    IssuedAsProvince = table.Column<bool>(type: "boolean", nullable: false),
                    IssuerLines = table.Column<List<string>>(type: "text[]", nullable: false),
                    IssuerParent = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Opening = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Closing = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReplyBy = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UrgingLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UrgingLetters_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_UrgingLetters_ReportPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ReportPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_UrgingLetters_Units_IssuerUnitId",
                        column: x => x.IssuerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UrgingLetterUnit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LetterId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UrgingLetterUnit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UrgingLetterUnit_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UrgingLetterUnit_UrgingLetters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "UrgingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UrgingLetterItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LetterUnitId = table.Column<int>(type: "integer", nullable: false),
                    OccurrenceId = table.Column<int>(type: "integer", nullable: true),
                    ReportId = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DaysLate = table.Column<int>(type: "integer", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UrgingLetterItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UrgingLetterItem_Occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "Occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_UrgingLetterItem_UnitReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "UnitReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_UrgingLetterItem_UrgingLetterUnit_LetterUnitId",
                        column: x => x.LetterUnitId,
                        principalTable: "UrgingLetterUnit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UrgingLetterItem_LetterUnitId",
                table: "UrgingLetterItem",
                column: "LetterUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UrgingLetterItem_OccurrenceId",
                table: "UrgingLetterItem",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_UrgingLetterItem_ReportId",
                table: "UrgingLetterItem",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_UrgingLetters_Date",
                table: "UrgingLetters",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_UrgingLetters_IssuerUnitId",
                table: "UrgingLetters",
                column: "IssuerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UrgingLetters_PeriodId",
                table: "UrgingLetters",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_UrgingLetters_PlanId",
                table: "UrgingLetters",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_UrgingLetterUnit_LetterId_UnitId",
                table: "UrgingLetterUnit",
                columns: new[] { "LetterId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UrgingLetterUnit_UnitId",
                table: "UrgingLetterUnit",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UrgingLetterItem");

            migrationBuilder.DropTable(
                name: "UrgingLetterUnit");

            migrationBuilder.DropTable(
                name: "UrgingLetters");
        }
    }
}
