using Microsoft.AspNetCore.Builder;

namespace SimLoop.AspNetCore.Tests;

// Bad input fails at the call, naming the argument, before any application is started.
public class BadInputTests
{
    private static void InSimulation(Action<SimNetwork> body) =>
        new Simulation().Run(() =>
        {
            body(new SimNetwork());
            return Task.CompletedTask;
        });

    [Test]
    public void AddWebHost_NullArguments_ThrowNamingTheArgument()
    {
        var names = new List<string?>();
        InSimulation(net =>
        {
            names.Add(Assert.Throws<ArgumentNullException>(() => SimNetworkWebHostExtensions.AddWebHost(null!, "b", _ => { }, _ => { })).ParamName);
            names.Add(Assert.Throws<ArgumentNullException>(() => net.AddWebHost(null!, _ => { }, _ => { })).ParamName);
            names.Add(Assert.Throws<ArgumentNullException>(() => net.AddWebHost("b", null!, _ => { })).ParamName);
            names.Add(Assert.Throws<ArgumentNullException>(() => net.AddWebHost("b", _ => { }, null!)).ParamName);
        });

        Assert.That(names, Is.EqualTo(new[] { "network", "name", "configure", "map" }));
    }

    [TestCase("")]
    [TestCase("not a host")]
    public void AddWebHost_NameAUrlCannotCarry_ThrowsArgumentException(string name)
    {
        ArgumentException? error = null;
        InSimulation(net => error = Assert.Throws<ArgumentException>(() => net.AddWebHost(name, _ => { }, _ => { })));

        Assert.That(error?.ParamName, Is.EqualTo("name"));
    }

    [Test]
    public void AddWebHost_DuplicateName_ThrowsAndLeavesTheFirstHostServing()
    {
        ArgumentException? error = null;
        string? body = null;
        new Simulation().Run(async () =>
        {
            var net = new SimNetwork();
            net.AddHost("a", (request, token) => Task.FromResult(new HttpResponseMessage()));
            net.AddWebHost("b", _ => { }, app => app.MapGet("/", () => "first"));
            error = Assert.Throws<ArgumentException>(() => net.AddWebHost("B", _ => { }, app => app.MapGet("/", () => "second")));
            using HttpClient client = net.CreateClient("a");
            body = await client.GetStringAsync(new Uri("http://b/"));
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error?.ParamName, Is.EqualTo("name"));
            Assert.That(error?.Message, Does.Contain("already has a host named \"B\""));
            Assert.That(body, Is.EqualTo("first"));
        }
    }

    [Test]
    public void AddWebHost_ConfigureThrows_TheCallThrowsItAndNoHostIsAdded()
    {
        string? error = null;
        string? second = null;
        new Simulation().Run(() =>
        {
            var net = new SimNetwork();
            error = Assert.Throws<InvalidOperationException>(() =>
                net.AddWebHost("b", _ => throw new InvalidOperationException("bad configuration"), _ => { })).Message;
            second = net.AddWebHost("b", _ => { }, _ => { }).Name;
            return Task.CompletedTask;
        });

        Assert.That((error, second), Is.EqualTo(("bad configuration", "b")));
    }

    [Test]
    public void AddWebHost_OutsideTheNetworksSimulation_ThrowsInvalidOperation()
    {
        SimNetwork? net = null;
        new Simulation().Run(() =>
        {
            net = new SimNetwork();
            return Task.CompletedTask;
        });

        Assert.Throws<InvalidOperationException>(() => net!.AddWebHost("b", _ => { }, _ => { }));
    }
}
