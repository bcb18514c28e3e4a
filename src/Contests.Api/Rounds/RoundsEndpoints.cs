using Contests.Api.Access;
using Contests.Api.Infrastructure;

namespace Contests.Api.Rounds;

public static class RoundsEndpoints
{
    public static RouteGroupBuilder MapRounds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contests/{contestId:guid}/rounds").WithTags("Rounds");

        group.MapGet("/", GetRounds.List)
            .WithName("ListRounds")
            .WithSummary("The contest's rounds in order, each with its schedule (Vietnam times stored as instants), advancement rule and state now.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowPublic();
        group.MapGet("/{roundId:guid}/schedule", GetRounds.Schedule)
            .WithName("GetRoundSchedule")
            .WithSummary("A round's schedule and state now; the ETag is \"0\" until it is first scheduled.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowPublic();
        group.MapPut("/{roundId:guid}/schedule", SetRoundSchedule.Handle)
            .WithName("SetRoundSchedule")
            .WithSummary("Sets a judged round's submission window, grace, end of judging, publication, reminders and advancement rule; reschedules its jobs (organisers, If-Match: \"0\" the first time).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/{roundId:guid}/cancel", CancelRound.Handle)
            .WithName("CancelRound")
            .WithSummary("Cancels a scheduled round with a reason and deletes its jobs; setting a schedule again reinstates it (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/{roundId:guid}/publish-now", PublishRoundNow.Handle)
            .WithName("PublishRoundNow")
            .WithSummary("Publishes a judged round's results now (server clock) once submissions are locked and judging is over; a round already public is answered unchanged (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapGet("/{roundId:guid}/timeline", GetRounds.Timeline)
            .WithName("GetRoundTimeline")
            .WithSummary("Each transition of the round (open, reminders, lock, judging lock, publication): when, whether recorded and with what outcome, and its Hangfire job's state (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AnyOrganiser);
        group.MapGet("/{roundId:guid}/advancement", Advancement.Get)
            .WithName("GetAdvancement")
            .WithSummary("Who goes on from the round: its rule, organisers' picks awaiting publication, advanced teams and reversals (organisers; ETag).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AnyOrganiser);
        group.MapPost("/{roundId:guid}/advancement/{teamId:guid}", Advancement.Select)
            .WithName("SelectForAdvancement")
            .WithSummary("Picks a team to advance: at publication, or at once if the round is published (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/{roundId:guid}/advancement/{teamId:guid}/reverse", Advancement.Reverse)
            .WithName("ReverseAdvancement")
            .WithSummary("Takes back a pick or an advancement, with a reason (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        return group;
    }
}
