#!/bin/sh
# The runtime image: the zip's contents plus a Java runtime trimmed by jlink to the modules jdeps finds in cogauth's
# jars, and an ahead-of-time cache (lib/cogauth.aot) from a training run of real commands against a local pool started
# from the image itself. Run by `mvn package -Dimage.jdk=JAVA_HOME` (profile "image"; see dist/README.md).
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

# Training: the launcher's flags and class path exactly (a cache is only used with the class path it was made for),
# one JVM running --version, signin (custom with SRP, the demo pool's question), token and status in turn.
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
# shellcheck disable=SC2086
printf '42\n' | HOME=$train/home XDG_CACHE_HOME=$train/xdg COGAUTH_CACHE_DIR=$train/tokens COGAUTH_PASSWORD='Demo-Passw0rd!' \
  "$java" -XX:AOTMode=record "-XX:AOTConfiguration=$train/cogauth.aotconf" -Xlog:aot*=off,cds*=off \
  $flags -cp "$class_path" dev.cogauth.cli.TrainingRun \
  --version --then signin -c "$train/pool.json" -u demo --auth-flow CUSTOM_WITH_SRP -o json \
  --then token --then status >"$train/out" 2>"$train/err" || { cat "$train/err" >&2; fail "the training run failed"; }
grep -q '"IdToken"' "$train/out" || fail "the training run's signin printed no tokens"
kill "$pool_pid" 2>/dev/null || true
pool_pid=
# shellcheck disable=SC2086
"$java" -XX:AOTMode=create "-XX:AOTConfiguration=$train/cogauth.aotconf" "-XX:AOTCache=$image/lib/cogauth.aot" \
  -Xlog:aot*=off,cds*=off $flags -cp "$class_path" >"$train/create.out" 2>&1 \
  || { cat "$train/create.out" >&2; fail "creating the AOT cache failed"; }

tar -czf "$out/$name.tar.gz" -C "$work" "$name"
echo "image: $out/$name.tar.gz ($(du -k "$out/$name.tar.gz" | cut -f1) KiB; unpacked $(du -sk "$image" | cut -f1) KiB)" >&2
