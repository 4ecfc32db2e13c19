using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Commune;
using PhoChau.Core.Petitions;
using PhoChau.Core.Province;

namespace PhoChau.Tests.Core.Province;

/// <summary>A flow that set no commune never falls back to commune 1 on a province's database (issue 19.6).</summary>
public sealed class NoSilentCommuneTests
{
    private static readonly Actor ProvinceAdmin = new("p-admin", "tinh", new HashSet<string> { Roles.ProvinceAdministrator });

    [Fact]
    public async Task On_a_database_of_several_communes_a_flow_with_no_commune_fails_loudly_while_one_commune_needs_none()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host); // one commune: no scope needed
        await WorkflowData.PetitionAsync(host, d.Id);
        await using (var db = host.NewDb())
            Assert.Single(await db.Petitions.ToListAsync());

        var second = await host.Get<ProvinceService>().CreateCommuneAsync(ProvinceAdmin, CommuneIsolationTests.NewCommune());

        await using (var db = host.NewDb())
        {
            await Assert.ThrowsAsync<NoCommuneScopeException>(() => db.Petitions.ToListAsync());
            db.Villages.Add(new PhoChau.Core.Departments.Village { Name = "Thôn Không Xã" });
            await Assert.ThrowsAsync<NoCommuneScopeException>(() => db.SaveChangesAsync());
            // The province's own queries, across communes on purpose, still work.
            Assert.Equal(1, await db.Petitions.IgnoreQueryFilters().CountAsync());
        }
        await Assert.ThrowsAsync<NoCommuneScopeException>(() => host.Get<PetitionQuery>().FindAsync(CoreTestHost.Secretary, new PetitionFilter { DialogueId = d.Id }));

        // Named, each commune sees its own.
        using (CommuneScope.Enter(CommuneScope.Default))
        {
            await using var db = host.NewDb();
            Assert.Single(await db.Petitions.ToListAsync());
        }
        using (CommuneScope.Enter(second))
        {
            await using var db = host.NewDb();
            Assert.Empty(await db.Petitions.ToListAsync());
        }
    }

    [Fact]
    public async Task A_province_started_again_knows_it_holds_several_communes_before_any_request()
    {
        var dir = Directory.CreateTempSubdirectory("phochau-province").FullName;
        var dbPath = Path.Combine(dir, "province.db");
        var first = await CoreTestHost.StartAtAsync(dir, dbPath);
        first.KeepFolder = true;
        await using (first) await first.Get<ProvinceService>().CreateCommuneAsync(ProvinceAdmin, CommuneIsolationTests.NewCommune());
        // (In this test process the database is already known; the next start marks it again from what it holds.)

        await using var again = await CoreTestHost.StartAtAsync(dir, dbPath);
        await using var db = again.NewDb();
        await Assert.ThrowsAsync<NoCommuneScopeException>(() => db.Departments.ToListAsync());
    }
}
