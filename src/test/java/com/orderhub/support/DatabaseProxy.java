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
 * A TCP proxy in front of the machine's PostgreSQL for the tests of the {@code postgres} profile
 * (its port is system property {@code orderhub.test.db-port}), so a test can take the database
 * away the way a network or a stopped server does: {@link #cut()} drops every connection and
 * refuses new ones; {@link #restore()} listens again on the same port.
 */
public final class DatabaseProxy {

    private static final int POSTGRES = 5432;
    private static final Set<Socket> SOCKETS = ConcurrentHashMap.newKeySet();
    private static int port;
    private static volatile ServerSocket server;

    private DatabaseProxy() {
    }

    public static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            listen(0);
            port = server.getLocalPort();
            System.setProperty("orderhub.test.db-port", String.valueOf(port));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the database proxy", e);
        }
    }

    /** The database goes away: open connections break, new ones are refused. */
    public static synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : SOCKETS) {
            socket.close();
        }
        SOCKETS.clear();
    }

    /** The database is back, on the same port. */
    public static synchronized void restore() throws IOException {
        if (server.isClosed()) {
            listen(port);
        }
    }

    private static void listen(int at) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), at));
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "database-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket database = new Socket(InetAddress.getLoopbackAddress(), POSTGRES);
                client.setTcpNoDelay(true);
                database.setTcpNoDelay(true);
                SOCKETS.add(client);
                SOCKETS.add(database);
                pump(client, database);
                pump(database, client);
            } catch (IOException closed) {
                // cut, or the JVM is ending
            }
        }
    }

    private static void pump(Socket from, Socket to) {
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
        }, "database-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
        SOCKETS.remove(socket);
    }
}
