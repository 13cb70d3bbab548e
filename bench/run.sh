#!/bin/sh
# Start-up benchmark skeleton: `cogauth --version` through the launcher vs plain `java -jar` vs a Java hello-world
# with the launcher's JVM flags (the floor), medians and ratios from hyperfine, peak RSS from GNU time -v.
# Writes bench/RESULTS.md. The token / signin / AWS CLI / node rows come when those commands exist.
# Usage: bench/run.sh  (after `mvn package`; installs hyperfine and GNU time from Debian if missing)
set -eu
cd "$(dirname "$0")/.."
root=$PWD
runs=${BENCH_RUNS:-10}

need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y "$2" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
  else sudo apt-get install -y "$2" >/dev/null; fi
}
need hyperfine hyperfine
[ -x /usr/bin/time ] || need /usr/bin/time time

zip=$(ls target/cogauth-*.zip 2>/dev/null | head -n 1)
[ -n "$zip" ] || { echo "bench: no target/cogauth-*.zip: run mvn package first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && unzip -q "$root/$zip")
cogauth=$(ls -d "$work"/cogauth-*/bin/cogauth)
export XDG_CACHE_HOME="$work/cache"

# The floor: the smallest Java program, with the launcher's flags.
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"
flags=$(sed -n 's/^set -- \(-XX:TieredStopAtLevel[^\\]*\) -cp .*/\1/p' dist/bin/cogauth)

"$cogauth" --version >/dev/null   # makes the class-data-sharing archive
# Several short rounds, so that load from other processes hits every command alike; medians over all runs.
rounds=${BENCH_ROUNDS:-4}
round=1
while [ "$round" -le "$rounds" ]; do
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/startup-$round.json" \
    -n 'cogauth --version (launcher)' "$cogauth --version" \
    -n 'java -jar target/cogauth.jar --version' "java -jar $root/target/cogauth.jar --version" \
    -n 'Java hello-world, launcher flags' "java $flags -cp $work/hello Hello" >/dev/null
  round=$((round + 1))
done

peak_rss() {  # KiB
  /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'
}
rss_launcher=$(peak_rss "$cogauth" --version)
rss_jar=$(peak_rss java -jar "$root/target/cogauth.jar" --version)
rss_hello=$(peak_rss java $flags -cp "$work/hello" Hello)

python3 - "$work" "$rss_launcher" "$rss_jar" "$rss_hello" > bench/RESULTS.md <<'PY'
import glob, json, platform, statistics, subprocess, sys
rounds = [json.load(open(f))["results"] for f in sorted(glob.glob(sys.argv[1] + "/startup-*.json"))]
results = []
for i, first in enumerate(rounds[0]):
    times = [t for r in rounds for t in r[i]["times"]]
    results.append({"command": first["command"], "median": statistics.median(times), "min": min(times), "n": len(times)})
rss = [int(x) / 1024 for x in sys.argv[2:5]]
floor = results[2]["median"]
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
load = open("/proc/loadavg").read().split()[0] if platform.system() == "Linux" else "?"
print("# Start-up benchmark\n")
print(f"`bench/run.sh`: {platform.machine()}, {java}, load average {load} at the end.")
print(f"Medians over {len(rounds)} interleaved hyperfine rounds ({results[0]['n']} runs each command; CDS archive made before timing);")
print("ratio to the hello-world floor; peak RSS from GNU time -v.\n")
print("| command | median | min | ratio to floor | peak RSS |")
print("| --- | ---: | ---: | ---: | ---: |")
for r, m in zip(results, rss):
    print(f"| {r['command']} | {r['median']*1000:.0f} ms | {r['min']*1000:.0f} ms | {r['median']/floor:.1f}x | {m:.0f} MiB |")
PY
cat bench/RESULTS.md
