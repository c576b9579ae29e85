#ifndef OSTEOSIM_MALLOC_COUNTER_H
#define OSTEOSIM_MALLOC_COUNTER_H
#include <stdint.h>
/// Number of malloc/calloc/realloc/aligned allocations made by the calling thread so far
/// (glibc only; returns 0 where interposition is not available).
uint64_t osteosim_thread_allocations(void);
#endif
