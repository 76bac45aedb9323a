package io.proxima.health.engine;

/** How a service combines its required checks: all must be UP, any one, or at least N. */
public sealed interface Combine {

    /** How many required checks must be UP, out of {@code required}. */
    int needed(int required);

    record All() implements Combine {
        public int needed(int required) {
            return required;
        }
    }

    record Any() implements Combine {
        public int needed(int required) {
            return 1;
        }
    }

    record Quorum(int n) implements Combine {
        public Quorum {
            if (n < 1) throw new IllegalArgumentException("quorum must be at least 1, not " + n);
        }

        public int needed(int required) {
            return n;
        }
    }
}
