using System.Net;

namespace SimLoop.Network.Tests;

// Three services with two bugs to plant: a (the shop) places orders with b (orders), which charges each at c
// (payments) and retries a charge that failed or timed out. The invariants: no order is charged twice, and every
// order a saw confirmed is in c's ledger. A non-idempotent c charges a retried order twice when the first response
// was lost; a write-behind c acknowledges charges it keeps in memory until its flusher writes them, and loses them
// when it crashes first.
internal sealed class PaymentChain
{
    public const int Orders = 40;

    // Faults while the orders flow: partitions of any link and crashes of b or c, up to 1 s each.
    public static readonly NetworkFaultPlan Faults = new()
    {
        Count = 4,
        Window = TimeSpan.FromSeconds(1),
        Kinds = NetworkFaultKinds.Partition | NetworkFaultKinds.Crash,
        CrashableHosts = ["b", "c"],
        MaxDuration = TimeSpan.FromSeconds(1),
    };

    private static readonly TimeSpan s_diskWrite = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan s_flushInterval = TimeSpan.FromMilliseconds(100);

    private readonly SimNetwork _network;
    private readonly bool _idempotent;
    private readonly bool _writeThrough;
    private readonly SortedDictionary<int, int> _ledger = []; // c's disk: charges per order, kept across crashes
    private Memory? _memory;                                   // c's memory: gone with a crash
    private HttpClient? _payments;

    private PaymentChain(SimNetwork network, bool idempotent, bool writeThrough)
    {
        _network = network;
        _idempotent = idempotent;
        _writeThrough = writeThrough;
    }

    public static Func<Task> Program(bool idempotent, bool writeThrough) => () => Run(idempotent, writeThrough);

    // Runs the chain; with lines, writes down the faults and what became of each order, for determinism checks.
    public static async Task Run(bool idempotent, bool writeThrough, List<string>? lines = null)
    {
        var network = new SimNetwork();
        var chain = new PaymentChain(network, idempotent, writeThrough);
        network.AddHost("a", Hosts.NotFound);
        network.AddHost("b", chain.PlaceOrder);
        network.AddHost("c", chain.Charge);
        chain._payments = network.CreateClient("b", TimeSpan.FromMilliseconds(300));
        IReadOnlyList<NetworkFault> faults = Faults.Apply(network);
        lines?.AddRange(faults.Select(static fault => fault.ToString()));

        using HttpClient shop = network.CreateClient("a", TimeSpan.FromSeconds(3));
        var confirmed = new List<int>();
        for (int order = 1; order <= Orders; order++)
        {
            try
            {
                using HttpResponseMessage response = await shop.PostAsync(new Uri($"http://b/order/{order}"), null);
                if (response.IsSuccessStatusCode)
                {
                    confirmed.Add(order);
                }

                lines?.Add($"{Hosts.At()} order {order}: {(int)response.StatusCode}");
            }
            catch (Exception failed) when (failed is HttpRequestException or TaskCanceledException)
            {
                // Not confirmed: a may not count on it, and the shop moves on.
                lines?.Add($"{Hosts.At()} order {order}: {failed.GetType().Name}");
            }

            await Sim.Delay(TimeSpan.FromMilliseconds(40));
        }

        await Sim.Delay(TimeSpan.FromSeconds(5)); // every fault over, every flush done
        chain._payments.Dispose();
        chain.Check(confirmed);
    }

    private void Check(List<int> confirmed)
    {
        foreach ((int order, int charges) in _ledger)
        {
            if (charges > 1)
            {
                throw new InvalidOperationException($"order {order} was charged {charges} times");
            }
        }

        foreach (int order in confirmed)
        {
            if (!_ledger.ContainsKey(order))
            {
                throw new InvalidOperationException($"order {order} was confirmed to a, but c's ledger has no charge for it");
            }
        }

        if (confirmed.Count == 0)
        {
            throw new InvalidOperationException("no order was confirmed: the chain never worked, so it checked nothing");
        }
    }

    // b: charge the order at c, retrying a charge that failed or timed out, with a growing pause.
    private async Task<HttpResponseMessage> PlaceOrder(HttpRequestMessage request, CancellationToken token)
    {
        string order = request.RequestUri!.Segments[^1];
        for (int attempt = 1; attempt <= 4; attempt++)
        {
            try
            {
                using HttpResponseMessage charged = await _payments!.PostAsync(new Uri($"http://c/charge/{order}"), null, token);
                if (charged.IsSuccessStatusCode)
                {
                    return Hosts.Text("ordered");
                }
            }
            catch (Exception failed) when (failed is HttpRequestException || (failed is TaskCanceledException && !token.IsCancellationRequested))
            {
                // c is down or unreachable, or the charge timed out: try again.
            }

            await Sim.Delay(TimeSpan.FromMilliseconds(100 * attempt), token);
        }

        return Hosts.Text("payments unavailable", HttpStatusCode.ServiceUnavailable);
    }

    // c: record the charge, on disk before answering (write-through) or in memory for the flusher (write-behind).
    private async Task<HttpResponseMessage> Charge(HttpRequestMessage request, CancellationToken token)
    {
        int order = int.Parse(request.RequestUri!.Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        if (_writeThrough)
        {
            await Sim.Delay(s_diskWrite, token);
            if (!_idempotent || !_ledger.ContainsKey(order))
            {
                Write(order);
            }

            return Hosts.Text("charged");
        }

        Memory memory = CurrentMemory();
        if (!_idempotent || !(_ledger.ContainsKey(order) || memory.Pending.Contains(order)))
        {
            memory.Pending.Add(order);
        }

        return Hosts.Text("charged");
    }

    private void Write(int order) => _ledger[order] = _ledger.GetValueOrDefault(order) + 1;

    // c's memory since its last start: after a crash its flusher is cancelled, and the next request starts afresh.
    private Memory CurrentMemory()
    {
        if (_memory is { Flusher.IsCompleted: false })
        {
            return _memory;
        }

        var memory = new Memory();
        memory.Flusher = _network.Spawn("c", token => Flush(memory, token), "flusher");
        return _memory = memory;
    }

    private async Task Flush(Memory memory, CancellationToken token)
    {
        while (true)
        {
            await Sim.Delay(s_flushInterval, token);
            foreach (int order in memory.Pending)
            {
                Write(order);
            }

            memory.Pending.Clear();
        }
    }

    private sealed class Memory
    {
        public List<int> Pending { get; } = [];

        public SimTask? Flusher { get; set; }
    }
}
