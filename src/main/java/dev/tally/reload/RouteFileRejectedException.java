package dev.tally.reload;

/** An edited route file that could not be loaded; the message says what runs instead, the cause why. */
class RouteFileRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    RouteFileRejectedException(String message, Exception cause) {
        super(message + ": " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String name = root.getClass().getSimpleName();
        return root.getMessage() == null ? name : name + ": " + root.getMessage();
    }
}
