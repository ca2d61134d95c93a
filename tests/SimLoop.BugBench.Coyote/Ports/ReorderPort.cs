namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/ReorderBug.cs: 4 setters write a then b across an await; 2 checkers see the pair torn.
internal sealed class ReorderPort : IPort
{
    private int _a;
    private int _b;

    public string Name => "reorder";

    public string Failure => nameof(InvalidOperationException);

    public async Task Run()
    {
        _a = 0;
        _b = 0;
        var tasks = new List<Task>();
        for (int i = 0; i < 2; i++)
        {
            tasks.Add(Task.Run(async () =>
            {
                await Task.Yield();
                if (!((_a == 0 && _b == 0) || (_a == 1 && _b == -1)))
                {
                    throw new InvalidOperationException($"Torn pair: a = {_a}, b = {_b}.");
                }
            }));
        }

        for (int i = 0; i < 4; i++)
        {
            tasks.Add(Task.Run(async () =>
            {
                await Task.Yield();
                _a = 1;
                await Task.Yield();
                _b = -1;
            }));
        }

        foreach (Task task in tasks)
        {
            await task;
        }
    }
}
