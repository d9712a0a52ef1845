// LD_PRELOAD shim for wal-stalls.sh: reports every fsync, fdatasync and
// ftruncate that takes longer than 5 ms, with the calling thread's name,
// on standard error (the server's log). Build: cc -O2 -shared -fPIC.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void report(const char *call, int fd, double seconds)
{
    if (seconds <= 0.005)
        return;
    char name[32] = {0};
    pthread_getname_np(pthread_self(), name, sizeof name);
    fprintf(stderr, "SLOWSYS %.6f %s %s fd=%d %.1f ms\n", now(), name, call, fd, seconds * 1000);
}

#define TIMED(ret, call, params, args, fdArg)                                                      \
    ret call params                                                                                \
    {                                                                                              \
        static ret(*real) params;                                                                  \
        if (!real)                                                                                 \
            real = (ret(*) params)dlsym(RTLD_NEXT, #call);                                         \
        const double start = now();                                                                \
        const ret result = real args;                                                              \
        report(#call, fdArg, now() - start);                                                       \
        return result;                                                                             \
    }

TIMED(int, fsync, (int fd), (fd), fd)
TIMED(int, fdatasync, (int fd), (fd), fd)
TIMED(int, ftruncate, (int fd, off_t length), (fd, length), fd)
TIMED(int, ftruncate64, (int fd, off_t length), (fd, length), fd)
