#include "CNeuralKernels.h"

void metaqnn_prefetch_range(const void *p, long bytes, int write) {
    const char *first = (const char *)p;
    if (bytes <= 0) return;
    // Every 64-byte line from the first byte's to the last byte's.
    const char *last = first + bytes - 1;
    if (write) {
        for (const char *q = first; q <= last; q += 64) __builtin_prefetch(q, 1, 3);
        __builtin_prefetch(last, 1, 3);
    } else {
        for (const char *q = first; q <= last; q += 64) __builtin_prefetch(q, 0, 3);
        __builtin_prefetch(last, 0, 3);
    }
}
