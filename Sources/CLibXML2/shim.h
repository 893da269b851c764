// The system libxml2 (Debian libxml2-dev): its HTML and XML parsers, nothing else.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with Foundation's own ICU module. The
// ICU parts are only the converter fields of xmlCharEncodingHandler, a struct gongkai never
// touches (it reaches it through pointers only), so the clashing headers are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
