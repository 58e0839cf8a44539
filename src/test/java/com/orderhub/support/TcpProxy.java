package com.orderhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of one of the machine's services, so a test can take it away from the hub
 * the way a network or a stopped server does: {@link #cut()} drops every connection and refuses
 * new ones; {@link #restore()} listens again on the same port. The tests of the {@code postgres}
 * profile reach PostgreSQL through {@link #DATABASE} (system property {@code orderhub.test.db-port}),
 * those of the {@code rabbitmq} profile RabbitMQ through {@link #BROKER} ({@code orderhub.test.mq-port}).
 */
public final class TcpProxy {

    public static final TcpProxy DATABASE = new TcpProxy("database", 5432, "orderhub.test.db-port");
    public static final TcpProxy BROKER = new TcpProxy("broker", 5672, "orderhub.test.mq-port");

    private final String name;
    private final int target;
    private final String portProperty;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private int port;
    private volatile ServerSocket server;

    private TcpProxy(String name, int target, String portProperty) {
        this.name = name;
        this.target = target;
        this.portProperty = portProperty;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            listen(0);
            port = server.getLocalPort();
            System.setProperty(portProperty, String.valueOf(port));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the " + name + " proxy", e);
        }
    }

    /** The port it listens on, once started. */
    public synchronized int port() {
        return port;
    }

    /** The service goes away: open connections break, new ones are refused. */
    public synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** The service is back, on the same port. */
    public synchronized void restore() throws IOException {
        if (server.isClosed()) {
            listen(port);
        }
    }

    private void listen(int at) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), at));
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), name + "-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket service = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                service.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(service);
                pump(client, service);
                pump(service, client);
            } catch (IOException closed) {
                // cut, or the JVM is ending
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                }
            } catch (IOException broken) {
                // one side went away: so does the other
            } finally {
                close(from);
                close(to);
            }
        }, name + "-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
        sockets.remove(socket);
    }
}
