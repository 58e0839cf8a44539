package com.orderhub.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The ERP side of the file tests, inside the test JVM: an SFTP server (Apache MINA SSHD) that
 * takes user {@code erp} with a password and user {@code erpkey} with a public key, both on the
 * same folder, and an FTP server (Apache FtpServer) for user {@code erp}. Started once per JVM;
 * their ports and the client's private key are system properties the test configuration reads.
 */
public final class FileServers {

    private static Path sftpRoot;
    private static Path ftpRoot;

    private FileServers() {
    }

    public static synchronized void start(Path base) {
        if (sftpRoot != null) {
            return;
        }
        try {
            sftpRoot = Files.createDirectories(base.resolve("sftp-server").toAbsolutePath());
            ftpRoot = Files.createDirectories(base.resolve("ftp-server").toAbsolutePath());
            Files.createDirectories(sftpRoot.resolve("keyinbox"));
            Files.createDirectories(sftpRoot.resolve("keyresults"));
            for (Path root : List.of(sftpRoot, ftpRoot)) {
                Files.createDirectories(root.resolve("inbox"));
                Files.createDirectories(root.resolve("results"));
            }
            KeyPair client = KeyPairGenerator.getInstance("RSA").generateKeyPair();
            Path privateKey = base.resolve("erpkey").toAbsolutePath();
            try (OutputStream out = Files.newOutputStream(privateKey)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(client, "erpkey", null, out);
            }
            SshServer sftp = SshServer.setUpDefaultServer();
            sftp.setHost("127.0.0.1");
            sftp.setPort(0);
            sftp.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(base.resolve("host-key").toAbsolutePath()));
            sftp.setPasswordAuthenticator((user, password, session) -> user.equals("erp") && password.equals("secret"));
            PublicKey allowed = client.getPublic();
            sftp.setPublickeyAuthenticator((user, key, session) -> user.equals("erpkey") && KeyUtils.compareKeys(key, allowed));
            sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            sftp.setFileSystemFactory(new VirtualFileSystemFactory(sftpRoot));
            sftp.start();

            int ftpPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                ftpPort = socket.getLocalPort();
            }
            FtpServerFactory ftpFactory = new FtpServerFactory();
            ListenerFactory listener = new ListenerFactory();
            listener.setServerAddress("127.0.0.1");
            listener.setPort(ftpPort);
            ftpFactory.addListener("default", listener.createListener());
            var users = new PropertiesUserManagerFactory().createUserManager();
            BaseUser erp = new BaseUser();
            erp.setName("erp");
            erp.setPassword("secret");
            erp.setHomeDirectory(ftpRoot.toString());
            erp.setAuthorities(List.of(new WritePermission()));
            users.save(erp);
            ftpFactory.setUserManager(users);
            FtpServer ftp = ftpFactory.createServer();
            ftp.start();

            System.setProperty("orderhub.test.sftp-port", String.valueOf(sftp.getPort()));
            System.setProperty("orderhub.test.ftp-port", String.valueOf(ftpPort));
            System.setProperty("orderhub.test.sftp-key", privateKey.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ftp.stop();
                try {
                    sftp.stop(true);
                } catch (IOException e) {
                    // the JVM is going away anyway
                }
            }));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test SFTP/FTP servers", e);
        }
    }

    public static Path sftpRoot() {
        return sftpRoot;
    }

    public static Path ftpRoot() {
        return ftpRoot;
    }

}
