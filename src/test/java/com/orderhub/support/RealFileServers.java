package com.orderhub.support;

import static org.awaitility.Awaitility.await;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Assumptions;
import org.springframework.util.FileSystemUtils;

/**
 * The servers an ERP runs: OpenSSH's sshd (SFTP) and vsftpd (FTP) from the machine's packages, each
 * started on a free port of 127.0.0.1 with a config, host key and log of its own (the system's
 * services stay off), for the local user {@value #USER} (created when missing, which needs root).
 * A run works in its own folder of that user's home, so what the hub and the uploads see there is
 * what an ERP's server would show them; the test reads and checks the folder on the disk.
 */
public final class RealFileServers implements AutoCloseable {

    public static final String USER = "orderhub-erp";
    /** Set at every start: vsftpd checks the user's password through PAM. */
    public static final String PASSWORD = "erp-secret";

    private final String run = "run-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path home;
    private final Path own;
    private final List<Process> servers = new ArrayList<>();
    private int sftpPort;
    private int ftpPort;

    private RealFileServers(Path home, Path own) {
        this.home = home;
        this.own = own;
    }

    /**
     * Starts both servers; their configs, keys and logs go under {@code own} (kept for whoever reads
     * why a run failed). Skipped where they cannot run (no packages, not root), failed in CI, where
     * {@code .ci/run} installs them.
     */
    public static RealFileServers start(Path own) throws Exception {
        boolean canRun = Files.isExecutable(Path.of("/usr/sbin/sshd")) && Files.isExecutable(Path.of("/usr/sbin/vsftpd"))
                && "root".equals(System.getProperty("user.name"));
        if (!canRun && System.getenv("CI") == null) {
            Assumptions.abort("needs openssh-server, vsftpd and root (to add the ERP's local user)");
        }
        if (!canRun) {
            throw new IllegalStateException("CI needs /usr/sbin/sshd, /usr/sbin/vsftpd and root: see .ci/run");
        }
        if (run("id", USER) != 0) {
            must("useradd", "--create-home", "--shell", "/bin/sh", USER);
        }
        must("sh", "-c", "echo '" + USER + ":" + PASSWORD + "' | chpasswd");
        Path home = Path.of("/home", USER);
        RealFileServers servers = new RealFileServers(home, Files.createDirectories(own.toAbsolutePath()));
        try {
            servers.startSshd();
            servers.startVsftpd();
        } catch (Exception | Error e) {
            servers.close();
            throw e;
        }
        return servers;
    }

    private void startSshd() throws Exception {
        sftpPort = HubProcess.freePort();
        must("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", own.resolve("host_key").toString());
        // PEM RSA: the key format every SSH client of an ERP integrator reads
        must("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-m", "PEM", "-N", "", "-f", clientKey().toString());
        // sshd reads the authorized keys as the user, so they live in the user's folder
        Path authorized = folder(".ssh-authorized").resolve("keys");
        Files.copy(Path.of(clientKey() + ".pub"), authorized);
        must("chmod", "-R", "a+rX", authorized.getParent().toString());
        Files.createDirectories(Path.of("/run/sshd"));
        Path config = own.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + sftpPort,
                "ListenAddress 127.0.0.1",
                "HostKey " + own.resolve("host_key"),
                "PidFile " + own.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorized,
                "StrictModes no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "PermitRootLogin no",
                "AllowUsers " + USER,
                "Subsystem sftp internal-sftp",
                "LogLevel VERBOSE", ""));
        servers.add(launch(own.resolve("sshd.log"), "/usr/sbin/sshd", "-D", "-e", "-f", config.toString()));
        awaitListening(sftpPort);
    }

    private void startVsftpd() throws Exception {
        ftpPort = HubProcess.freePort();
        int passive = freeRange(20);
        Path empty = Files.createDirectories(own.resolve("vsftpd-empty"));
        Path config = own.resolve("vsftpd.conf");
        Files.writeString(config, String.join("\n",
                "listen=YES",
                "listen_ipv6=NO",
                "listen_address=127.0.0.1",
                "listen_port=" + ftpPort,
                "background=NO",
                "anonymous_enable=NO",
                "local_enable=YES",
                "write_enable=YES",
                "local_umask=022",
                "pasv_enable=YES",
                "pasv_address=127.0.0.1",
                "pasv_min_port=" + passive,
                "pasv_max_port=" + (passive + 19),
                "seccomp_sandbox=NO",
                // vsftpd's default lock makes a download wait for the upload: an ERP's FTP server
                // (and this hub) cannot count on it
                "lock_upload_files=NO",
                "pam_service_name=vsftpd",
                "secure_chroot_dir=" + empty,
                "xferlog_enable=YES",
                "log_ftp_protocol=YES",
                "vsftpd_log_file=" + own.resolve("vsftpd.log"), ""));
        servers.add(launch(own.resolve("vsftpd.out"), "/usr/sbin/vsftpd", config.toString()));
        awaitListening(ftpPort);
    }

    public int sftpPort() {
        return sftpPort;
    }

    public int ftpPort() {
        return ftpPort;
    }

    /** The private key the user logs in with over SFTP (the ERP's and the hub's). */
    public Path clientKey() {
        return own.resolve("erp_key");
    }

    /** A known-hosts file that pins this sshd's host key, as a partner's production configuration does. */
    public Path knownHosts() throws IOException {
        String[] hostKey = Files.readString(own.resolve("host_key.pub")).trim().split(" ");
        Path knownHosts = own.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + sftpPort + " " + hostKey[0] + " " + hostKey[1] + "\n");
        return knownHosts;
    }

    /** A known-hosts file with another server's key for this address: what a hub sees of an impostor. */
    public Path otherKnownHosts() throws IOException {
        Path other = own.resolve("other_host_key");
        must("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString());
        String[] hostKey = Files.readString(Path.of(other + ".pub")).trim().split(" ");
        Path knownHosts = own.resolve("other_known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + sftpPort + " " + hostKey[0] + " " + hostKey[1] + "\n");
        return knownHosts;
    }

    /** A folder of this run in the user's home, the user's own; its path on the servers is {@link #path}. */
    public Path folder(String name) throws IOException {
        Path folder = Files.createDirectories(home.resolve(run).resolve(name));
        must("chown", "-R", USER + ":" + USER, home.resolve(run).toString());
        return folder;
    }

    /** The folder's path as both servers name it: relative to the user's home, where a login starts. */
    public String path(String name) {
        return run + "/" + name;
    }

    /**
     * Uploads {@code content} over SFTP under its final name in {@code parts} writes, pausing
     * {@code pause} after each but the last, the way a slow link delivers it; returns once the
     * server has the whole file. After the first part the test waits until the server's file holds
     * exactly that part, so the hub has had the half-written file to look at.
     */
    public void sftpUpload(String folder, String name, byte[] content, int parts, Duration pause) throws Exception {
        Session session = sftpSession();
        try {
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(10_000);
            try (OutputStream out = sftp.put(path(folder) + "/" + name, ChannelSftp.OVERWRITE)) {
                writeSlowly(out, folder(folder).resolve(name), content, parts, pause);
            }
            sftp.disconnect();
        } finally {
            session.disconnect();
        }
    }

    /** Renames a file over SFTP, as an ERP that uploads under a temporary name finishes. */
    public void sftpRename(String folder, String from, String to) throws Exception {
        Session session = sftpSession();
        try {
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(10_000);
            sftp.rename(path(folder) + "/" + from, path(folder) + "/" + to);
            sftp.disconnect();
        } finally {
            session.disconnect();
        }
    }

    /** Like {@link #sftpUpload}, over FTP (passive, binary). */
    public void ftpUpload(String folder, String name, byte[] content, int parts, Duration pause) throws Exception {
        FTPClient ftp = new FTPClient();
        ftp.connect("127.0.0.1", ftpPort);
        try {
            if (!ftp.login(USER, PASSWORD)) {
                throw new IllegalStateException("vsftpd refused the login: " + ftp.getReplyString());
            }
            ftp.enterLocalPassiveMode();
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
            try (OutputStream out = ftp.storeFileStream(path(folder) + "/" + name)) {
                if (out == null) {
                    throw new IllegalStateException("vsftpd refused the upload: " + ftp.getReplyString());
                }
                writeSlowly(out, folder(folder).resolve(name), content, parts, pause);
            }
            if (!ftp.completePendingCommand()) {
                throw new IllegalStateException("the upload did not complete: " + ftp.getReplyString());
            }
            ftp.logout();
        } finally {
            ftp.disconnect();
        }
    }

    private static void writeSlowly(OutputStream out, Path onServer, byte[] content, int parts, Duration pause)
            throws IOException, InterruptedException {
        int size = content.length / parts;
        for (int part = 0; part < parts; part++) {
            int from = part * size;
            int to = part == parts - 1 ? content.length : from + size;
            out.write(Arrays.copyOfRange(content, from, to));
            out.flush();
            if (part == 0) {
                await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(onServer) && Files.size(onServer) == to);
            }
            if (part < parts - 1) {
                // the slow link itself, not a wait for the hub
                Thread.sleep(pause.toMillis());
            }
        }
    }

    private Session sftpSession() throws JSchException {
        JSch jsch = new JSch();
        jsch.addIdentity(clientKey().toString());
        Session session = jsch.getSession(USER, "127.0.0.1", sftpPort);
        session.setConfig("StrictHostKeyChecking", "no");
        session.connect(10_000);
        return session;
    }

    @Override
    public void close() throws Exception {
        for (Process server : servers) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        FileSystemUtils.deleteRecursively(home.resolve(run));
    }

    private static Process launch(Path log, String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitListening(int port) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The first of {@code count} consecutive free ports, for vsftpd's passive data connections. */
    private static int freeRange(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 60_000 - count);
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports for vsftpd");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }

    private static void must(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
