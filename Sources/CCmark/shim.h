// The system libcmark (Debian libcmark-dev), nothing else.
#include <cmark.h>
