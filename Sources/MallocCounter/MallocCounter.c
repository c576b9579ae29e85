// Counts heap allocations per thread by interposing glibc's allocator entry points.
// Linked only into test and benchmark binaries, to show that the solver's step loop allocates nothing.
#include "MallocCounter.h"
#if defined(__linux__) && defined(__GLIBC__)
#include <stddef.h>
#include <errno.h>
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
static __thread uint64_t counter = 0;
void *malloc(size_t n) { counter++; return __libc_malloc(n); }
void *calloc(size_t a, size_t b) { counter++; return __libc_calloc(a, b); }
void *realloc(void *p, size_t n) { counter++; return __libc_realloc(p, n); }
void *memalign(size_t al, size_t n) { counter++; return __libc_memalign(al, n); }
void *aligned_alloc(size_t al, size_t n) { counter++; return __libc_memalign(al, n); }
int posix_memalign(void **out, size_t al, size_t n) {
    counter++;
    void *p = __libc_memalign(al, n);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}
uint64_t osteosim_thread_allocations(void) { return counter; }
#else
uint64_t osteosim_thread_allocations(void) { return 0; }
#endif
