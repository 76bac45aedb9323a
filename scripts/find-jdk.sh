# Sourced by ./proxima, ./run-tests and .ci/run. Sets PROXIMA_JAVA_HOME to a JDK >= 21,
# or prints what is needed and returns 1.
# Order: $JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/* (newest first; $PROXIMA_JVM_DIR
# replaces /usr/lib/jvm, for tests).
PROXIMA_MIN_JAVA=21

proxima_java_feature() {   # $1 = a java binary; prints its feature version (17, 21, 25, ...)
  # A JDK's release file says it without starting a JVM (~150 ms saved on every command).
  local release="${1%/bin/java}/release" v=""
  [ -f "$release" ] && v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release" | head -n 1)
  if [ -z "$v" ]; then
    v=$("$1" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "$v"
}

proxima_find_jdk() {
  local candidates=() c v home
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)")
    candidates+=("${c%/bin/java}")
  fi
  for c in $(ls -d "${PROXIMA_JVM_DIR:-/usr/lib/jvm}"/*/ 2>/dev/null | sort -rV); do candidates+=("${c%/}"); done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    v=$(proxima_java_feature "$home/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$PROXIMA_MIN_JAVA" ]; then
      PROXIMA_JAVA_HOME="$home"
      # Maven 3.8's own libraries use sun.misc.Unsafe; JDK 24+ warns about it on every build.
      if [ "$v" -ge 24 ]; then
        case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
      fi
      return 0
    fi
  done
  echo "proxima: needs a JDK ${PROXIMA_MIN_JAVA} or newer (java and javac); none found in \$JAVA_HOME, on PATH or under /usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk-headless, or Temurin 21+) or set JAVA_HOME." >&2
  return 1
}
