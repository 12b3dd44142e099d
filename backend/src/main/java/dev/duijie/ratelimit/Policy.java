package dev.duijie.ratelimit;

/** The two budgets a caller has; a request is charged to exactly one. Names as they appear in the headers. */
enum Policy {
    GENERAL("general"),
    EXPENSIVE("expensive");

    private final String headerName;

    Policy(String headerName) {
        this.headerName = headerName;
    }

    String headerName() {
        return headerName;
    }
}
