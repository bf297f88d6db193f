using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DonDoc.Data;

// dotnet-ef builds each provider's context here instead of starting the web host, so adding a
// migration needs no configuration and no running database.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDonDocDbContext>
{
    public SqliteDonDocDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDonDocDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDonDocDbContext>
{
    public PostgresDonDocDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDonDocDbContext>().UseNpgsql("Host=127.0.0.1;Database=dondoc_design").Options);
}
