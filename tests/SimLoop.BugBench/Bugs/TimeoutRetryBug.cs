namespace SimLoop.BugBench.Bugs;

// A timeout racing a retry: the client gives a charge request 100 ms and retries on TimeoutException; the payment
// service takes exactly 100 ms and is not idempotent. When the timeout fires before the response (two timers due at
// the same instant), the retry charges the order twice. Fifo fires the response's timer first: it was created first.
internal sealed class TimeoutRetryBug : IBug
{
    private static readonly TimeSpan s_roundTrip = TimeSpan.FromMilliseconds(100);

    public string Name => "timeout-retry";

    public string Description => "A 100 ms timeout races a 100 ms response; on timeout the client retries a charge the service already made.";

    public string Origin => "Async pattern: a timeout racing a retry";

    public Type Failure => typeof(InvalidOperationException);

    public int Depth => 0;

    public async Task Run()
    {
        var service = new PaymentService();
        await Sim.Spawn(async () =>
        {
            for (int attempt = 1; attempt <= 3; attempt++)
            {
                try
                {
                    await service.ChargeAsync("order-7", 25).WaitAsync(s_roundTrip, Sim.Clock);
                    break;
                }
                catch (TimeoutException)
                {
                    // Retry: the request may have been lost. After three attempts, give up.
                }
            }
        }, "client");

        if (service.Charges("order-7") != 1)
        {
            throw new InvalidOperationException($"order-7 was charged {service.Charges("order-7")} times.");
        }
    }

    // A fake remote service: the request arrives after half the round trip, the response after all of it.
    private sealed class PaymentService
    {
        private readonly Dictionary<string, int> _charges = [];

        public int Charges(string order) => _charges.GetValueOrDefault(order);

        public Task<string> ChargeAsync(string order, int amount)
        {
            // Completed inline by the timer: with RunContinuationsAsynchronously, WaitAsync's completion action would go
            // to the thread pool without the ExecutionContext, where SimLoop cannot follow it (see the report).
            var response = new TaskCompletionSource<string>();
            Sim.Clock.CreateTimer(_ => _charges[order] = Charges(order) + 1, null, s_roundTrip / 2, Timeout.InfiniteTimeSpan);
            Sim.Clock.CreateTimer(_ => response.TrySetResult($"receipt for {amount} on {order}"), null, s_roundTrip, Timeout.InfiniteTimeSpan);
            return response.Task;
        }
    }
}
