#!/usr/bin/env bash
# Assembles a GraalVM home for native-image where GraalVM itself cannot be installed, from parts
# that can be: Debian's OpenJDK 17 (binary and source, at the version the archive serves), the
# JDK's static libraries built from that source, GraalVM's builder jars from Maven Central, and
# the project's own C helpers and build-time fixes in this folder (README.md says what is whose).
# The home is cached under ${XDG_CACHE_HOME:-~/.cache}/cogauth/graalvm-parts/, keyed by the
# versions and by this folder's content, and reused when present. One line per step on stderr;
# the home's path is the last line of stdout.
#   GRAALVM_HOME=$(dist/native/graalvm-from-parts.sh | tail -n 1) mvn -Pnative -DskipTests package
set -euo pipefail

GRAAL_VERSION=${COGAUTH_GRAAL_VERSION:-23.0.6}   # the newest GraalVM release for JDK 17
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/cogauth/graalvm-parts
ARCH=$(dpkg --print-architecture 2>/dev/null || echo unknown)

step() { printf 'graalvm-from-parts: %s\n' "$*" >&2; }
die() { printf 'graalvm-from-parts: %s\n' "$*" >&2; exit 1; }
# Every download and build is bounded: a stuck mirror or build must not hang CI.
bounded() { local limit=$1; shift; timeout --kill-after=30 "$limit" "$@"; }

[ "$ARCH" = amd64 ] || die "only Debian/Ubuntu on x86_64 (amd64) is supported, not '$ARCH'"
mkdir -p "$CACHE"

# --- A private apt configuration with deb-src lines, so that the system's stays untouched. ---
APT=$CACHE/apt
apt_private() { # $1 time limit, then apt-get's arguments
  local limit=$1; shift
  # Root's downloads into a private folder cannot be handed to the _apt user.
  local sandbox=(); [ "$(id -u)" = 0 ] && sandbox=(-o APT::Sandbox::User=root)
  bounded "$limit" apt-get "${sandbox[@]}" -o Dir::Etc::sourcelist="$APT/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$APT/lists" -o Dir::Cache="$APT/cache" -o Debug::NoLocking=1 "$@"
}
prepare_apt() {
  mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial"
  # The system's deb lines (one-line and deb822 formats), each also as deb-src.
  {
    grep -hE '^\s*deb\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -f "$f" ] || continue
      awk 'BEGIN{RS=""} /Types:.*deb/ {
             u=""; s=""; c="";
             n=split($0, l, "\n");
             for (i=1;i<=n;i++) { split(l[i], kv, ": ");
               if (kv[1]=="URIs") u=kv[2]; if (kv[1]=="Suites") s=kv[2]; if (kv[1]=="Components") c=kv[2]; }
             m=split(s, ss, " "); for (j=1;j<=m;j++) print "deb " u " " ss[j] " " c }' "$f"
    done
  } | sed -E 's/\[[^]]*\]//' | awk '{$1="deb"; print; $1="deb-src"; print}' | sort -u > "$APT/sources.list"
  [ -s "$APT/sources.list" ] || die "no apt sources found in /etc/apt"
  if [ -z "$(find "$APT/lists" -maxdepth 1 -name '*Sources*' -mmin -1440 2>/dev/null | head -n 1)" ]; then
    step "apt: reading the package lists (binary and source) into $APT"
    apt_private 600 -qq update >>"$CACHE/apt.log" 2>&1 || die "apt-get update failed"
  fi
}

# The newest openjdk-17 version served both as binary and as source package.
apt_cache_private() {
  apt-cache -o Dir::Etc::sourcelist="$APT/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$APT/lists" -o Dir::Cache="$APT/cache" "$@"
}
jdk_version() {
  local bins srcs v
  bins=$(apt_cache_private madison openjdk-17-jdk-headless | awk -F'|' '{gsub(/ /,"",$2); print $2}' | sort -u)
  srcs=$(apt_cache_private madison openjdk-17 | awk -F'|' '$3 ~ /Sources/ {gsub(/ /,"",$2); print $2}' | sort -u)
  v=$(comm -12 <(echo "$bins") <(echo "$srcs") | sort -V -r)
  [ -n "$v" ] || die "no openjdk-17 version is listed both as binary and as source package"
  echo "$v"
}

# The source of the newest version whose files the archive really serves (a security update's
# source can be listed and yet missing from a mirror), downloaded into $CACHE/jdk-VERSION/src.
fetch_source() { # prints the version
  local v src
  for v in $(jdk_version); do
    src=$CACHE/jdk-$v/src
    if [ -f "$src/.unpacked" ]; then echo "$v"; return 0; fi
    [ -n "$(find "$CACHE" -maxdepth 1 -name "unserved-$v" -mmin -1440 2>/dev/null)" ] && continue
    step "jdk source: openjdk-17 $v from Debian into $src"
    rm -rf "$src"; mkdir -p "$src"
    if (cd "$src" && apt_private 1800 -qq source --download-only "openjdk-17=$v") >>"$CACHE/apt.log" 2>&1 \
       && (cd "$src" && dpkg-source -x --no-check ./*.dsc tree) >>"$CACHE/apt.log" 2>&1; then
      find "$src" -maxdepth 1 -type f -name '*.tar.*' -delete
      touch "$src/.unpacked"; echo "$v"; return 0
    fi
    step "jdk source: openjdk-17 $v is not served whole (log: $CACHE/apt.log); trying an older version"
    rm -rf "$CACHE/jdk-$v"; touch "$CACHE/unserved-$v"
  done
  die "no openjdk-17 source package could be downloaded"
}

# --- The JDK: Debian's binary packages unpacked into a private folder. ---
fetch_jdk() { # $1 version, $2 dir
  local v=$1 dir=$2 tmp
  [ -x "$dir/jdk/bin/java" ] && return 0
  step "jdk: openjdk-17 $v from Debian's packages into $dir/jdk"
  tmp=$dir/jdk.tmp; rm -rf "$tmp"; mkdir -p "$tmp/debs" "$tmp/root"
  (cd "$tmp/debs" && apt_private 900 -qq download "openjdk-17-jdk-headless=$v" "openjdk-17-jre-headless=$v") \
    >>"$CACHE/apt.log" 2>&1 || die "downloading openjdk-17 $v failed (log: $CACHE/apt.log)"
  for deb in "$tmp"/debs/*.deb; do dpkg-deb -x "$deb" "$tmp/root"; done
  local home=$tmp/root/usr/lib/jvm/java-17-openjdk-$ARCH
  # Debian links configuration files to /etc; point them at the unpacked copies instead, so
  # this JDK is whole without the system's openjdk-17 (the trust store link stays the system's).
  find "$home" -type l | while read -r link; do
    target=$(readlink "$link")
    case $target in
      /etc/java-17-openjdk/*|/usr/lib/jvm/*) [ -e "$tmp/root$target" ] && { rm "$link"; cp -a "$tmp/root$target" "$link"; } ;;
    esac
  done
  "$home/bin/java" -version >/dev/null 2>&1 || die "the unpacked JDK does not run: $home/bin/java"
  mv "$home" "$dir/jdk"; rm -rf "$tmp"
}

# --- The JDK's static libraries (libjava.a, libnet.a, ...), built from the matching source. ---
BUILD_DEPS="autoconf make zip unzip file g++ libasound2-dev libcups2-dev libfontconfig1-dev libx11-dev
 libxext-dev libxrender-dev libxrandr-dev libxtst-dev libxt-dev zlib1g-dev libfreetype-dev"
STATIC_LIBS="libjava.a libnet.a libnio.a libzip.a libfdlibm.a libextnet.a"
build_static_libs() { # $1 version, $2 dir
  local v=$1 dir=$2 missing="" p src
  [ -f "$dir/static/libextnet.a" ] && return 0
  for p in $BUILD_DEPS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    [ "$(id -u)" = 0 ] || die "the JDK's build needs these Debian packages:$missing (apt-get install them)"
    step "jdk static libs: installing the build's Debian packages:$missing"
    DEBIAN_FRONTEND=noninteractive bounded 1200 apt-get -qq install -y --no-install-recommends $missing \
      >>"$CACHE/apt.log" 2>&1 || die "installing$missing failed (log: $CACHE/apt.log)"
  fi
  src=$dir/src
  [ -d "$src/tree" ] || die "the source of openjdk-17 $v is gone: remove $dir and run again"
  local log=$dir/static-build.log
  step "jdk static libs: configure and make (15-40 min on 2 cores; log: $log)"
  (
    cd "$src/tree"
    rm -rf build
    bash configure --with-boot-jdk="$dir/jdk" --with-zlib=system --enable-headless-only \
      --disable-warnings-as-errors --with-pcsclite=bundled --with-jobs="${JOBS:-$(nproc)}" --with-native-debug-symbols=none
    # Only the libraries a native image links: java.base's and jdk.net's (libextnet).
    make java.base-static-libs jdk.net-static-libs
  ) > "$log" 2>&1 &
  local pid=$!
  # Bounded: a build taking over 2 hours is a broken one.
  ( sleep 7200; kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null ) & local watchdog=$!
  if ! wait "$pid"; then kill "$watchdog" 2>/dev/null; tail -n 30 "$log" >&2; die "building the static libraries failed (log: $log)"; fi
  kill "$watchdog" 2>/dev/null || true
  mkdir -p "$dir/static.tmp"
  for lib in $STATIC_LIBS; do
    f=$(find "$src/tree/build" -name "$lib" -path '*static*' | head -n 1)
    [ -n "$f" ] || die "the build made no $lib (log: $log)"
    cp "$f" "$dir/static.tmp/"
  done
  rm -rf "$dir/static"; mv "$dir/static.tmp" "$dir/static"
  rm -rf "$src/tree"   # about 1 GB of source and objects; only the libraries are kept
}

# --- GraalVM's builder jars (and svm's sources, for the 17u fixes) from Maven Central. ---
fetch_graal_jars() { # $1 work dir
  local work=$1
  [ -f "$work/jars/svm-sources.jar" ] && return 0
  step "graalvm: builder $GRAAL_VERSION jars from Maven Central (org.graalvm.nativeimage:svm and what it needs)"
  mkdir -p "$work"
  cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.graalvm-from-parts</groupId><artifactId>builder-jars</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.graalvm.nativeimage</groupId><artifactId>svm</artifactId><version>$GRAAL_VERSION</version></dependency>
    <dependency><groupId>org.graalvm.nativeimage</groupId><artifactId>svm</artifactId><version>$GRAAL_VERSION</version><classifier>sources</classifier></dependency>
  </dependencies>
</project>
POM
  rm -rf "$work/jars.tmp"
  bounded 900 mvn -B -q -f "$work/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/jars.tmp" \
    -Dmdep.stripVersion=true >"$work/mvn.log" 2>&1 || { tail -n 20 "$work/mvn.log" >&2; die "fetching GraalVM's jars failed"; }
  rm -rf "$work/jars"; mv "$work/jars.tmp" "$work/jars"
}

# The home's key: the versions, and this folder's code (a change to it makes a new home).
home_key() { # $1 jdk version
  local ours
  ours=$(cd "$HERE" && cat graalvm-from-parts.sh c/*.c tools/*.java | sha256sum | cut -c1-12)
  echo "jdk-$1-graal-$GRAAL_VERSION-$ours"
}

cpu_features_header() { # $1 java home, $2 svm jar, $3 class, $4 guard
  local fields
  fields=$("$1/bin/javap" -cp "$2" "$3" | sed -n 's/.*boolean \(f[A-Za-z0-9_]*\)();/\1/p')
  [ -n "$fields" ] || die "no CPU feature fields in $3"
  printf '/* Generated by graalvm-from-parts.sh from the fields of %s. */\n' "$3"
  printf '#ifndef %s\n#define %s\ntypedef struct {\n' "$4" "$4"
  printf '  char %s;\n' $fields
  printf '} CPUFeatures;\n#endif\n'
}

# The C helpers GraalVM ships prebuilt in its home (README.md says why they are ours).
build_c_helpers() { # $1 home, $2 work dir
  local home=$1 work=$2 svmjar=$1/lib/svm/builder/svm.jar
  local clib=$home/lib/svm/clibraries/linux-amd64 inc=$home/lib/svm/clibraries/linux-amd64/include
  local cflags="-O2 -fPIC -Wall -Werror -fno-strict-aliasing"
  step "c helpers: liblibchelper.a, libjvm.a, libreporterchelper.so and the CPU feature headers"
  mkdir -p "$inc" "$work/c" "$home/lib/svm/builder/lib"
  cpu_features_header "$home" "$svmjar" 'com.oracle.svm.core.amd64.AMD64LibCHelper$CPUFeatures' AMD64CPUFEATURES_H > "$inc/amd64cpufeatures.h"
  cpu_features_header "$home" "$svmjar" 'com.oracle.svm.core.aarch64.AArch64LibCHelper$CPUFeatures' AARCH64CPUFEATURES_H > "$inc/aarch64cpufeatures.h"
  cpu_features_header "$home" "$svmjar" 'com.oracle.svm.core.riscv64.RISCV64LibCHelper$CPUFeatures' RISCV64CPUFEATURES_H > "$inc/riscv64cpufeatures.h"
  gcc $cflags -I"$inc" -c "$HERE/c/libchelper.c" -o "$work/c/libchelper.o"
  gcc $cflags -c "$HERE/c/csunmiscsignal.c" -o "$work/c/csunmiscsignal.o"
  ar rcs "$clib/liblibchelper.a" "$work/c/libchelper.o" "$work/c/csunmiscsignal.o"
  gcc $cflags -I"$home/include" -I"$home/include/linux" -c "$HERE/c/jvm.c" -o "$work/c/jvm.o"
  # A stub for every other JVM_/jio_ function the JDK's static libraries name: they must link,
  # and a call that reaches one aborts with its name instead of misbehaving.
  comm -23 <(nm -u --format=just-symbols "$home"/lib/static/linux-amd64/glibc/*.a 2>/dev/null | grep -E '^(JVM_|jio_)' | sort -u) \
           <(nm --defined-only --format=just-symbols "$work/c/jvm.o" | sort -u) > "$work/c/stubbed.txt"
  {
    echo '/* Generated by graalvm-from-parts.sh: JVM functions the JDK static libraries name but a native image must never call. */'
    echo '#include <stdio.h>'
    echo '#include <stdlib.h>'
    echo '__attribute__((noreturn, unused)) static void reached(const char *name) { fprintf(stderr, "libjvm.a (GraalVM from parts): %s is not implemented\n", name); abort(); }'
    while read -r sym; do echo "void $sym(void) { reached(\"$sym\"); }"; done < "$work/c/stubbed.txt"
  } > "$work/c/jvm_stubs.c"
  gcc $cflags -c "$work/c/jvm_stubs.c" -o "$work/c/jvm_stubs.o"
  ar rcs "$clib/libjvm.a" "$work/c/jvm.o" "$work/c/jvm_stubs.o"
  gcc $cflags -shared -I"$home/include" -I"$home/include/linux" "$HERE/c/reporterchelper.c" -o "$home/lib/svm/builder/lib/libreporterchelper.so"
}

# The three incompatibilities of GraalVM 23.0 with upstream 17u, fixed with our tools (tools/).
fix_for_17u() { # $1 home, $2 work dir
  local home=$1 work=$2 asm="--add-exports java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED"
  local patches=$home/lib/svm/patches
  step "17u fixes: StackLockValue.getSlot call sites rewritten, svm's security substitutions adapted and compiled"
  mkdir -p "$patches/builder" "$patches/compiler"
  local n
  n=$("$home/bin/java" $asm "$HERE/tools/FixStackLockSlot.java" "$home/lib/jvmci/compiler.jar" "$patches/compiler")
  [ "$n" -gt 0 ] || die "no getSlot call site found in the compiler jar"
  n=$("$home/bin/java" $asm "$HERE/tools/FixStackLockSlot.java" "$home/lib/svm/builder/svm.jar" "$patches/builder")
  [ "$n" -gt 0 ] || die "no getSlot call site found in the svm jar"
  rm -rf "$work/security-src"
  "$home/bin/java" "$HERE/tools/PatchSecurityFor17u.java" "$work/jars/svm-sources.jar" "$work/security-src" || die "adapting svm's security sources failed"
  local modulepath
  modulepath=$(ls "$home"/lib/svm/builder/*.jar | paste -sd:)
  grep -- '--add-exports' "$home/lib/svm/builder-module-access.txt" > "$work/javac-exports.txt"
  "$home/bin/javac" -nowarn -XDsuppressNotes -d "$patches/builder" \
    --upgrade-module-path "$home/lib/jvmci/compiler.jar" --module-path "$modulepath" \
    --patch-module org.graalvm.nativeimage.builder="$work/security-src" @"$work/javac-exports.txt" \
    $(find "$work/security-src" -name '*.java') > "$work/javac.log" 2>&1 \
    || { tail -n 20 "$work/javac.log" >&2; die "compiling the adapted security sources failed"; }
}

assemble_home() { # $1 jdk dir, $2 home
  local jdkdir=$1 home=$2 work=$CACHE/work tmp=$2.tmp
  fetch_graal_jars "$work"
  step "home: assembling $home"
  rm -rf "$tmp"; cp -a "$jdkdir/jdk" "$tmp"
  mkdir -p "$tmp/lib/svm/builder" "$tmp/lib/jvmci" "$tmp/lib/static/linux-amd64/glibc"
  for jar in graal-sdk truffle-api native-image-base objectfile pointsto svm; do
    cp "$work/jars/$jar.jar" "$tmp/lib/svm/builder/"
  done
  cp "$work/jars/compiler.jar" "$tmp/lib/jvmci/compiler.jar"
  cp "$jdkdir"/static/*.a "$tmp/lib/static/linux-amd64/glibc/"
  echo "$GRAAL_VERSION" > "$tmp/lib/svm/GRAAL_VERSION"
  # The builder's access to the JDK's internals, from this JDK's own module list.
  mkdir -p "$work/tools"
  "$tmp/bin/javac" -nowarn -d "$work/tools" "$HERE/tools/ModuleAccess.java" "$HERE/tools/NativeImageFromParts.java"
  # Run with the builder's modules resolved as when it builds, so their JDK modules are listed too.
  "$tmp/bin/java" --upgrade-module-path "$tmp/lib/jvmci/compiler.jar" \
    --module-path "$(ls "$tmp"/lib/svm/builder/*.jar | paste -sd:)" --add-modules org.graalvm.nativeimage.builder,ALL-DEFAULT \
    -cp "$work/tools" ModuleAccess > "$tmp/lib/svm/builder-module-access.txt"
  fix_for_17u "$tmp" "$work"
  build_c_helpers "$tmp" "$work"
  mkdir -p "$tmp/lib/svm/driver"
  cp "$work"/tools/NativeImageFromParts*.class "$tmp/lib/svm/driver/"
  cat > "$tmp/bin/native-image" <<'DRIVER'
#!/bin/sh
# native-image of a GraalVM home assembled by cogauth's dist/native/graalvm-from-parts.sh.
home=$(cd "$(dirname "$0")/.." && pwd)
exec "$home/bin/java" -XX:TieredStopAtLevel=1 -Xmx256m -cp "$home/lib/svm/driver" NativeImageFromParts "$@"
DRIVER
  chmod +x "$tmp/bin/native-image"
  "$tmp/bin/native-image" --version >/dev/null || die "the assembled native-image does not run"
  rm -rf "$home"; mv "$tmp" "$home"
  # Homes made by an older version of this folder's code are superseded (about 300 MB each).
  for old in "${home%-*}"-*; do
    [ "$old" = "$home" ] || [ ! -d "$old/lib/svm" ] || { step "home: removing the superseded $old"; rm -rf "$old"; }
  done
}

main() {
  command -v mvn >/dev/null || die "mvn is needed (GraalVM's jars come from Maven Central)"
  command -v gcc >/dev/null || die "gcc is needed (the C helpers, and native-image links with it)"
  prepare_apt
  local v; v=$(fetch_source)
  local jdkdir=$CACHE/jdk-$v
  fetch_jdk "$v" "$jdkdir"
  build_static_libs "$v" "$jdkdir"
  if [ "${1:-}" = --static-libs-only ]; then echo "$jdkdir"; return 0; fi
  local home; home=$CACHE/$(home_key "$v")
  if [ -x "$home/bin/native-image" ]; then
    step "home: reusing $home"
  else
    assemble_home "$jdkdir" "$home"
  fi
  echo "$home"
}

main "$@"
