# shellcheck shell=bash
# Helpers every part uses, the JDK and the distributions fetched with Maven. Sourced by duijie, whose settings
# it reads.

# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------
say() { printf '==> %s\n' "$*"; }

# The start of a run that may start servers: its clock, the EXIT trap that stops what it started (Ctrl-C and
# kill become a normal exit, so that trap runs), and the JDK and tools it needs.
begin_run() { # the function to call on exit
  SECONDS=0
  # shellcheck disable=SC2064 # the name is meant to be expanded now, once
  trap "$1" EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  pick_jdk
  check_tools
}

# The last line of a run: what ran, how it ended and how long it took, and what to read then.
say_how_it_ended() { # what, exit status, elapsed seconds, [note when it passed], [note when it failed]
  local what=$1 status=$2 elapsed=$3 passed=${4:+ ($4)} failed=${5:+ ($5)}
  if ((status == 0)); then
    say "$what passed in $((elapsed / 60)) min $((elapsed % 60)) s$passed"
  else
    say "$what FAILED (exit $status) after $((elapsed / 60)) min $((elapsed % 60)) s$failed"
  fi
}
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

require_command() { # name, what to do when it is missing
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed; $2"
}

show_log_tail() {
  local file=$1
  [[ -s $file ]] || return 0
  printf -- '----- last 40 lines of %s -----\n' "$file" >&2
  tail -n 40 "$file" >&2
  printf -- '----- end of %s -----\n' "$file" >&2
}

# True when something accepts connections on the loopback port (bash's /dev/tcp: no extra tools).
port_is_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

http_answers() {
  curl -fsS --max-time 5 -o /dev/null "$1" 2>/dev/null
}

is_loopback() {
  [[ $1 == 127.0.0.1 || $1 == localhost || $1 == ::1 ]]
}

# Prints the pid from a pid file if that process is alive and really is ours (its command line
# contains the marker), so a stale pid file never makes us signal an unrelated process.
live_pid() {
  local pid_file=$1 marker=$2 pid
  [[ -r $pid_file ]] || return 1
  pid=$(tr -dc '0-9' <"$pid_file")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker" || return 1
  echo "$pid"
}

# Stops a process we started: TERM (to its whole process group when it leads one, so
# wrapper scripts and their JVMs go together), wait up to 30 s, then KILL.
stop_process() {
  local name=$1 pid_file=$2 marker=$3 pid waited=0
  if ! pid=$(live_pid "$pid_file" "$marker"); then
    rm -f "$pid_file"
    return 0
  fi
  say "stopping $name (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && ((waited < 30)); do
    sleep 1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name did not stop within 30 s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
}

# ---------------------------------------------------------------------------------------------
# JDK
# ---------------------------------------------------------------------------------------------
java_major_version() { # path to a java binary -> 25, 21, 17, 1 (for 1.8) ...
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

pick_jdk() {
  local candidate version best="" best_version=0
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    version=$(java_major_version "$JAVA_HOME/bin/java")
    if ((${version:-0} >= MIN_JAVA)); then
      best=$JAVA_HOME
    else
      warn "JAVA_HOME=$JAVA_HOME is Java ${version:-unknown}; looking in /usr/lib/jvm for Java $MIN_JAVA or newer"
    fi
  fi
  if [[ -z $best ]]; then
    for candidate in /usr/lib/jvm/*; do
      [[ -x $candidate/bin/java ]] || continue
      version=$(java_major_version "$candidate/bin/java")
      if ((${version:-0} >= MIN_JAVA && ${version:-0} > best_version)); then
        best=$candidate
        best_version=$version
      fi
    done
  fi
  [[ -n $best ]] || die "duijie needs a JDK $MIN_JAVA or newer (e.g. apt-get install temurin-25-jdk or openjdk-21-jdk); set JAVA_HOME"
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

check_tools() {
  require_command curl "install it (apt-get install -y curl)"
  require_command tar "install it (apt-get install -y tar)"
  require_command psql "install the PostgreSQL client (apt-get install -y postgresql-client)"
  require_command pg_isready "install the PostgreSQL client (apt-get install -y postgresql-client)"
  [[ -x $REPO_DIR/mvnw ]] || die "$REPO_DIR/mvnw is missing or not executable; restore it from git"
  require_jq
}

# jq merges the demo overlay into the realm Keycloak imports. From Debian's packages: installed here when it
# is missing (a fresh CI machine), as root, as scripts/check.sh does with ShellCheck.
require_jq() {
  command -v jq >/dev/null 2>&1 && return 0
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing jq (apt-get install -y jq)"
    if ! { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null; }; then
      die "could not install jq with apt-get; install it yourself (apt-get install -y jq)"
    fi
  else
    die "'jq' is not installed; install it (apt-get install -y jq)"
  fi
}

# ---------------------------------------------------------------------------------------------
# Distributions: fetched with Maven, so they are cached in ~/.m2 and never committed
# ---------------------------------------------------------------------------------------------
# Fetches one artifact from Maven Central (through ~/.m2) into a directory.
copy_maven_artifact() { # artifact coordinates, output directory
  local artifact=$1 output=$2
  say "fetching $artifact (cached in ~/.m2 after the first time)"
  # Run outside the repository so Maven does not load (or need) the project's pom.xml.
  (cd "$output" && "$REPO_DIR/mvnw" -q -B "$DEPENDENCY_PLUGIN:copy" \
    -Dartifact="$artifact" -DoutputDirectory="$output") ||
    die "could not fetch $artifact with Maven; check that Maven Central is reachable (see the output above)"
}

fetch_distribution() { # artifact coordinates, target directory
  local artifact=$1 target=$2
  [[ -d $target ]] && return 0
  local partial="$target.partial" archive top
  rm -rf "$partial"
  mkdir -p "$partial/download" "$partial/unpacked"
  copy_maven_artifact "$artifact" "$partial/download"
  archive=$(find "$partial/download" -maxdepth 1 -type f | head -n 1)
  case $archive in
    *.zip) unpack_zip "$archive" "$partial/unpacked" ;;
    *.tar.gz) tar -xzf "$archive" -C "$partial/unpacked" ;;
    *) die "unexpected download for $artifact: '$archive'" ;;
  esac
  top=$(find "$partial/unpacked" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  [[ -n $top ]] || die "$archive did not contain a directory"
  # Move into place only when complete, so a half-unpacked directory never counts as installed.
  mv "$top" "$target"
  rm -rf "$partial"
}

unpack_zip() { # archive, directory
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$1" -d "$2"
  else
    # The JDK's jar tool unpacks zips too, but drops the executable bits.
    (cd "$2" && jar -xf "$1")
    chmod -R a+x "$2"/*/bin
  fi
}
