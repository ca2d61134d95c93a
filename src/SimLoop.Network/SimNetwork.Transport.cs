using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SimLoop;

// How a request travels: sent by the caller's task, delivered by a sim.At action after a latency, served by a
// handler task of its own, answered by a response that travels back the same way. Every message is an action on
// the loop at a virtual time drawn from the seed; nothing here waits on anything but the loop.
public sealed partial class SimNetwork
{
    // In-flight exchanges in the order they were sent: a crash walks them in that order on every run.
    private readonly List<Exchange> _inFlight = [];
    private long _exchanges;

    internal Task<HttpResponseMessage> Send(Host from, TimeSpan timeout, HttpRequestMessage request, CancellationToken token)
    {
        CheckSimulation();
        Uri? uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return Task.FromException<HttpResponseMessage>(new HttpRequestException(
                $"The simulated network carries absolute http:// and https:// URLs only, such as http://b/path; the request {request.Method} {uri} from {from.Name} had none."));
        }

        if (!_hosts.TryGetValue(uri.Host, out Host? to))
        {
            return Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.NameResolutionError,
                $"No such host is known: the simulated network has no host \"{uri.Host}\" ({request.Method} {uri} from {from.Name}); add it with AddHost."));
        }

        if (token.IsCancellationRequested)
        {
            return Task.FromCanceled<HttpResponseMessage>(token);
        }

        if (from.IsDown)
        {
            return Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError,
                $"Host {from.Name} is crashed: it cannot send {request.Method} {uri}."));
        }

        if (to.IsDown)
        {
            return Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError,
                $"Connection refused: host {to.Name} is crashed ({request.Method} {uri} from {from.Name})."));
        }

        var exchange = new Exchange(++_exchanges, from, to, request, Sim.CurrentTask);
        _inFlight.Add(exchange);
        Watch(exchange, timeout, token);
        if (!exchange.IsDone)
        {
            Transmit(from, to, () => Arrive(exchange));
        }

        return exchange.Reply.Task;
    }

    // Everything that aborts a request from the caller's side: the token HttpClient passes down (the caller's own,
    // linked with HttpClient's), the client's timeout, and the cancellation of the task that sent it (so a cancelled
    // task never stays blocked in a request that passed no token).
    private void Watch(Exchange exchange, TimeSpan timeout, CancellationToken token)
    {
        if (token.CanBeCanceled)
        {
            exchange.Add(token.Register(() => Abort(exchange, CallerReason(exchange), timedOut: false, token)));
        }

        if (exchange.Caller is { } caller)
        {
            exchange.Add(caller.CancellationToken.Register(() => Abort(exchange, CallerReason(exchange), timedOut: false, token)));
        }

        if (timeout != System.Threading.Timeout.InfiniteTimeSpan && !exchange.IsDone)
        {
            exchange.Timeout = timeout;
            exchange.TimeoutSource = new CancellationTokenSource(timeout, _simulation.Clock);
            exchange.Add(exchange.TimeoutSource.Token.Register(() =>
                Abort(exchange, $"{exchange.From.Name}'s timeout of {TimeFormat.Duration(timeout)}", timedOut: true, token)));
        }
    }

    private static string CallerReason(Exchange exchange) =>
        exchange.Caller is { CancellationToken.IsCancellationRequested: true, CancellationCause: { } cause }
            ? cause.ToString()
            : "its cancellation token was cancelled";

    // Sends one message from x to y: it arrives after a latency drawn from the seed, unless the link is cut when it
    // is sent or when it would arrive.
    private void Transmit(Host x, Host y, Action arrive)
    {
        if (IsCut(x, y))
        {
            return;
        }

        TimeSpan latency = DrawLatency() + ExtraLatency(x, y);
        _simulation.At(_simulation.Elapsed + latency, () =>
        {
            if (!IsCut(x, y))
            {
                arrive();
            }
        });
    }

    private TimeSpan DrawLatency()
    {
        long min = Options.MinLatency.Ticks;
        long max = Options.MaxLatency.Ticks;
        return TimeSpan.FromTicks(min == max ? min : Sim.Random.NextInt64(min, max + 1));
    }

    private void Arrive(Exchange exchange)
    {
        if (exchange.IsDone)
        {
            return; // the caller gave up, or a host crashed, while the request travelled
        }

        Host to = exchange.To;
        string name = $"{to.Name}: {exchange.Request.Method} {exchange.Request.RequestUri!.PathAndQuery}";
        SimTask handler = _simulation.Spawn(() => Serve(exchange), name);
        exchange.HandlerTask = handler;
        to.AddHandlerTask(handler);
    }

    // The body of a handler task: the server's side of one exchange.
    private async Task Serve(Exchange exchange)
    {
        CancellationToken token = Sim.CurrentTask!.CancellationToken;
        HttpResponseMessage response;
        using (HttpRequestMessage request = await WireCopy.RequestAsync(exchange.Request, token))
        {
            try
            {
                response = await exchange.To.Handler(request, token)
                    ?? throw new InvalidOperationException($"The handler of host {exchange.To.Name} returned no response.");
            }
            catch (Exception error) when (error is not OperationCanceledException || !token.IsCancellationRequested)
            {
                response = new HttpResponseMessage(HttpStatusCode.InternalServerError)
                {
                    Content = new StringContent($"{error.GetType().FullName}: {error.Message}"),
                };
            }
        }

        HttpResponseMessage wire;
        using (response)
        {
            wire = await WireCopy.ResponseAsync(response, token);
        }

        if (exchange.IsDone)
        {
            wire.Dispose(); // nobody waits for it: the caller gave up or a host crashed
            return;
        }

        Transmit(exchange.To, exchange.From, () =>
        {
            if (!exchange.End())
            {
                wire.Dispose();
                return;
            }

            _inFlight.Remove(exchange);
            wire.RequestMessage = exchange.Request;
            Complete(exchange, reply => reply.TrySetResult(wire));
        });
    }

    // The caller gives up on a request: it sees the cancellation at once, and the abort travels to the server, where
    // it cancels the handler task if the request got there and the handler still runs.
    private void Abort(Exchange exchange, string reason, bool timedOut, CancellationToken token)
    {
        if (!exchange.End())
        {
            return;
        }

        _inFlight.Remove(exchange);
        TimeSpan at = _simulation.Elapsed;
        string message = $"The request {exchange.Description} was aborted at {TimeFormat.Instant(at)}: {reason}.";
        Exception failure = timedOut
            ? new TaskCanceledException(message, new TimeoutException(message))
            : new TaskCanceledException(message, null, token);
        Complete(exchange, reply => reply.TrySetException(failure));
        SendAbort(exchange, $"the request {exchange.Description} was aborted at {TimeFormat.Instant(at)}: {reason}");
    }

    private void SendAbort(Exchange exchange, string reason)
    {
        if (exchange.To.IsDown)
        {
            return;
        }

        Transmit(exchange.From, exchange.To, () => exchange.HandlerTask?.Cancel(reason));
    }

    private void CrashExchanges(Host crashed)
    {
        string reason = $"host {crashed.Name} crashed";
        foreach (Exchange exchange in _inFlight.ToArray())
        {
            if (ReferenceEquals(exchange.To, crashed) || ReferenceEquals(exchange.From, crashed))
            {
                exchange.End();
                _inFlight.Remove(exchange);
                var failure = new HttpRequestException(HttpRequestError.ConnectionError,
                    $"The request {exchange.Description} failed at {TimeFormat.Instant(_simulation.Elapsed)}: {reason}.");
                Complete(exchange, reply => reply.TrySetException(failure));
                if (!ReferenceEquals(exchange.To, crashed))
                {
                    SendAbort(exchange, $"the request {exchange.Description} was aborted at {TimeFormat.Instant(_simulation.Elapsed)}: {reason}");
                }
            }
        }

        foreach (SimTask handler in crashed.TakeRunningHandlers())
        {
            handler.Cancel(reason);
        }
    }

    // Completes the caller's reply with no SynchronizationContext current, as the loop fires timers: HttpClient's own
    // ConfigureAwait(false) continuation then runs inline on the loop, and the caller's await is posted to its task.
    private static void Complete(Exchange exchange, Action<TaskCompletionSource<HttpResponseMessage>> complete)
    {
        SynchronizationContext? context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            complete(exchange.Reply);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
