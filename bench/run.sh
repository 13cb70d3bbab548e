#!/bin/sh
# Start-up and command benchmark (issues 5 and 11), one run, side by side: cogauth --version, cogauth token (valid cached
# token) and a full non-interactive cogauth signin (custom with SRP, one question) against a local pool this script
# starts, each from three distributions: the zip on JDK 17, the zip on the newest JDK (24+, AOT caches) and the runtime
# image (its own runtime and build-time AOT caches, one per hot command);
# the peers: the AWS CLI v1 doing one `aws cognito-idp initiate-auth` against moto (started here), and the official
# amazon-cognito-identity-js client (src/test/js/signin.js) doing the same custom-with-SRP sign-in against the same pool,
# and `gh auth token` (Debian's gh) printing its cached token from a hosts.yml in GH_CONFIG_DIR; the floor: a Java hello-world with the launcher's JVM flags. Medians and ratios from hyperfine, peak RSS from GNU
# time -v, class counts of token and signin per distribution, and where the zip's time goes (class-load uptimes). Writes bench/RESULTS.md, keeping
# everything after the "<!-- analysis -->" line of the previous file (the hand-written reading of the figures).
# The native binary (issue 16), target/cogauth, in the same rounds: --version, token, signin, and its floor, a native
# Hello World built with the same GraalVM home and the native profile's flags (cached); and `local-pool` from process
# start to its first sign-in answer, the zip against the native binary (bench/pool_start.py).
#
# Usage: bench/run.sh   (after `mvn package -Dimage.jdk=JAVA_HOME` and
#                        `GRAALVM_HOME=$(dist/native/graalvm-from-parts.sh | tail -n 1) mvn -Pnative -DskipTests package`;
#                        needs java (17), a JDK 24+ (BENCH_NEW_JDK, else
#                        the newest under /usr/lib/jvm), node, the AWS CLI v1, moto_server, curl, python3; installs
#                        hyperfine, GNU time and gh from Debian, and src/test/js's npm packages, if missing)
# Bounded: BENCH_ROUNDS (default 3) interleaved hyperfine rounds of BENCH_RUNS (default 10) runs per command, each
# round killed after 10 minutes, every other step after 1 or 2 (the native Hello World's build after 20); BENCH_POOL_RUNS
# (default 10) local-pool starts of each; servers waited for at most 60 s. Loopback only; all servers stopped on exit.
set -eu
cd "$(dirname "$0")/.."
root=$PWD
runs=${BENCH_RUNS:-10}
rounds=${BENCH_ROUNDS:-3}
pool_runs=${BENCH_POOL_RUNS:-10}
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y "$2" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
  else sudo apt-get install -y "$2" >/dev/null; fi
}
need hyperfine hyperfine
need gh gh
[ -x /usr/bin/time ] || need /usr/bin/time time
for tool in java javac node aws moto_server curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is missing" >&2; exit 1; }
done
[ -d src/test/js/node_modules/amazon-cognito-identity-js ] || (cd src/test/js && npm ci --no-audit --no-fund >&2)

zip=$(ls target/cogauth-*.zip 2>/dev/null | head -n 1)
[ -n "$zip" ] || { echo "bench: no target/cogauth-*.zip: run mvn package first" >&2; exit 1; }
tarball=$(ls target/cogauth-*-*.tar.gz 2>/dev/null | head -n 1)
[ -n "$tarball" ] || { echo "bench: no runtime image target/cogauth-*-*.tar.gz: run mvn package -Dimage.jdk=JAVA_HOME" >&2; exit 1; }
native=$root/target/cogauth
native_build='GRAALVM_HOME=$(dist/native/graalvm-from-parts.sh | tail -n 1) mvn -Pnative -DskipTests package'
[ -x "$native" ] || { echo "bench: no native binary target/cogauth: build it with $native_build (a real GraalVM for JDK 17 as GRAALVM_HOME works too)" >&2; exit 1; }
[ -z "$(find src/main pom.xml -newer "$native" -print 2>/dev/null | head -n 1)" ] \
  || echo "bench: sources changed since target/cogauth was built: rebuild it with $native_build" >&2

# The native floor: a Hello World built by the same GraalVM home with the native profile's own flags (read from the
# pom), cached under the user's cache directory per home and flags (about 12 MB; 2-4 minutes to build, bounded by 20).
graalvm=${GRAALVM_HOME:-$(dist/native/graalvm-from-parts.sh | tail -n 1)}
[ -x "$graalvm/bin/native-image" ] || { echo "bench: no native-image in $graalvm (set GRAALVM_HOME)" >&2; exit 1; }
native_flags=$(sed -n '/<id>native<\/id>/,/<\/profile>/s:.*<buildArg>\(.*\)</buildArg>.*:\1:p' pom.xml | tr '\n' ' ')
[ -n "$native_flags" ] || { echo "bench: cannot read the native profile's buildArgs from pom.xml" >&2; exit 1; }
hello_dir=${XDG_CACHE_HOME:-$HOME/.cache}/cogauth/bench/native-hello-$(printf '%s %s' "$graalvm" "$native_flags" | cksum | cut -d' ' -f1)
if [ ! -x "$hello_dir/hello" ]; then
  echo "bench: building the native Hello World into $hello_dir ($native_flags; 2-4 minutes)" >&2
  rm -rf "$hello_dir.tmp" && mkdir -p "$hello_dir.tmp"
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$hello_dir.tmp/Hello.java"
  javac --release 17 -d "$hello_dir.tmp" "$hello_dir.tmp/Hello.java"
  # shellcheck disable=SC2086
  (cd "$hello_dir.tmp" && timeout 1200 "$graalvm/bin/native-image" -cp . $native_flags -o hello Hello >build.log 2>&1) \
    || { echo "bench: the native Hello World did not build: $hello_dir.tmp/build.log" >&2; exit 1; }
  rm -rf "$hello_dir" && mv "$hello_dir.tmp" "$hello_dir"
fi
native_hello=$hello_dir/hello
feature_of() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
jdk17=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
[ "$(feature_of "$jdk17")" = 17 ] || { echo "bench: java on PATH ($jdk17) is not a JDK 17" >&2; exit 1; }
new_jdk=${BENCH_NEW_JDK:-}
if [ -z "$new_jdk" ]; then
  newest=0
  for release in /usr/lib/jvm/*/release; do
    f=$(feature_of "${release%/release}")
    if [ -n "$f" ] && [ "$f" -ge 24 ] && [ "$f" -gt "$newest" ]; then newest=$f new_jdk=${release%/release}; fi
  done
fi
[ -n "$new_jdk" ] && [ "$(feature_of "$new_jdk")" -ge 24 ] || { echo "bench: no JDK 24+ (set BENCH_NEW_JDK)" >&2; exit 1; }

work=$(mktemp -d)
pool_pid=
moto_pid=
stop_servers() {
  for pid in $pool_pid $moto_pid; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  pool_pid= moto_pid=
}
trap 'stop_servers; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

(cd "$work" && unzip -q "$root/$zip")
cogauth=$(ls -d "$work"/cogauth-*/bin/cogauth)
mkdir "$work/image"
tar -xzf "$tarball" -C "$work/image"
image=$(ls -d "$work"/image/cogauth-*/bin/cogauth)
# Each distribution's commands go through env(1) setting JAVA_HOME (the image ignores it): the same extra exec for all.
zip17="env JAVA_HOME=$jdk17 $cogauth"
zipnew="env JAVA_HOME=$new_jdk $cogauth"
img="env JAVA_HOME=$jdk17 $image"
export XDG_CACHE_HOME="$work/xdg"            # the launcher's per-command caches (the image has its own)
export COGAUTH_CACHE_DIR="$work/tokens"      # the token cache: `token` reads what the first signin stored
export NO_PROXY=127.0.0.1 no_proxy=127.0.0.1 AWS_EC2_METADATA_DISABLED=true
# The demo pool's public test password, for cogauth and the node client alike; answers come on stdin / COGAUTH_ANSWERS.
export COGAUTH_PASSWORD='Demo-Passw0rd!'

wait_for() {  # wait_for DESCRIPTION COMMAND...: up to 60 s
  what=$1 i=0
  shift
  until "$@" >/dev/null 2>&1; do
    i=$((i + 1))
    [ "$i" -le 300 ] || { echo "bench: $what did not come up within 60 s" >&2; exit 1; }
    sleep 0.2
  done
}

# The local pool (the demo pool), as users start it, with full JIT tiers: it is the server, long-lived, and its
# speed is shared by cogauth's and node's sign-ins alike. No CDS here, so the launcher execs java and $! is the JVM.
COGAUTH_CDS=off JAVA_OPTS=-XX:TieredStopAtLevel=4 JAVA_HOME=$jdk17 \
  "$cogauth" local-pool --write-config "$work/pool.json" >"$work/pool.out" 2>"$work/pool.err" &
pool_pid=$!
wait_for "the local pool" test -s "$work/pool.json"
endpoint=$(head -n 1 "$work/pool.out")
case $endpoint in http://127.0.0.1:*) ;; *) echo "bench: local pool endpoint '$endpoint' is not loopback" >&2; exit 1 ;; esac
pool_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["CognitoUserPool"]["Default"]["PoolId"])' "$work/pool.json")
client_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["CognitoUserPool"]["Default"]["AppClientId"])' "$work/pool.json")
printf '42\n' > "$work/answers"
export COGAUTH_ANSWERS='["42"]'

# The AWS CLI's own script, not a pyenv shim in front of it (the shim alone costs about 60 ms here).
aws=$(pyenv which aws 2>/dev/null || command -v aws)

# moto on a free loopback port, a pool with a USER_PASSWORD_AUTH client and a confirmed user, made with the AWS CLI.
moto_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$moto_port" >"$work/moto.log" 2>&1 &
moto_pid=$!
moto=http://127.0.0.1:$moto_port
wait_for "moto" curl -sf -o /dev/null "$moto/moto-api/"
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1 AWS_DEFAULT_OUTPUT=json
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
: > "$AWS_CONFIG_FILE"; : > "$AWS_SHARED_CREDENTIALS_FILE"
moto_pool=$(timeout 60 aws cognito-idp create-user-pool --endpoint-url "$moto" --pool-name bench --query UserPool.Id --output text)
moto_client=$(timeout 60 aws cognito-idp create-user-pool-client --endpoint-url "$moto" --user-pool-id "$moto_pool" --client-name bench \
  --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH --query UserPoolClient.ClientId --output text)
timeout 60 aws cognito-idp admin-create-user --endpoint-url "$moto" --user-pool-id "$moto_pool" --username demo --message-action SUPPRESS >/dev/null
# Passwords go through files, never the command line.
python3 - "$work" "$moto_pool" "$moto_client" <<'PY'
import json, os, sys
work, pool, client = sys.argv[1:4]
password = os.environ["COGAUTH_PASSWORD"]
json.dump({"UserPoolId": pool, "Username": "demo", "Password": password, "Permanent": True}, open(work + "/set-password.json", "w"))
json.dump({"ClientId": client, "AuthFlow": "USER_PASSWORD_AUTH",
           "AuthParameters": {"USERNAME": "demo", "PASSWORD": password}}, open(work + "/initiate-auth.json", "w"))
PY
timeout 60 aws cognito-idp admin-set-user-password --endpoint-url "$moto" --cli-input-json "file://$work/set-password.json"

# The floor: the smallest Java program, with the launcher's flags.
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"
flags=$(sed -n "s/^jvm_flags='\(.*\)'\$/\1/p" dist/bin/cogauth)
[ -n "$flags" ] || { echo "bench: cannot read the JVM flags from dist/bin/cogauth" >&2; exit 1; }

# gh's cached token: a hosts.yml as `gh auth login` writes it without a keyring, and a made-up token.
mkdir -p "$work/gh"
printf 'github.com:\n    user: bench\n    oauth_token: gho_0123456789abcdefghijklmnopqrstuvwxyz\n    git_protocol: https\n' > "$work/gh/hosts.yml"
export GH_CONFIG_DIR="$work/gh"
unset GH_TOKEN GITHUB_TOKEN GH_ENTERPRISE_TOKEN GITHUB_ENTERPRISE_TOKEN 2>/dev/null || true

# The commands, as hyperfine runs them (-N: no shell; the signin's stdin redirect costs one extra exec of sh).
signin_args="signin -c $work/pool.json -u demo --auth-flow CUSTOM_WITH_SRP --no-store -o json"
version_cmd="$zip17 --version"
token_cmd="$zip17 token"
signin_cmd="sh -c 'exec $zip17 $signin_args < $work/answers'"
token_new_cmd="$zipnew token"
signin_new_cmd="sh -c 'exec $zipnew $signin_args < $work/answers'"
version_img_cmd="$img --version"
token_img_cmd="$img token"
signin_img_cmd="sh -c 'exec $img $signin_args < $work/answers'"
gh_cmd="gh auth token"
aws_cmd="$aws cognito-idp initiate-auth --endpoint-url $moto --cli-input-json file://$work/initiate-auth.json"
node_cmd="node $root/src/test/js/signin.js custom-after-srp --endpoint $endpoint/ --pool-id $pool_id --client-id $client_id --username demo"
jar_cmd="java -jar $root/target/cogauth.jar --version"
hello_cmd="java $flags -cp $work/hello Hello"
# The native rows run the binary directly, as gh runs.
version_native_cmd="$native --version"
token_native_cmd="$native token"
signin_native_cmd="sh -c 'exec $native $signin_args < $work/answers'"
hello_native_cmd="$native_hello"

# Each once, checked, before any timing. The first runs also make the launcher's CDS archives (one per command), and
# the stored sign-in is what `token` serves from then on.
check() {  # check NAME PATTERN COMMAND: fails unless COMMAND exits 0 and prints PATTERN
  name=$1 pattern=$2; shift 2
  # Up to 10 minutes: the first runs make the caches (on JDK 24+, record and create an AOT cache: slow on a loaded machine).
  if ! out=$(timeout 600 sh -c "$*" 2>"$work/check.err") || ! printf '%s' "$out" | grep -q "$pattern"; then
    echo "bench: $name failed:" >&2; sed 's/^/  /' "$work/check.err" >&2; exit 1
  fi
}
printf '42\n' | JAVA_HOME=$jdk17 timeout 120 "$cogauth" signin -c "$work/pool.json" -u demo --auth-flow CUSTOM_WITH_SRP -o json >/dev/null 2>"$work/check.err" \
  || { echo "bench: the first (stored) signin failed:" >&2; cat "$work/check.err" >&2; exit 1; }
check 'cogauth --version' 'cogauth' "$version_cmd"
check 'cogauth token' '^eyJ' "$token_cmd"
check 'cogauth signin' '"IdToken"' "$signin_cmd"
[ "$(grep -c '(reading stdin)' "$work/check.err")" = 1 ] || { echo "bench: signin did not ask exactly one question" >&2; exit 1; }
check 'cogauth token (zip, new JDK)' '^eyJ' "$token_new_cmd"
check 'cogauth signin (zip, new JDK)' '"IdToken"' "$signin_new_cmd"
check 'cogauth --version (image)' 'cogauth' "$version_img_cmd"
check 'cogauth token (image)' '^eyJ' "$token_img_cmd"
check 'cogauth signin (image)' '"IdToken"' "$signin_img_cmd"
check 'gh auth token' '^gho_' "$gh_cmd"
check 'aws initiate-auth' '"AccessToken"' "$aws_cmd"
check 'node client' '"ok":true' "$node_cmd"
check 'java -jar' 'cogauth' "$jar_cmd"
check 'hello-world' 'hello' "$hello_cmd"
check 'cogauth --version (native)' 'cogauth' "$version_native_cmd"
check 'cogauth token (native)' '^eyJ' "$token_native_cmd"
check 'cogauth signin (native)' '"IdToken"' "$signin_native_cmd"
check 'native Hello World' 'hello' "$hello_native_cmd"

# Several short rounds, so that load from other processes hits every command alike; medians over all runs.
round=1
while [ "$round" -le "$rounds" ]; do
  timeout 600 hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/round-$round.json" \
    -n 'cogauth --version (zip, JDK 17)' "$version_cmd" \
    -n 'cogauth token (cached; zip, JDK 17)' "$token_cmd" \
    -n 'cogauth signin (custom with SRP, 1 question; zip, JDK 17)' "$signin_cmd" \
    -n "cogauth token (cached; zip, JDK $(feature_of "$new_jdk"))" "$token_new_cmd" \
    -n "cogauth signin (custom with SRP, 1 question; zip, JDK $(feature_of "$new_jdk"))" "$signin_new_cmd" \
    -n 'cogauth --version (runtime image)' "$version_img_cmd" \
    -n 'cogauth token (cached; runtime image)' "$token_img_cmd" \
    -n 'cogauth signin (custom with SRP, 1 question; runtime image)' "$signin_img_cmd" \
    -n 'gh auth token (cached, Debian gh)' "$gh_cmd" \
    -n 'aws cognito-idp initiate-auth (AWS CLI v1, moto)' "$aws_cmd" \
    -n 'node amazon-cognito-identity-js signin (custom with SRP, 1 question)' "$node_cmd" \
    -n 'java -jar target/cogauth.jar --version (no launcher)' "$jar_cmd" \
    -n 'Java hello-world, launcher flags (floor)' "$hello_cmd" \
    -n 'cogauth --version (native)' "$version_native_cmd" \
    -n 'cogauth token (cached; native)' "$token_native_cmd" \
    -n 'cogauth signin (custom with SRP, 1 question; native)' "$signin_native_cmd" \
    -n 'native Hello World, native profile flags (native floor)' "$hello_native_cmd" >/dev/null
  round=$((round + 1))
done

# Peak RSS (KiB): the median of three runs each.
peak_rss() {
  for i in 1 2 3; do
    /usr/bin/time -v timeout 120 sh -c "exec $*" 2>&1 >/dev/null </dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'
  done | sort -n | sed -n 2p
}
: > "$work/rss"
for cmd in "$version_cmd" "$token_cmd" "$signin_cmd" "$token_new_cmd" "$signin_new_cmd" "$version_img_cmd" "$token_img_cmd" \
  "$signin_img_cmd" "$gh_cmd" "$aws_cmd" "$node_cmd" "$jar_cmd" "$hello_cmd" "$version_native_cmd" "$token_native_cmd" \
  "$signin_native_cmd" "$hello_native_cmd"; do
  peak_rss "$cmd" >> "$work/rss"
done

# Where token's and signin's time goes: every class loaded, with the JVM uptime at which it loaded.
JAVA_OPTS="-Xlog:class+load=info:file=$work/classes-token.txt:uptime" timeout 120 sh -c "exec $token_cmd" >/dev/null
JAVA_OPTS="-Xlog:class+load=info:file=$work/classes-signin.txt:uptime" timeout 120 sh -c "exec $signin_cmd" >/dev/null 2>&1
# Class counts (all loaded, and from the cache) of the other distributions.
for dist in new img; do
  eval "t=\$token_${dist}_cmd s=\$signin_${dist}_cmd"
  JAVA_OPTS="-Xlog:class+load=info:file=$work/classes-token-$dist.txt" timeout 120 sh -c "exec $t" >/dev/null
  JAVA_OPTS="-Xlog:class+load=info:file=$work/classes-signin-$dist.txt" timeout 120 sh -c "exec $s" >/dev/null 2>&1
done
du -sk "$work"/image/cogauth-* | cut -f1 > "$work/image-size"
du -k "$tarball" | cut -f1 >> "$work/image-size"
du -k "$native" "$native_hello" | cut -f1 > "$work/native-size"
stop_servers

# The local pool from process start to its first sign-in answer, the zip (as users start it) against the native binary.
timeout 1200 python3 bench/pool_start.py "$pool_runs" "$work/pool-start.json" "zip, JDK 17=$zip17" "native=$native"

: > "$work/analysis.md"
if [ -f bench/RESULTS.md ]; then sed -n '/^<!-- analysis -->$/,$p' bench/RESULTS.md > "$work/analysis.md"; fi
python3 - "$work" "$rounds" "$load_start" "$new_jdk" "$native_flags" > "$work/RESULTS.md" <<'PY'
import glob, json, os, platform, re, statistics, subprocess, sys
work, rounds, load_start, new_jdk, native_flags = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
files = sorted(glob.glob(work + "/round-*.json"))
data = [json.load(open(f))["results"] for f in files]
rss = [int(x) / 1024 for x in open(work + "/rss").read().split()]
rows = []
for i, first in enumerate(data[0]):
    times = [t for r in data for t in r[i]["times"]]
    rows.append({"name": first["command"], "median": statistics.median(times), "min": min(times), "n": len(times), "rss": rss[i]})
token, signin = rows[1], rows[2]
dists = [("zip, JDK 17", rows[1], rows[2], "token", "signin"), ("zip, JDK " + rows[3]["name"].split("JDK ")[-1].rstrip(")"), rows[3], rows[4], "token-new", "signin-new"),
         ("runtime image", rows[6], rows[7], "token-img", "signin-img")]
gh, aws, node, floor = rows[8], rows[9], rows[10], rows[12]
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
java = java + ", " + subprocess.run([new_jdk + "/bin/java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
aws_version = subprocess.run(["aws", "--version"], capture_output=True, text=True)
aws_version = (aws_version.stdout or aws_version.stderr).split()[0]
node_version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
load_end = " ".join(open("/proc/loadavg").read().split()[:3])

print("# Start-up and command benchmark\n")
print(f"`bench/run.sh`: {os.cpu_count()} CPUs ({cpu}), {platform.machine()}, {java}, {aws_version}, node {node_version}.")
print(f"Load average (1, 5, 15 min) {load_start} at the start, {load_end} at the end: **the machine is shared with other")
print("builds**, so absolute times vary between runs; the commands are interleaved in every round, so the ratios hold better.\n")
print(f"Medians over {len(data)} interleaved hyperfine rounds ({rows[0]['n']} runs of each command, after 2 warm-up runs per")
print("round and a checked run that made the launcher's class-data-sharing archive); peak RSS is the median of three runs")
print("under GNU time -v. The local pool (demo pool, full JIT tiers) and moto run on the same machine, started by the script.\n")
print("Each cogauth row runs through `env JAVA_HOME=...` (the image ignores it), the same extra exec for all three.\n")
print("| command | median | min | ratio to floor | peak RSS |")
print("| --- | ---: | ---: | ---: | ---: |")
for r in rows:
    print(f"| {r['name']} | {r['median']*1000:.0f} ms | {r['min']*1000:.0f} ms | {r['median']/floor['median']:.1f}x | {r['rss']:.0f} MiB |")

def verdict(ok): return "met" if ok else "**not met**"
def count(name):
    lines = [l for l in open(f"{work}/classes-{name}.txt") if " source: " in l]
    return len(lines), sum(1 for l in lines if "shared objects file" in l)
print("\n## Against the aims, per distribution\n")
print("Aims: cached `token` ≤ 0.3× the AWS CLI's one call; full `signin` ≤ 0.6× the node client's; peak RSS no worse than")
print(f"the zip on JDK 17 (today's). `gh auth token` for scale: {gh['median']*1000:.0f} ms, {gh['median']/aws['median']:.2f}× the AWS CLI's call.\n")
print("| distribution | token / AWS CLI | signin / node | token / gh | token peak RSS | signin peak RSS | classes loaded (from the cache): token; signin |")
print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
for label, t, si, tname, sname in dists:
    tc, sc = count(tname), count(sname)
    tr, sr = t["median"] / aws["median"], si["median"] / node["median"]
    print(f"| {label} | {tr:.2f}× ({verdict(tr <= 0.3)}) | {sr:.2f}× ({verdict(sr <= 0.6)}) | {t['median']/gh['median']:.1f}× "
          f"| {t['rss']:.0f} MiB | {si['rss']:.0f} MiB | {tc[0]} ({tc[1]}); {sc[0]} ({sc[1]}) |")
unpacked, packed = [int(x) for x in open(work + "/image-size").read().split()]
print(f"\nRuntime image: {packed/1024:.0f} MiB as tar.gz, {unpacked/1024:.0f} MiB unpacked (runtime, jars and AOT caches).")

native_version, native_token, native_signin, native_floor = rows[13], rows[14], rows[15], rows[16]
pool_start = json.load(open(work + "/pool-start.json"))
binary, hello_binary = [int(x) for x in open(work + "/native-size").read().split()]
print("\n## The native binary against its aims (issue 16)\n")
print(f"`target/cogauth` ({binary/1024:.0f} MiB) run directly, as gh is; its floor is a native Hello World ({hello_binary/1024:.0f} MiB)")
print(f"built by the same GraalVM home with the native profile's flags (`{native_flags.strip()}`).")
print(f"Local pool start: from spawning `cogauth local-pool --port 0` to the answer of its first sign-in call (InitiateAuth,")
print(f"USER_SRP_AUTH: the SRP challenge), and on to the answer of its JWKS (the signing key made); medians of")
print(f"{pool_start['native']['runs']} starts each, interleaved, after one unmeasured start each.\n")
print("| aim | measured | |")
print("| --- | --- | --- |")
def aim(label, value, ok):
    print(f"| {label} | {value} | {verdict(ok)} |")
r = native_token["median"] / gh["median"]
aim("cached `token` ≤ 0.3× `gh auth token`", f"{r:.2f}× ({native_token['median']*1000:.1f} / {gh['median']*1000:.0f} ms)", r <= 0.3)
r = native_signin["median"] / node["median"]
aim("`signin` ≤ 0.2× the node client", f"{r:.2f}× ({native_signin['median']*1000:.0f} / {node['median']*1000:.0f} ms)", r <= 0.2)
r = native_version["median"] / native_floor["median"]
aim("`--version` within 1.5× the native Hello World", f"{r:.2f}× ({native_version['median']*1000:.1f} / {native_floor['median']*1000:.1f} ms)", r <= 1.5)
aim("`token` peak RSS ≤ 20 MiB", f"{native_token['rss']:.1f} MiB", native_token["rss"] <= 20)
ready = pool_start["native"]["ready"] * 1000
aim("local pool ready ≤ 50 ms", f"{ready:.0f} ms", ready <= 50)
print("\n| local pool start | ready: first sign-in answer (min–max) | JWKS answered |")
print("| --- | ---: | ---: |")
for name, p in pool_start.items():
    print(f"| {name} | {p['ready']*1000:.0f} ms ({p['ready_min']*1000:.0f}–{p['ready_max']*1000:.0f}) | {p['jwks']*1000:.0f} ms |")

groups = [("picocli", r"^picocli\."), ("Jackson core", r"^com\.fasterxml\.jackson\.core\."),
          ("Jackson databind + annotations", r"^com\.fasterxml\.jackson\.(databind|annotation)\."),
          ("AWS SDK v2", r"^software\.amazon\."), ("JLine", r"^org\.jline\."), ("cogauth", r"^dev\.cogauth\."),
          ("JDK", r"^(java|javax|jdk|sun|com\.sun)\."), ("other", r"")]
def classes(name):
    loaded = []
    for line in open(f"{work}/classes-{name}.txt"):
        m = re.match(r"\[(\d+\.\d+)s\] (\S+) source: (.*)", line)
        if m:
            loaded.append((float(m.group(1)) * 1000, m.group(2), "shared objects file" in m.group(3)))
    return loaded
# Milestones: the first class loaded at each step (a class renamed in the code shows as "not loaded").
milestones = [("JVM up: cogauth's Main", r"dev\.cogauth\.cli\.Main$"),
              # ExitCode loads once picocli's model is built; token's fast path never loads it, but TokenCommands.
              ("options parsed (picocli, or token's fast path), the command runs", r"dev\.cogauth\.cli\.(ExitCode|TokenCommands)$"),
              ("first Jackson databind class", r"com\.fasterxml\.jackson\.databind\."),
              ("AWS SDK client construction starts", r"dev\.cogauth\.api\.SdkCognitoApi$"),
              ("AWS SDK client built", r"software\.amazon\.awssdk\.services\.cognitoidentityprovider\.DefaultCognitoIdentityProviderClient$"),
              ("JLine terminal probed", r"org\.jline\.terminal\.TerminalBuilder$"),
              ("sign-in flow starts (SRP A)", r"dev\.cogauth\.flow\.SignInFlow$"),
              ("first call (InitiateAuth)", r"dev\.cogauth\.flow\.Exchange$"),
              ("password proof computed", r"dev\.cogauth\.srp\.SrpTimestamp$")]
print("\n## Where the time goes (one run each, `-Xlog:class+load` with uptime)\n")
print("Uptimes are with the logging on (a little slower than the timed runs). Steps are marked by the first class that")
print("each loads; in the group tables \"first/last\" is when the group's first and last class loaded.\n")
print("The zip on JDK 17 (its class-data-sharing archives):\n")
for name in ("token", "signin"):
    loaded = classes(name)
    shared = sum(1 for c in loaded if c[2])
    print(f"**`cogauth {name}`**: {len(loaded)} classes, {shared} of them from the CDS archives; last class at {loaded[-1][0]:.0f} ms.\n")
    print("| step (first class loaded) | at | since the previous step |")
    print("| --- | ---: | ---: |")
    previous = 0.0
    found = [(next((c[0] for c in loaded if re.match(pattern, c[1])), None), label) for label, pattern in milestones]
    for at, label in sorted(f for f in found if f[0] is not None):
        print(f"| {label} | {at:.0f} ms | {at - previous:.0f} ms |")
        previous = at
    print(f"| last class loaded (output, exit) | {loaded[-1][0]:.0f} ms | {loaded[-1][0] - previous:.0f} ms |\n")
    print("| group | classes | first at | last at |")
    print("| --- | ---: | ---: | ---: |")
    left = loaded
    for group, pattern in groups:
        mine = [c for c in left if re.match(pattern, c[1])]
        left = [c for c in left if not re.match(pattern, c[1])]
        if mine:
            print(f"| {group} | {len(mine)} | {mine[0][0]:.0f} ms | {mine[-1][0]:.0f} ms |")
    print()
PY
if [ -s "$work/analysis.md" ]; then cat "$work/analysis.md" >> "$work/RESULTS.md"; fi
cp "$work/RESULTS.md" bench/RESULTS.md
cat bench/RESULTS.md
