#!/bin/sh
# The runtime image: the zip's contents plus a Java runtime trimmed by jlink to the modules jdeps finds in cogauth's
# jars, and an ahead-of-time cache per hot command (lib/aot/COMMAND.aot), each from a training run of that command
# against a local pool started from the image itself. Run by `mvn package -Dimage.jdk=JAVA_HOME` (profile "image"; see
# dist/README.md).
#
# Usage: dist/image.sh ZIP JDK_HOME OUT_DIR VERSION PLATFORM   ->  OUT_DIR/cogauth-VERSION-PLATFORM.tar.gz
set -eu
zip=$1 jdk=$2 out=$3 version=$4 platform=$5

fail() { echo "image: $*" >&2; exit 1; }
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null) || true
[ -n "$feature" ] && [ "$feature" -ge 24 ] || fail "image.jdk=$jdk is not a JDK 24 or newer (its release file says '${feature:-nothing}')"
for tool in jdeps jlink java; do [ -x "$jdk/bin/$tool" ] || fail "$jdk/bin/$tool is missing"; done

name=cogauth-$version-$platform
work=$out/image
rm -rf "$work"
mkdir -p "$work/unzip"
(cd "$work/unzip" && unzip -q "$zip")
mv "$work/unzip"/cogauth-* "$work/$name"
image=$work/$name

# The modules the jars use, as jdeps sees them (the versioned classes of multi-release jars for this JDK included).
modules=$("$jdk/bin/jdeps" --multi-release "$feature" --ignore-missing-deps --print-module-deps "$image"/lib/*.jar | tail -n 1)
case $modules in ''|*[!a-z0-9.,]*) fail "jdeps printed no module list: '$modules'" ;; esac
echo "image: modules $modules" >&2
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress zip-6 \
  --output "$image/runtime"

# Training: one ahead-of-time cache per hot command, lib/aot/COMMAND.aot, each from its own run of that command, since
# JDK 25 maps and links every class of a cache at start: `token` with signin's cache would load the AWS SDK too. The
# launcher's flags and class path exactly (a cache is only used with the flags and class path it was made for), against
# a local pool started from the image itself.
flags=$(sed -n "s/^jvm_flags='\(.*\)'\$/\1/p; s/^native_access='\(.*\)'\$/\1/p" "$image/bin/cogauth" | tr '\n' ' ')
case $flags in *-XX:*--enable-native-access*) ;; *) fail "cannot read jvm_flags and native_access from bin/cogauth" ;; esac
class_path=
for jar in "$image"/lib/*.jar; do class_path=${class_path:+$class_path:}$jar; done
train=$work/training
mkdir -p "$train/home"
pool_pid=
trap '[ -z "$pool_pid" ] || kill "$pool_pid" 2>/dev/null || true' EXIT
HOME=$train/home COGAUTH_CDS=off "$image/bin/cogauth" local-pool --write-config "$train/pool.json" \
  >"$train/pool.out" 2>"$train/pool.err" &
pool_pid=$!
i=0
until [ -s "$train/pool.json" ]; do
  i=$((i + 1))
  [ "$i" -le 600 ] || { cat "$train/pool.err" >&2; fail "the local pool did not start within 60 s"; }
  kill -0 "$pool_pid" 2>/dev/null || { cat "$train/pool.err" >&2; fail "the local pool ended"; }
  sleep 0.1
done
java=$image/runtime/bin/java
aot=$image/lib/aot
mkdir -p "$aot"
# train COMMAND ARGS...: lib/aot/COMMAND.aot from one run of `cogauth ARGS` doing its real work (stdin: the demo user's
# answer), with the launcher's flags and class path; record, then create, as the launcher does for the zip.
train() {
  command=$1
  shift
  # shellcheck disable=SC2086
  printf '42\n' | HOME=$train/home XDG_CACHE_HOME=$train/xdg COGAUTH_CACHE_DIR=$train/tokens COGAUTH_PASSWORD='Demo-Passw0rd!' \
    "$java" -XX:AOTMode=record "-XX:AOTConfiguration=$train/$command.aotconf" -Xlog:aot*=off,cds*=off \
    $flags -cp "$class_path" dev.cogauth.cli.Main "$@" >"$train/$command.out" 2>"$train/$command.err" \
    || { cat "$train/$command.err" >&2; fail "the training run of '$*' failed"; }
  # shellcheck disable=SC2086
  "$java" -XX:AOTMode=create "-XX:AOTConfiguration=$train/$command.aotconf" "-XX:AOTCache=$aot/$command.aot" \
    -Xlog:aot*=off,cds*=off $flags -cp "$class_path" >"$train/$command.create" 2>&1 \
    || { cat "$train/$command.create" >&2; fail "creating the AOT cache of '$*' failed"; }
}
expect() {  # expect COMMAND PATTERN: the training run of COMMAND printed PATTERN (it did its real work)
  grep -q "$2" "$train/$1.out" "$train/$1.err" \
    || { cat "$train/$1.out" "$train/$1.err" >&2; fail "the training run of $1 printed no '$2'"; }
}
# The hot commands: signin, then those that scripts call in loops (token; exec-credential, kubectl's credential plugin)
# or that people run often (status, --version); signin first, since it stores the tokens the others read. The rest
# (refresh, credentials, configure, ...) get the zip's per-command cache on their first run.
train signin signin -c "$train/pool.json" -u demo --auth-flow CUSTOM_WITH_SRP -o json
expect signin '"IdToken"'
train token token
expect token '^eyJ'
train status status
expect status '^Signed in as demo'
train exec-credential exec-credential
expect exec-credential ExecCredential
train main --version
expect main '^cogauth '
kill "$pool_pid" 2>/dev/null || true
pool_pid=

tar -czf "$out/$name.tar.gz" -C "$work" "$name"
echo "image: $out/$name.tar.gz ($(du -k "$out/$name.tar.gz" | cut -f1) KiB; unpacked $(du -sk "$image" | cut -f1) KiB)" >&2
