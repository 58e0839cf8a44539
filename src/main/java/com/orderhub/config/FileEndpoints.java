package com.orderhub.config;

/** Where the hub writes files for ERPs (results, exports): a Camel file, SFTP or FTP endpoint. */
public final class FileEndpoints {

    private FileEndpoints() {
    }

    /** The endpoint writing {@code name} under {@code <name>.part} first and renaming it when complete. */
    public static String writingAsPart(String uri, String name) {
        return uri + (uri.contains("?") ? "&" : "?") + "tempFileName=" + name + ".part";
    }
}
