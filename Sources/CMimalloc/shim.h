// The system mimalloc (Debian libmimalloc-dev), linked into the gongkai executable only: it
// replaces malloc and free for the whole process, Swift's runtime included.
#include <mimalloc.h>
