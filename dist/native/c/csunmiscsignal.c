/*
 * The cSunMiscSignal_* functions of liblibchelper.a: Java-level signal handling (sun.misc.Signal,
 * and through it shutdown hooks on SIGINT/SIGTERM) in GraalVM 23.0's Substrate VM. Written after
 * the contract in svm's CSunMiscSignal.java: a C handler counts each signal and posts a semaphore;
 * a Java thread awaits the semaphore and dispatches the counted signals.
 */
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <string.h>

static volatile long pendingSignals[NSIG];
static sem_t semaphore;
static int haveSemaphore = 0;

int cSunMiscSignal_open(void) {
  if (haveSemaphore) {
    errno = EBUSY;
    return -1;
  }
  memset((void *)pendingSignals, 0, sizeof(pendingSignals));
  if (sem_init(&semaphore, 0, 0) != 0) {
    return -1;
  }
  haveSemaphore = 1;
  return 0;
}

int cSunMiscSignal_close(void) {
  if (!haveSemaphore) {
    return 0;
  }
  haveSemaphore = 0;
  return sem_destroy(&semaphore);
}

int cSunMiscSignal_await(void) {
  int r;
  do {
    r = sem_wait(&semaphore);
  } while (r == -1 && errno == EINTR);
  return r;
}

int cSunMiscSignal_post(void) { return sem_post(&semaphore); }

int cSunMiscSignal_signalRangeCheck(int sig) { return sig > 0 && sig < NSIG; }

long cSunMiscSignal_getCount(int sig) {
  if (!cSunMiscSignal_signalRangeCheck(sig)) {
    return -1;
  }
  return __atomic_load_n(&pendingSignals[sig], __ATOMIC_SEQ_CST);
}

/* Takes one pending signal, if any; returns the count before. */
long cSunMiscSignal_decrementCount(int sig) {
  if (!cSunMiscSignal_signalRangeCheck(sig)) {
    return -1;
  }
  long old = __atomic_load_n(&pendingSignals[sig], __ATOMIC_SEQ_CST);
  while (old > 0 && !__atomic_compare_exchange_n(&pendingSignals[sig], &old, old - 1, 0, __ATOMIC_SEQ_CST,
                                                 __ATOMIC_SEQ_CST)) {
  }
  return old;
}

/* Async-signal-safe: an atomic increment and sem_post, errno preserved. */
static void countingHandler(int sig) {
  if (cSunMiscSignal_signalRangeCheck(sig)) {
    int saved = errno;
    __atomic_fetch_add(&pendingSignals[sig], 1, __ATOMIC_SEQ_CST);
    sem_post(&semaphore);
    errno = saved;
  }
}

void *cSunMiscSignal_countingHandlerFunctionPointer(void) { return (void *)&countingHandler; }
