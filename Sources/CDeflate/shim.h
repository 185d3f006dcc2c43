#ifndef CDEFLATE_SHIM_H
#define CDEFLATE_SHIM_H

#include <zlib.h>

// deflateInit2 is a macro (it passes zlib's version and the stream's size), so Swift cannot call it: wrap it.
// windowBits -15: a raw deflate stream, as a zip entry holds (no zlib header or trailer).
static inline int cdeflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

#endif
