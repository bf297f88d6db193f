using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace DonDoc.Tests.Features.Notifications;

/// <summary>A real SMTP server on a loopback port of its own, which can be stopped and started again on the same port.</summary>
internal sealed class LoopbackSmtp : IDisposable
{
    // The server's own list is not safe to read while it takes mail, so each message is copied as it arrives.
    private readonly List<MimeMessage> _received = [];
    private SimpleSmtpServer? _server;

    public LoopbackSmtp()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    public void Start()
    {
        _server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(Port).Build();
        _server.MessageReceived += (_, e) =>
        {
            var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(e.Message.Data)));
            lock (_received)
                _received.Add(message);
        };
    }

    /// <summary>Every message taken by the server, across its restarts.</summary>
    public List<MimeMessage> Received
    {
        get
        {
            lock (_received)
                return [.. _received];
        }
    }

    public void Stop()
    {
        _server?.Stop();
        _server?.Dispose();
        _server = null;
    }

    public Dictionary<string, string?> Settings(double pollSeconds = 0.1) => new()
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:UseTls"] = "None",
        ["Email:From"] = "DonDoc UBND tỉnh Nghệ An <dondoc@nghean.gov.vn>",
        ["Email:BaseUrl"] = "https://dondoc.nghean.gov.vn",
        ["Email:PollSeconds"] = pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public void Dispose() => Stop();
}
