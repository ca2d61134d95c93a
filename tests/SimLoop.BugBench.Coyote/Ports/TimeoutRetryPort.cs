namespace SimLoop.BugBench.Coyote.Ports;

// Bugs/TimeoutRetryBug.cs: a 100 ms timeout races a 100 ms response; on timeout the client retries a charge the
// service already made. The timeout is Task.WhenAny with Task.Delay, the form Coyote controls.
internal sealed class TimeoutRetryPort : IPort
{
    private int _charges;

    public string Name => "timeout-retry";

    public string Failure => nameof(InvalidOperationException);

    public async Task Run()
    {
        await Task.Run(async () =>
        {
            for (int attempt = 1; attempt <= 3; attempt++)
            {
                Task<string> call = ChargeAsync(25);
                if (await Task.WhenAny(call, Task.Delay(100)) == call)
                {
                    break;
                }

                // Timed out: retry, the request may have been lost. After three attempts, give up.
            }
        });

        if (_charges != 1)
        {
            throw new InvalidOperationException($"order-7 was charged {_charges} times.");
        }
    }

    private async Task<string> ChargeAsync(int amount)
    {
        await Task.Delay(50); // the request arrives
        _charges++;
        await Task.Delay(50); // the response comes back
        return $"receipt for {amount} on order-7";
    }
}
