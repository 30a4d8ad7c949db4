package io.practicalsystems.crawler.testweb;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A real, authoritative DNS server for tests on 127.0.0.1 and a free port (UDP and TCP on the same port number),
 * built on dnsjava's wire format. It answers A and AAAA queries from a mutable table of name → (address, TTL);
 * a name not in the table gets NXDOMAIN, a known name asked for a type it lacks gets NOERROR with no data, both
 * with an SOA whose TTL and minimum are the negative TTL, so resolvers cache the failure. Names can be made to
 * answer SERVFAIL. It counts the queries per name so tests can assert what a cache saved.
 */
public final class TestDnsServer implements AutoCloseable {

    private record Entry(InetAddress address, int ttlSeconds) {}

    private final Map<Name, Entry> entries = new ConcurrentHashMap<>();
    private final Set<Name> failing = ConcurrentHashMap.newKeySet();
    private final Map<Name, AtomicInteger> queries = new ConcurrentHashMap<>();
    private final AtomicInteger totalQueries = new AtomicInteger();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private volatile int negativeTtlSeconds;
    private volatile boolean running = true;

    private TestDnsServer(DatagramSocket udp, ServerSocket tcp, int negativeTtlSeconds) {
        this.udp = udp;
        this.tcp = tcp;
        this.negativeTtlSeconds = negativeTtlSeconds;
        daemon("test-dns-udp", this::serveUdp).start();
        daemon("test-dns-tcp", this::serveTcp).start();
    }

    /** Starts a server on 127.0.0.1 and a free port, with the given negative TTL in seconds. */
    public static TestDnsServer start(int negativeTtlSeconds) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; ; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                ServerSocket tcp = new ServerSocket();
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()), 50);
                return new TestDnsServer(udp, tcp, negativeTtlSeconds);
            } catch (IOException portTakenForTcp) {
                udp.close();
                if (attempt == 20) {
                    throw portTakenForTcp;
                }
            }
        }
    }

    public static TestDnsServer start() throws IOException {
        return start(60);
    }

    public int port() {
        return udp.getLocalPort();
    }

    /** The server as {@code 127.0.0.1:port}, the form the crawler's DNS setting takes. */
    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), port());
    }

    /** Sets (or replaces) the name's one address; IPv4 answers A queries, IPv6 answers AAAA queries. */
    public TestDnsServer put(String host, String address, int ttlSeconds) {
        try {
            entries.put(name(host), new Entry(InetAddress.getByName(address), ttlSeconds));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an IP address: " + address, e);
        }
        failing.remove(name(host));
        return this;
    }

    public TestDnsServer remove(String host) {
        entries.remove(name(host));
        return this;
    }

    /** The name answers SERVFAIL until it is {@link #put} again (or {@code failing(host, false)}). */
    public TestDnsServer failing(String host, boolean fail) {
        if (fail) {
            failing.add(name(host));
        } else {
            failing.remove(name(host));
        }
        return this;
    }

    public void negativeTtlSeconds(int seconds) {
        this.negativeTtlSeconds = seconds;
    }

    /** Queries received for this name (any type) since the start or the last {@link #resetCounts()}. */
    public int queries(String host) {
        AtomicInteger count = queries.get(name(host));
        return count == null ? 0 : count.get();
    }

    public int totalQueries() {
        return totalQueries.get();
    }

    public void resetCounts() {
        queries.clear();
        totalQueries.set(0);
    }

    @Override
    public void close() {
        running = false;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
    }

    /** The answer to one query message; package-private so the tests can check it without a socket. */
    byte[] answer(byte[] queryBytes) throws IOException {
        Message query = new Message(queryBytes);
        Record question = query.getQuestion();
        Header header = new Header(query.getHeader().getID());
        header.setFlag(Flags.QR);
        header.setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        Message response = new Message();
        response.setHeader(header);
        if (question == null) {
            header.setRcode(Rcode.FORMERR);
            return response.toWire();
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        totalQueries.incrementAndGet();
        queries.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        if (failing.contains(name)) {
            header.setRcode(Rcode.SERVFAIL);
            return response.toWire();
        }
        Entry entry = entries.get(name);
        int type = question.getType();
        if (entry == null) {
            header.setRcode(Rcode.NXDOMAIN);
            response.addRecord(soa(), Section.AUTHORITY);
        } else if (type == Type.A && entry.address().getAddress().length == 4) {
            response.addRecord(new ARecord(name, DClass.IN, entry.ttlSeconds(), entry.address()), Section.ANSWER);
        } else if (type == Type.AAAA && entry.address().getAddress().length == 16) {
            response.addRecord(new AAAARecord(name, DClass.IN, entry.ttlSeconds(), entry.address()), Section.ANSWER);
        } else {
            response.addRecord(soa(), Section.AUTHORITY);
        }
        return response.toWire();
    }

    private SOARecord soa() {
        int ttl = negativeTtlSeconds;
        return new SOARecord(Name.root, DClass.IN, ttl, name("ns.test"), name("hostmaster.test"), 1, 3600, 600,
                86400, ttl);
    }

    private void serveUdp() {
        byte[] buffer = new byte[Message.MAXLENGTH];
        while (running) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] reply = answer(query);
                udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (IOException malformed) {
                // an unparseable datagram gets no answer, as from a real server
            }
        }
    }

    private void serveTcp() {
        while (running) {
            try {
                Socket socket = tcp.accept();
                daemon("test-dns-tcp-conn", () -> serveTcpConnection(socket)).start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveTcpConnection(Socket socket) {
        try (socket;
             DataInputStream in = new DataInputStream(socket.getInputStream());
             DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            while (running) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] reply = answer(query);
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            }
        } catch (IOException connectionEnded) {
            // the client closed the connection
        }
    }

    private static Name name(String host) {
        try {
            String lower = host.toLowerCase(Locale.ROOT);
            return Name.fromString(lower.endsWith(".") ? lower : lower + ".");
        } catch (IOException e) {
            throw new IllegalArgumentException("not a host name: " + host, e);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The names the server answers for. */
    public List<String> names() {
        return entries.keySet().stream().map(n -> n.toString(true)).sorted().toList();
    }
}
