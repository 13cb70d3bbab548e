/*
 * The real part of libjvm.a for GraalVM 23.0's Substrate VM on Linux. The JDK's static libraries
 * (libjava.a, libnet.a, ...) call HotSpot's JVM_* functions; in a native image most of those calls
 * sit in code svm replaces with Java substitutions, but the libraries must still link, and a few
 * are really called. Those are implemented here, after HotSpot's behaviour on Linux (jvm.cpp,
 * os_linux.cpp). Every other JVM_* symbol the libraries name is generated as a stub that aborts
 * with its name (graalvm-from-parts.sh writes them from the libraries' undefined symbols): a stub
 * reached at run time is a defect to be fixed here.
 */
#include <dlfcn.h>
#include <errno.h>
#include <jni.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* svm's Jvm.initialize(): only there to put this library on the link line. */
void initialize(void) {}

jint JVM_ActiveProcessorCount(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (jint)n : 1;
}

jlong JVM_CurrentTimeMillis(JNIEnv *env, jclass ignored) {
  struct timeval t;
  gettimeofday(&t, NULL);
  return (jlong)t.tv_sec * 1000 + t.tv_usec / 1000;
}

jlong JVM_NanoTime(JNIEnv *env, jclass ignored) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (jlong)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* The nanoseconds since offset_secs, or -1 when that is too far off to fit (as HotSpot). */
jlong JVM_GetNanoTimeAdjustment(JNIEnv *env, jclass ignored, jlong offset_secs) {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  jlong diff = (jlong)t.tv_sec - offset_secs;
  if (diff >= 0x100000000LL || diff <= -0x100000000LL) {
    return -1;
  }
  return diff * 1000000000LL + t.tv_nsec;
}

void *JVM_RegisterSignal(jint sig, void *handler) {
  struct sigaction action, old;
  memset(&action, 0, sizeof(action));
  action.sa_handler = (void (*)(int))handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  if (sigaction(sig, &action, &old) != 0) {
    return (void *)-1;
  }
  return (void *)old.sa_handler;
}

jboolean JVM_RaiseSignal(jint sig) { return raise(sig) == 0; }

jint JVM_FindSignal(const char *name) {
  static const struct {
    const char *name;
    int number;
  } signals[] = {{"HUP", SIGHUP},   {"INT", SIGINT},   {"QUIT", SIGQUIT}, {"TERM", SIGTERM},   {"USR1", SIGUSR1},
                 {"USR2", SIGUSR2}, {"ALRM", SIGALRM}, {"CHLD", SIGCHLD}, {"PIPE", SIGPIPE},   {"WINCH", SIGWINCH},
                 {"CONT", SIGCONT}, {"TSTP", SIGTSTP}, {"TRAP", SIGTRAP}, {"ABRT", SIGABRT}};
  for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
    if (strcmp(name, signals[i].name) == 0) {
      return signals[i].number;
    }
  }
  return -1;
}

void *JVM_FindLibraryEntry(void *handle, const char *name) { return dlsym(handle, name); }

jboolean JVM_IsSupportedJNIVersion(jint version) {
  return version == JNI_VERSION_1_1 || version == JNI_VERSION_1_2 || version == JNI_VERSION_1_4 ||
         version == JNI_VERSION_1_6 || version == JNI_VERSION_1_8 || version == JNI_VERSION_9 ||
         version == JNI_VERSION_10;
}

jint JVM_GetLastErrorString(char *buf, int len) {
  if (len <= 0) {
    return 0;
  }
  const char *message = errno != 0 ? strerror(errno) : NULL;
  if (message == NULL) {
    buf[0] = '\0';
    return 0;
  }
  size_t n = strlen(message);
  if (n >= (size_t)len) {
    n = (size_t)len - 1;
  }
  memcpy(buf, message, n);
  buf[n] = '\0';
  return (jint)n;
}

jint JVM_GetInterfaceVersion(void) { return 6; /* JVM_INTERFACE_VERSION of JDK 17 */ }

void JVM_Halt(jint code) { _exit(code); }

/* Memory figures svm answers itself (Runtime substitutions); here only for the link. */
void JVM_GC(void) {}
jlong JVM_MaxMemory(void) { return 0; }
jlong JVM_TotalMemory(void) { return 0; }
jlong JVM_FreeMemory(void) { return 0; }

char *JVM_NativePath(char *path) { return path; }

void *JVM_LoadLibrary(const char *name, jboolean throwException) { return dlopen(name, RTLD_LAZY); }

void JVM_UnloadLibrary(void *handle) { dlclose(handle); }

jint JVM_InitializeSocketLibrary(void) { return 0; }

/* HotSpot's jio_* print helpers: always NUL-terminated, -1 when truncated. */
int jio_vsnprintf(char *str, size_t count, const char *fmt, va_list args) {
  if ((long)count <= 0) {
    return -1;
  }
  int result = vsnprintf(str, count, fmt, args);
  if (result > 0 && (size_t)result >= count) {
    str[count - 1] = '\0';
    return -1;
  }
  return result;
}

int jio_snprintf(char *str, size_t count, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  int result = jio_vsnprintf(str, count, fmt, args);
  va_end(args);
  return result;
}

int jio_fprintf(FILE *f, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  int result = vfprintf(f, fmt, args);
  va_end(args);
  return result;
}
