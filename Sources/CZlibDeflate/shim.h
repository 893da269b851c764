// The system zlib (Debian zlib1g-dev): raw deflate and CRC-32 for the zip files gongkai writes.
// (ZIPFoundation, which reads .docx, has its own zlib module, CZlib: module names must differ.)
#include <zlib.h>

// deflateInit2 is a macro, which Swift cannot call: a raw deflate stream (no zlib header or
// trailer, windowBits -15, as a zip entry holds it) at `level`, zlib's default memory and strategy.
static inline int gongkai_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}
