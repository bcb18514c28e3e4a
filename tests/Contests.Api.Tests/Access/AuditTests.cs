using System.Net;
using Contests.Api.Access;
using Contests.Api.Tests.Judging;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Access;

/// <summary>Security-relevant actions are events, and organisers read them back as their organisation's audit log.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditTests(AppFixture app)
{
    private async Task<AuditEntry[]> Audit(SignedInSession organiser) =>
        await (await app.Send(HttpMethod.Get, "/api/access/audit?limit=1000", organiser)).Json<AuditEntry[]>();

    [Fact]
    public async Task sign_ins_failures_codes_and_account_changes_are_in_the_audit_log_with_who_and_from_where()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var email = $"kiem-toan-{Guid.NewGuid():N}@test.example";
        const string address = "203.0.113.45";
        var from = new Dictionary<string, string> { [TestClientAddresses.Header] = address };

        var created = await app.Send(HttpMethod.Post, "/api/access/organisers", organiser, new { email, displayName = "Cán bộ kiểm toán", password = "mật khẩu kiểm toán" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = "sai mật khẩu" }, headers: from);
        await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = "mật khẩu kiểm toán" }, headers: from);
        var issued = await (await app.Send(HttpMethod.Post, "/api/access/sign-in-codes", organiser, new { role = Roles.Judge, displayName = "Giám khảo kiểm toán" }))
            .Json<IssuedSignInCode>();
        await app.Send(HttpMethod.Delete, $"/api/access/sign-in-codes/{issued.Code}", organiser);
        await app.Send(HttpMethod.Post, "/api/auth/sign-in-code", body: new { code = "KHONG-CO-MA" }, headers: from);
        await app.Send(HttpMethod.Put, $"/api/access/users/{OrganiserAccount.IdFor(email)}/role", organiser,
            new { role = Roles.DistrictOrganiser, district = "Tân Yên" }, new Dictionary<string, string> { ["If-Match"] = "\"1\"" });

        var entries = await Audit(organiser);

        Assert.Contains(entries, entry => entry is { Action: "account-created", ActorRole: Roles.Organiser } && entry.Subject == $"{email} (Organiser)");
        Assert.Contains(entries, entry => entry is { Action: "sign-in-failed", ClientAddress: address } && entry.Subject == email);
        Assert.Contains(entries, entry => entry is { Action: "sign-in", ActorName: "Cán bộ kiểm toán", Subject: "password", ClientAddress: address });
        Assert.Contains(entries, entry => entry is { Action: "code-issued", Subject: "Judge: Giám khảo kiểm toán" });
        Assert.Contains(entries, entry => entry is { Action: "code-revoked", Subject: "Judge: Giám khảo kiểm toán" });
        Assert.Contains(entries, entry => entry is { Action: "code-sign-in-failed", ClientAddress: address });
        Assert.Contains(entries, entry => entry is { Action: "role-changed", ActorRole: Roles.Organiser } && entry.Subject == $"{email} (DistrictOrganiser, Tân Yên)");
        Assert.Contains(entries, entry => entry is { Action: "session-ended", ActorRole: Roles.Organiser, Subject: "Cán bộ kiểm toán (role-changed)" });
        Assert.Equal(entries.OrderByDescending(entry => entry.At).Select(entry => entry.At), entries.Select(entry => entry.At));
    }

    [Fact]
    public async Task the_audit_log_never_holds_a_password_hash_or_a_code()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var issued = await (await app.Send(HttpMethod.Post, "/api/access/sign-in-codes", organiser, new { role = Roles.Team, displayName = "Đội bí mật" }))
            .Json<IssuedSignInCode>();

        var text = await (await app.Send(HttpMethod.Get, "/api/access/audit?limit=1000", organiser)).Content.ReadAsStringAsync();

        Assert.DoesNotContain(issued.Code, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", text, StringComparison.Ordinal); // every ASP.NET Core v3 password hash starts so
    }

    [Fact]
    public async Task the_audit_log_pages_back_in_time()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        await app.IssueCode(Roles.Judge, "Giám khảo trang trước");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.IssueCode(Roles.Judge, "Giám khảo trang sau");
        var firstPage = await (await app.Send(HttpMethod.Get, "/api/access/audit?limit=1", organiser)).Json<AuditEntry[]>();
        Assert.Equal("Judge: Giám khảo trang sau", Assert.Single(firstPage).Subject);

        var before = Uri.EscapeDataString(firstPage[0].At.ToString("O"));
        var older = await (await app.Send(HttpMethod.Get, $"/api/access/audit?limit=1000&before={before}", organiser)).Json<AuditEntry[]>();

        Assert.Contains(older, entry => entry.Subject == "Judge: Giám khảo trang trước");
        Assert.All(older, entry => Assert.True(entry.At < firstPage[0].At));
    }

    [Fact]
    public async Task exports_score_corrections_and_hand_locks_are_in_the_audit_log_with_who_and_why()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var contest = await app.ContestWithRounds();
        var round = $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}";
        await app.Change(HttpMethod.Put, $"{round}/judging/rubric", JudgingApi.CreativityRubric, Roles.Organiser, "\"0\"", 200);
        var scoring = new ScoringStreams(app, contest.ContestId, contest.QualifyingId);
        var entry = await scoring.Entry("Đội Kiểm Toán");
        var judge = Guid.NewGuid();
        await scoring.Assign([entry], judge);
        await scoring.Submit(entry, judge, 6, 6);
        await scoring.Correct(entry, judge, 7, 6, "Cộng sót điểm tiêu chí 1", new Actor("truong-ban", "Trưởng ban giám khảo", Roles.HeadJudge));
        await app.Change(HttpMethod.Post, $"{round}/judging/lock", new { reason = "Hết giờ chấm" }, Roles.Organiser, "\"1\"", 200);
        Assert.Equal(HttpStatusCode.OK, (await app.Send(HttpMethod.Get, $"/api/contests/{contest.ContestId}/exports/registrations-teams?format=csv", organiser)).StatusCode);

        var entries = await Audit(organiser);

        Assert.Contains(entries, item => item is { Action: "score-corrected", ActorName: "Trưởng ban giám khảo", ActorRole: Roles.HeadJudge }
            && item.Subject!.EndsWith("20 — Cộng sót điểm tiêu chí 1", StringComparison.Ordinal));
        Assert.Contains(entries, item => item is { Action: "judging-locked", ActorRole: Roles.Organiser } && item.Subject == $"round {contest.QualifyingId} — Hết giờ chấm");
        Assert.Contains(entries, item => item is { Action: "export-downloaded", ActorRole: Roles.Organiser, Subject: "registrations-teams (Csv)" });
    }
}
