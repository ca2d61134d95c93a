using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SimLoop.AspNetCore.Tests;

// Three ASP.NET Core services with a planted bug: shop retries an order's payment when payments does not answer in
// time, and payments asks the bank to charge the order. The bank keeps its ledger outside its application, as a
// database would, so charges survive its crashes. Unless the bank is idempotent (one charge per order, whatever the
// number of requests), a retry after a lost answer charges the order twice: faults from the seed find that.
internal static class Payments
{
    public const int Orders = 20;

    public static readonly TimeSpan OrderInterval = TimeSpan.FromMilliseconds(250);

    public static async Task PlaceOrders(bool idempotentBank)
    {
        var ledger = new Dictionary<int, int>();
        var net = new SimNetwork();
        net.AddHost("user", (request, token) => Task.FromResult(new HttpResponseMessage()));
        net.AddWebHost("bank", _ => { }, app => app.MapPost("/charge/{order:int}", async (int order, TimeProvider clock) =>
        {
            if (idempotentBank && ledger.ContainsKey(order))
            {
                return "charged already";
            }

            ledger[order] = ledger.GetValueOrDefault(order) + 1;
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock); // the card network confirms the charge
            return "charged";
        }));
        net.AddWebHost("payments", builder => builder.Services.AddHttpClient("bank"), app => app.MapPost("/pay/{order:int}",
            async (int order, HttpContext context, IHttpClientFactory clients) =>
            {
                using HttpResponseMessage charged = await clients.CreateClient("bank")
                    .PostAsync(new Uri($"http://bank/charge/{order}"), null, context.RequestAborted);
                return charged.IsSuccessStatusCode ? Results.Text("paid") : Results.StatusCode(StatusCodes.Status502BadGateway);
            }));
        net.AddWebHost("shop", builder => builder.Services.AddHttpClient("payments", c => c.Timeout = TimeSpan.FromMilliseconds(500)),
            app => app.MapPost("/order/{order:int}", (int order, TimeProvider clock, IHttpClientFactory clients) =>
                PayWithRetries(order, clock, clients.CreateClient("payments"))));

        new NetworkFaultPlan
        {
            Count = 4,
            Window = Orders * OrderInterval,
            Kinds = NetworkFaultKinds.Partition | NetworkFaultKinds.Crash,
            CrashableHosts = ["payments", "bank"],
        }.Apply(net);

        using HttpClient user = net.CreateClient("user", TimeSpan.FromSeconds(5));
        for (int order = 1; order <= Orders; order++)
        {
            try
            {
                using HttpResponseMessage placed = await user.PostAsync(new Uri($"http://shop/order/{order}"), null);
            }
            catch (Exception failed) when (failed is HttpRequestException or TaskCanceledException)
            {
                // The shop was out of reach: the user gives up on this order; the next one is placed as planned.
            }

            await Sim.Delay(OrderInterval);
        }

        await Sim.Delay(TimeSpan.FromSeconds(5)); // every fault has ended and every retry has finished
        foreach ((int order, int charges) in ledger.OrderBy(entry => entry.Key))
        {
            if (charges > 1)
            {
                throw new InvalidOperationException($"order {order} was charged {charges} times");
            }
        }
    }

    // Up to three attempts, 200 ms apart: the retry that is only safe if a charge is idempotent.
    private static async Task<IResult> PayWithRetries(int order, TimeProvider clock, HttpClient payments)
    {
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                using HttpResponseMessage paid = await payments.PostAsync(new Uri($"http://payments/pay/{order}"), null);
                if (paid.IsSuccessStatusCode)
                {
                    return Results.Text("ordered");
                }
            }
            catch (Exception failed) when (failed is HttpRequestException or TaskCanceledException)
            {
                // No answer in time, or payments was unreachable: try again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), clock);
        }

        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
