namespace Contests.Domain.Matches;

/// <summary>
/// A match to lay out: its teams when known (group matches), the round it belongs to, and the matches that must have
/// finished, with the minimum rest after them, before it may start (a knockout match after the ones that feed it).
/// </summary>
public sealed record MatchToPlace(string Code, IReadOnlyList<Guid> Teams, int Round, IReadOnlyList<string> After);

/// <summary>A slot is one match plus the changeover; <c>EndsBy</c> is when the day must be over, if it must.</summary>
public sealed record TimetableSettings(
    IReadOnlyList<string> Fields, DateTimeOffset StartsAt, int SlotMinutes, int MatchMinutes, int MinRestMinutes, DateTimeOffset? EndsBy, int Seed);

public sealed record PlacedMatch(string Code, string Field, DateTimeOffset StartsAt);

/// <summary>A wish of the schedule it could not meet: which rule, for which match and team, and why.</summary>
public sealed record UnmetConstraint(string Rule, string Match, Guid? Team, string Detail);

public sealed record Timetable(IReadOnlyList<PlacedMatch> Placed, IReadOnlyList<UnmetConstraint> Unmet);

public static class Timetables
{
    public const string BackToBack = "back-to-back";
    public const string RestTooShort = "rest-too-short";
    public const string Overruns = "overruns";

    /// <summary>
    /// Fills the fields slot by slot. A match may start only when each of its teams has had the minimum rest (a hard
    /// rule: a field rather stays empty for a slot); among the matches that may start, one whose teams did not play
    /// in the slot just before is preferred, then the earlier round, then the team that has waited longest, then the
    /// seed's order. A team playing two slots in a row, and a day that ends after <c>EndsBy</c>, are reported.
    /// </summary>
    public static Timetable Lay(IReadOnlyList<MatchToPlace> matches, TimetableSettings settings)
    {
        var random = new Random(settings.Seed);
        var tieOrder = matches.Select(match => match.Code).OrderBy(_ => random.Next()).Select((code, index) => (code, index))
            .ToDictionary(pair => pair.code, pair => pair.index);
        var remaining = matches.ToList();
        var slotOf = new Dictionary<string, int>();
        var lastSlot = new Dictionary<Guid, int>();
        var placed = new List<PlacedMatch>();
        var unmet = new List<UnmetConstraint>();
        var restSlots = RestSlots(settings);

        var lastPossibleSlot = (matches.Count + 1) * (restSlots + 2);
        for (var slot = 0; remaining.Count > 0; slot++)
        {
            if (slot > lastPossibleSlot)
            {
                throw new ArgumentException($"Match {remaining[0].Code} waits for a match that is not in the list.", nameof(matches));
            }

            var busy = new HashSet<Guid>();
            foreach (var field in settings.Fields)
            {
                var candidate = remaining
                    .Where(match => match.Teams.All(team => !busy.Contains(team) && (!lastSlot.TryGetValue(team, out var last) || slot - last > restSlots)))
                    .Where(match => match.After.All(code => slotOf.TryGetValue(code, out var feeder) && slot - feeder > restSlots))
                    .OrderBy(match => match.Teams.Any(team => lastSlot.TryGetValue(team, out var last) && last == slot - 1) ? 1 : 0)
                    .ThenBy(match => match.Round)
                    .ThenBy(match => match.Teams.Count == 0 ? 0 : -match.Teams.Min(team => slot - lastSlot.GetValueOrDefault(team, -1000)))
                    .ThenBy(match => tieOrder[match.Code])
                    .FirstOrDefault();
                if (candidate is null)
                {
                    continue;
                }

                foreach (var team in candidate.Teams)
                {
                    if (lastSlot.TryGetValue(team, out var last) && last == slot - 1)
                    {
                        unmet.Add(new UnmetConstraint(BackToBack, candidate.Code, team, $"slot {slot}"));
                    }

                    lastSlot[team] = slot;
                    busy.Add(team);
                }

                remaining.Remove(candidate);
                slotOf[candidate.Code] = slot;
                placed.Add(new PlacedMatch(candidate.Code, field, settings.StartsAt.AddMinutes(slot * settings.SlotMinutes)));
            }
        }

        if (settings.EndsBy is { } endsBy && placed.Count > 0)
        {
            var last = placed.MaxBy(match => match.StartsAt)!;
            if (last.StartsAt.AddMinutes(settings.MatchMinutes) > endsBy)
            {
                unmet.Add(new UnmetConstraint(Overruns, last.Code, null, $"{last.StartsAt.AddMinutes(settings.MatchMinutes):O}"));
            }
        }

        return new Timetable(placed, unmet);
    }

    /// <summary>How many whole slots must lie between two matches of a team for it to rest long enough.</summary>
    private static int RestSlots(TimetableSettings settings)
    {
        var slots = 0;
        while ((slots + 1) * settings.SlotMinutes - settings.MatchMinutes < settings.MinRestMinutes)
        {
            slots++;
        }

        return slots;
    }
}

/// <summary>A match on the day's timetable; <c>Done</c> once it has been played (its result submitted or confirmed).</summary>
public sealed record TimedMatch(string Code, string Field, DateTimeOffset StartsAt, IReadOnlyList<Guid> Teams, bool Done);

public static class FieldDelays
{
    /// <summary>
    /// A field running late: every match on it not yet played moves later by <paramref name="minutes"/>. Teams that
    /// now have too little rest before or after a match on another field are reported, not silently moved.
    /// </summary>
    public static (IReadOnlyList<TimedMatch> Matches, IReadOnlyList<UnmetConstraint> Unmet) Shift(
        IReadOnlyList<TimedMatch> matches, string field, int minutes, int matchMinutes, int minRestMinutes)
    {
        var shifted = matches
            .Select(match => match.Field == field && !match.Done ? match with { StartsAt = match.StartsAt.AddMinutes(minutes) } : match)
            .ToList();
        var unmet = new List<UnmetConstraint>();
        foreach (var team in shifted.SelectMany(match => match.Teams).Distinct())
        {
            var ofTeam = shifted.Where(match => match.Teams.Contains(team)).OrderBy(match => match.StartsAt).ToList();
            for (var index = 1; index < ofTeam.Count; index++)
            {
                var rest = (ofTeam[index].StartsAt - ofTeam[index - 1].StartsAt).TotalMinutes - matchMinutes;
                if (rest < minRestMinutes && (ofTeam[index].Field == field || ofTeam[index - 1].Field == field))
                {
                    unmet.Add(new UnmetConstraint(Timetables.RestTooShort, ofTeam[index].Code, team, $"{Math.Max(0, rest):0} min"));
                }
            }
        }

        return (shifted, unmet);
    }
}
