/*
 * liblibchelper.a for GraalVM 23.0's Substrate VM on linux-amd64: the C functions svm's Java code
 * declares with @CFunction in its "libchelper" library (LibCHelper, AMD64LibCHelper,
 * CodeSynchronizationOperations). GraalVM ships them prebuilt in its home; they are not on Maven
 * Central, so these are written anew after the Java declarations' contracts.
 */
#include <cpuid.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "amd64cpufeatures.h"

extern char **environ;

char **getEnviron(void) { return environ; }

/*
 * The time-zone id when TZ is unset: what the JDK's TimeZone_md.c finds, in the same order (TZ,
 * the /etc/localtime link, /etc/timezone). The caller frees the result.
 */
char *SVM_FindJavaTZmd(const char *tzMappings, int length) {
  (void)tzMappings;
  (void)length;
  const char *tz = getenv("TZ");
  if (tz != NULL && *tz != '\0') {
    return strdup(*tz == ':' ? tz + 1 : tz);
  }
  char buf[4096];
  ssize_t n = readlink("/etc/localtime", buf, sizeof(buf) - 1);
  if (n > 0) {
    buf[n] = '\0';
    const char *zone = strstr(buf, "zoneinfo/");
    if (zone != NULL) {
      return strdup(zone + strlen("zoneinfo/"));
    }
  }
  FILE *f = fopen("/etc/timezone", "r");
  if (f != NULL) {
    char *line = fgets(buf, sizeof(buf), f);
    fclose(f);
    if (line != NULL) {
      buf[strcspn(buf, "\r\n ")] = '\0';
      if (buf[0] != '\0') {
        return strdup(buf);
      }
    }
  }
  return strdup("UTC");
}

static unsigned long long xgetbv0(void) {
  unsigned int eax, edx;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  return ((unsigned long long)edx << 32) | eax;
}

#define BIT(reg, n) (((reg) >> (n)) & 1)

/* The CPU's features, as the image checks them at start against the ones it was compiled for. */
void determineCPUFeatures(CPUFeatures *f) {
  unsigned int a, b, c, d;
  memset(f, 0, sizeof(*f));
  unsigned int max = __get_cpuid_max(0, NULL);
  __cpuid(1, a, b, c, d);
  f->fCX8 = BIT(d, 8); f->fCMOV = BIT(d, 15); f->fFXSR = BIT(d, 24); f->fHT = BIT(d, 28);
  f->fMMX = BIT(d, 23); f->fSSE = BIT(d, 25); f->fSSE2 = BIT(d, 26); f->fTSC = BIT(d, 4);
  f->fFLUSH = BIT(d, 19);
  f->fSSE3 = BIT(c, 0); f->fCLMUL = BIT(c, 1); f->fSSSE3 = BIT(c, 9); f->fSSE4_1 = BIT(c, 19);
  f->fSSE4_2 = BIT(c, 20); f->fPOPCNT = BIT(c, 23); f->fAES = BIT(c, 25); f->fHV = BIT(c, 31);
  /* AVX and AVX-512 count only when the OS saves their registers (XCR0). */
  int osxsave = BIT(c, 27);
  unsigned long long xcr0 = osxsave ? xgetbv0() : 0;
  int ymm = osxsave && (xcr0 & 0x6) == 0x6;
  int zmm = ymm && (xcr0 & 0xe0) == 0xe0;
  if (ymm) {
    f->fAVX = BIT(c, 28); f->fFMA = BIT(c, 12); f->fF16C = BIT(c, 29); f->fVZEROUPPER = f->fAVX;
  }
  if (max >= 7) {
    __cpuid_count(7, 0, a, b, c, d);
    f->fBMI1 = BIT(b, 3); f->fBMI2 = BIT(b, 8); f->fERMS = BIT(b, 9); f->fRTM = BIT(b, 11);
    f->fADX = BIT(b, 19); f->fFLUSHOPT = BIT(b, 23); f->fCLWB = BIT(b, 24); f->fSHA = BIT(b, 29);
    f->fPKU = BIT(c, 3); f->fOSPKE = BIT(c, 4); f->fCET_SS = BIT(c, 7); f->fGFNI = BIT(c, 8);
    f->fRDPID = BIT(c, 22);
    f->fFSRM = BIT(d, 4); f->fSERIALIZE = BIT(d, 14); f->fCET_IBT = BIT(d, 20);
    if (ymm) {
      f->fAVX2 = BIT(b, 5);
    }
    if (zmm) {
      f->fAVX512F = BIT(b, 16); f->fAVX512DQ = BIT(b, 17); f->fAVX512_IFMA = BIT(b, 21);
      f->fAVX512PF = BIT(b, 26); f->fAVX512ER = BIT(b, 27); f->fAVX512CD = BIT(b, 28);
      f->fAVX512BW = BIT(b, 30); f->fAVX512VL = BIT(b, 31);
      f->fAVX512_VBMI = BIT(c, 1); f->fAVX512_VBMI2 = BIT(c, 6); f->fAVX512_VAES = BIT(c, 9);
      f->fAVX512_VPCLMULQDQ = BIT(c, 10); f->fAVX512_VNNI = BIT(c, 11);
      f->fAVX512_BITALG = BIT(c, 12); f->fAVX512_VPOPCNTDQ = BIT(c, 14);
    }
  }
  unsigned int maxExtended = __get_cpuid_max(0x80000000, NULL);
  if (maxExtended >= 0x80000001) {
    __cpuid(0x80000001, a, b, c, d);
    f->fLZCNT = BIT(c, 5); f->fSSE4A = BIT(c, 6); f->fAMD_3DNOW_PREFETCH = BIT(c, 8);
    f->fRDTSCP = BIT(d, 27);
  }
  if (maxExtended >= 0x80000007) {
    __cpuid(0x80000007, a, b, c, d);
    f->fTSCINV_BIT = BIT(d, 8); f->fTSCINV = f->fTSCINV_BIT;
  }
}

/*
 * The image stores the features it needs bit-inverted, one byte per field (0xFE: required,
 * 0xFF: not), so that OR-ing in the CPU's gives all ones exactly when nothing is missing.
 */
int checkCPUFeatures(const char *buildtimeMask) {
  CPUFeatures runtime;
  determineCPUFeatures(&runtime);
  const unsigned char *have = (const unsigned char *)&runtime;
  const unsigned char *mask = (const unsigned char *)buildtimeMask;
  for (size_t i = 0; i < sizeof(runtime); i++) {
    if ((unsigned char)(have[i] | mask[i]) != 0xFF) {
      return -1;
    }
  }
  return 0;
}

int checkCPUFeaturesOrExit(const char *buildtimeMask, const char *errorMessage) {
  if (checkCPUFeatures(buildtimeMask) != 0) {
    fputs(errorMessage, stderr);
    fputc('\n', stderr);
    exit(1);
  }
  return 0;
}

/* Fixed-signature wrappers of variadic functions (Java cannot call varargs C directly). */
int fprintfSD(FILE *stream, const char *format, const char *arg0, int arg1) {
  return fprintf(stream, format, arg0, arg1);
}

int openSII(const char *pathname, int flags, int mode) { return open(pathname, flags, mode); }
