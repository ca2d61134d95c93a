namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/CheckThenActBug.cs: two requests check a cache for a key, await its load, then Add it.
internal sealed class CheckThenActPort : IPort
{
    private readonly Dictionary<string, string> _profiles = [];

    public string Name => "check-then-act";

    public string Failure => nameof(ArgumentException);

    public async Task Run()
    {
        _profiles.Clear();
        Task first = Task.Run(async () => await GetAsync("alice"));
        Task second = Task.Run(async () =>
        {
            await Task.Yield(); // authenticate
            await Task.Yield();
            await GetAsync("alice");
        });
        await first;
        await second;
    }

    private async Task<string> GetAsync(string user)
    {
        if (!_profiles.TryGetValue(user, out string? profile))
        {
            await Task.Yield(); // query the database
            profile = $"profile of {user}";
            _profiles.Add(user, profile);
        }

        return profile;
    }
}
