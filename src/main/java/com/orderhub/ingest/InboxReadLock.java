package com.orderhub.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.remote.strategy.FtpChangedExclusiveReadLockStrategy;
import org.apache.camel.component.file.remote.strategy.SftpChangedExclusiveReadLockStrategy;
import org.apache.camel.component.file.strategy.FileChangedExclusiveReadLockStrategy;

/**
 * When a file of a partner's inbox may be taken: once its size and modification time have not
 * changed between two looks {@code stableFor} apart (Camel's {@code changed} read lock of the
 * inbox's kind, without a minimum age, which would accept a file on its age alone), and once
 * this instance holds its lease ({@link InboxLeases}), so one instance at a time reads it. A file
 * that is still changing when {@code timeout} runs out, or that another instance holds, is left
 * where it is for a later poll. Used by the file-ingest routes as their
 * {@code exclusiveReadLockStrategy}, one per partner.
 */
public final class InboxReadLock<T> implements GenericFileExclusiveReadLockStrategy<T> {

    private final String partner;
    private final InboxLeases leases;
    private final GenericFileExclusiveReadLockStrategy<T> changed;

    private InboxReadLock(String partner, InboxLeases leases, GenericFileExclusiveReadLockStrategy<T> changed,
            long stableForMs, long timeoutMs) {
        this.partner = partner;
        this.leases = leases;
        this.changed = changed;
        changed.setCheckInterval(stableForMs);
        changed.setTimeout(timeoutMs);
        // the lease is the lock: no marker files beside the ERP's
        changed.setMarkerFiler(false);
        changed.setDeleteOrphanLockFiles(false);
        changed.setReadLockLoggingLevel(LoggingLevel.DEBUG);
    }

    /** The read lock for an inbox of this URI's kind: {@code sftp:}, {@code ftp:}/{@code ftps:} or {@code file:}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static InboxReadLock<?> forInbox(String partner, String inboxUri, InboxLeases leases, long stableForMs,
            long timeoutMs) {
        String scheme = inboxUri.substring(0, Math.max(0, inboxUri.indexOf(':')));
        GenericFileExclusiveReadLockStrategy changed = switch (scheme) {
            case "sftp" -> new SftpChangedExclusiveReadLockStrategy();
            case "ftp", "ftps" -> new FtpChangedExclusiveReadLockStrategy();
            case "file" -> new FileChangedExclusiveReadLockStrategy();
            default -> throw new IllegalStateException("orderhub.partners." + partner
                    + ".inbox-uri: an inbox is a file:, sftp:, ftp: or ftps: endpoint, not " + scheme + ":");
        };
        return new InboxReadLock<>(partner, leases, changed, stableForMs, timeoutMs);
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint) throws Exception {
        changed.prepareOnStartup(operations, endpoint);
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<T> operations, GenericFile<T> file, Exchange exchange)
            throws Exception {
        if (!leases.take(partner, file.getRelativeFilePath())) {
            return false;
        }
        boolean complete = false;
        try {
            complete = changed.acquireExclusiveReadLock(operations, file, exchange);
        } finally {
            if (!complete) {
                leases.release(partner, file.getRelativeFilePath());
            }
        }
        return complete;
    }

    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations<T> operations, GenericFile<T> file,
            Exchange exchange) throws Exception {
        leases.release(partner, file.getRelativeFilePath());
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations<T> operations, GenericFile<T> file,
            Exchange exchange) throws Exception {
        leases.release(partner, file.getRelativeFilePath());
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<T> operations, GenericFile<T> file,
            Exchange exchange) throws Exception {
        leases.release(partner, file.getRelativeFilePath());
    }

    // set from the partner's settings in the constructor; the endpoint's readLock* options do not apply
    @Override
    public void setTimeout(long timeout) {
    }

    @Override
    public void setCheckInterval(long checkInterval) {
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel readLockLoggingLevel) {
    }

    @Override
    public void setMarkerFiler(boolean markerFile) {
    }

    @Override
    public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
    }
}
