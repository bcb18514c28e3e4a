using Contests.Domain.Judging;

namespace Contests.Api.Judging;

/// <summary>A panel of judges for one judged round, with the divisions and fields whose entries it judges.</summary>
public sealed record Panel(
    Guid Id, Guid ContestId, Guid RoundId, string Name, IReadOnlyList<string> Divisions, IReadOnlyList<string> Fields, IReadOnlyList<Guid> Members)
{
    public long Version { get; set; }

    public bool Removed { get; init; }

    public PanelScope ScopeOf() => new(Divisions, Fields);

    public static Panel Create(PanelCreated created) =>
        new(created.PanelId, created.ContestId, created.RoundId, created.Name, created.Divisions, created.Fields, created.Members);

    public Panel Apply(PanelChanged changed) =>
        this with { Name = changed.Name, Divisions = changed.Divisions, Fields = changed.Fields, Members = changed.Members };

    public Panel Apply(PanelRemoved removed) => this with { Removed = true };
}

public sealed record PanelMember(Guid JudgeId, string Name, bool HeadJudge);

public sealed record PanelView(
    Guid Id, Guid RoundId, string Name, IReadOnlyList<string> Divisions, IReadOnlyList<string> Fields, IReadOnlyList<PanelMember> Members, long Version)
{
    public static PanelView From(Panel panel, IReadOnlyDictionary<Guid, Judge> judges) =>
        new(panel.Id, panel.RoundId, panel.Name, panel.Divisions, panel.Fields,
            panel.Members.Where(judges.ContainsKey).Select(id => new PanelMember(id, judges[id].Name, judges[id].HeadJudge)).ToList(),
            panel.Version);
}
