namespace SimLoop.BugBench.Bugs;

// Check-then-act on a cache: "if the key is missing, load it and add it" with the load awaited in between. Two
// requests for the same key both see it missing and both add: Dictionary.Add throws. The second request is
// authenticated first, so in Fifo order the first has added the entry before the second checks.
internal sealed class CheckThenActBug : IBug
{
    public string Name => "check-then-act";

    public string Description => "Two requests check a cache for a key, await its load, then Add it: the second Add throws.";

    public string Origin => "Async pattern: check-then-act";

    public Type Failure => typeof(ArgumentException);

    public int Depth => 2;

    public async Task Run()
    {
        var cache = new ProfileCache();
        SimTask first = Sim.Spawn(async () => await cache.GetAsync("alice"), "request#1");
        SimTask second = Sim.Spawn(async () =>
        {
            await Task.Yield(); // authenticate
            await Task.Yield();
            await cache.GetAsync("alice");
        }, "request#2");
        await first;
        await second;
    }

    private sealed class ProfileCache
    {
        private readonly Dictionary<string, string> _profiles = [];

        public async Task<string> GetAsync(string user)
        {
            if (!_profiles.TryGetValue(user, out string? profile))
            {
                profile = await LoadAsync(user);
                _profiles.Add(user, profile);
            }

            return profile;
        }

        private static async Task<string> LoadAsync(string user)
        {
            await Task.Yield(); // query the database
            return $"profile of {user}";
        }
    }
}
