package com.orderhub.ingest;

/** A partner's file that is not well-formed: rejected whole, nothing of it stored. */
public class FileRejected extends RuntimeException {

    public FileRejected(String message) {
        super(message, null, false, false);
    }
}
