/* mod_pyexpat.c - the `pyexpat` module on Debian's libexpat: ParserCreate, the
 * xmlparser type with its handler attributes, ExpatError, ErrorString, and the
 * `errors` and `model` submodules; what xml.parsers.expat, xml.etree's
 * XMLParser, xml.dom.minidom, xml.sax's expatreader and plistlib build on.
 *
 * A parser holds one XML_Parser whose user data is the parser object (the
 * collector never moves objects).  Each handler attribute has a slot of
 * Values and a C callback; the callback is installed in expat only while the
 * attribute is set, since installing some (DefaultHandler, CharacterData)
 * changes what expat reports.  The callbacks build CPython's arguments (names
 * interned through the parser's `intern` dict), call the Python handler and,
 * when it raises, leave the exception pending and clear every handler, so
 * expat finishes the buffer without calling Python again and Parse() raises
 * it, as CPython's pyexpat does.  With buffer_text, character data collects
 * in a buffer of buffer_size bytes and reaches CharacterDataHandler in one
 * call, before any other handler runs.  Expat calls back into Python, so
 * parsing keeps the GIL.
 */
#include <expat.h>
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "interp/modreg.h"

GILPY_MODULE("pyexpat", mod_pyexpat_init);

/* name, expat's setter, the C callback, the attribute: one line per handler. */
#define XP_HANDLERS(X)                                                                            \
    X(StartElement, XML_SetStartElementHandler, xp_cb_StartElement, "StartElementHandler")        \
    X(EndElement, XML_SetEndElementHandler, xp_cb_EndElement, "EndElementHandler")                \
    X(ProcessingInstruction, XML_SetProcessingInstructionHandler, xp_cb_ProcessingInstruction,    \
      "ProcessingInstructionHandler")                                                             \
    X(CharacterData, XML_SetCharacterDataHandler, xp_cb_CharacterData, "CharacterDataHandler")    \
    X(UnparsedEntityDecl, XML_SetUnparsedEntityDeclHandler, xp_cb_UnparsedEntityDecl,             \
      "UnparsedEntityDeclHandler")                                                                \
    X(NotationDecl, XML_SetNotationDeclHandler, xp_cb_NotationDecl, "NotationDeclHandler")        \
    X(StartNamespaceDecl, XML_SetStartNamespaceDeclHandler, xp_cb_StartNamespaceDecl,             \
      "StartNamespaceDeclHandler")                                                                \
    X(EndNamespaceDecl, XML_SetEndNamespaceDeclHandler, xp_cb_EndNamespaceDecl,                   \
      "EndNamespaceDeclHandler")                                                                  \
    X(Comment, XML_SetCommentHandler, xp_cb_Comment, "CommentHandler")                            \
    X(StartCdataSection, XML_SetStartCdataSectionHandler, xp_cb_StartCdataSection,                \
      "StartCdataSectionHandler")                                                                 \
    X(EndCdataSection, XML_SetEndCdataSectionHandler, xp_cb_EndCdataSection,                      \
      "EndCdataSectionHandler")                                                                   \
    X(Default, XML_SetDefaultHandler, xp_cb_Default, "DefaultHandler")                            \
    X(DefaultHandlerExpand, XML_SetDefaultHandlerExpand, xp_cb_DefaultHandlerExpand,              \
      "DefaultHandlerExpand")                                                                     \
    X(NotStandalone, XML_SetNotStandaloneHandler, xp_cb_NotStandalone, "NotStandaloneHandler")    \
    X(ExternalEntityRef, XML_SetExternalEntityRefHandler, xp_cb_ExternalEntityRef,                \
      "ExternalEntityRefHandler")                                                                 \
    X(StartDoctypeDecl, XML_SetStartDoctypeDeclHandler, xp_cb_StartDoctypeDecl,                   \
      "StartDoctypeDeclHandler")                                                                  \
    X(EndDoctypeDecl, XML_SetEndDoctypeDeclHandler, xp_cb_EndDoctypeDecl,                         \
      "EndDoctypeDeclHandler")                                                                    \
    X(EntityDecl, XML_SetEntityDeclHandler, xp_cb_EntityDecl, "EntityDeclHandler")                \
    X(XmlDecl, XML_SetXmlDeclHandler, xp_cb_XmlDecl, "XmlDeclHandler")                            \
    X(ElementDecl, XML_SetElementDeclHandler, xp_cb_ElementDecl, "ElementDeclHandler")            \
    X(AttlistDecl, XML_SetAttlistDeclHandler, xp_cb_AttlistDecl, "AttlistDeclHandler")            \
    X(SkippedEntity, XML_SetSkippedEntityHandler, xp_cb_SkippedEntity, "SkippedEntityHandler")

enum {
#define XP_ENUM(n, s, c, a) H_##n,
    XP_HANDLERS(XP_ENUM)
#undef XP_ENUM
    H_COUNT
};

typedef struct {
    Obj        header;
    XML_Parser parser;
    Value      handlers[H_COUNT];   /* VAL_NULL: not set */
    Value      intern;              /* dict, or None: no interning */
    Value      parent;              /* ExternalEntityParserCreate's parser (expat needs it alive) */
    char      *buffer;              /* buffer_text: collected character data, else NULL */
    int        buffer_size, buffer_used;
    int        ordered_attributes, specified_attributes, ns_prefixes, in_callback;
} XmlParser;

extern Type type_xmlparser;
#define XP(v) ((XmlParser *)AS_OBJ(v))

static Value xp_error_class = VAL_NULL;   /* xml.parsers.expat.ExpatError */

static void xp_trace(Obj *o) {
    XmlParser *p = (XmlParser *)o;
    gc_mark_values(p->handlers, H_COUNT);
    gc_mark_value(p->intern);
    gc_mark_value(p->parent);
}

static void xp_finalize(Obj *o) {
    XmlParser *p = (XmlParser *)o;
    if (p->parser) XML_ParserFree(p->parser);
    free(p->buffer);
    p->parser = NULL;
    p->buffer = NULL;
}

/* ---- strings from expat ------------------------------------------------------------------- */

static Value xp_str_len(const XML_Char *s, int len) {
    return s ? str_new_checked(s, (size_t)len) : VAL_NONE;
}

static Value xp_str(const XML_Char *s) { return s ? xp_str_len(s, (int)strlen(s)) : VAL_NONE; }

/* A name through the intern dict: the same str object for the same name. */
static Value xp_intern(XmlParser *p, const XML_Char *s) {
    if (!s) return VAL_NONE;
    Value v = xp_str(s);
    if (IS_NULL(v) || !IS_DICT(p->intern)) return v;
    Value old = dict_get(p->intern, v);
    if (!IS_NULL(old)) return old;
    if (err_occurred() || dict_set(p->intern, v, v) < 0) return VAL_NULL;
    return v;
}

/* ---- calling the handlers ----------------------------------------------------------------- */

static void xp_install(XmlParser *p, int h, int on);

/* A handler raised: keep its exception pending and stop calling Python
 * (every handler cleared), as CPython's flag_error does. */
static void xp_flag_error(XmlParser *p) {
    for (int h = 0; h < H_COUNT; h++) {
        p->handlers[h] = VAL_NULL;
        xp_install(p, h, 0);
    }
}

/* Call handler h with n arguments; VAL_NULL (and handlers cleared) on error. */
static Value xp_call(XmlParser *p, int h, int n, Value *args) {
    for (int i = 0; i < n; i++)
        if (IS_NULL(args[i])) { xp_flag_error(p); return VAL_NULL; }
    p->in_callback = 1;
    Value r = call_value(p->handlers[h], args, n, VAL_NULL);
    p->in_callback = 0;
    if (IS_NULL(r)) xp_flag_error(p);
    return r;
}

static int xp_flush_text(XmlParser *p) {
    if (!p->buffer || p->buffer_used == 0) return 0;
    int n = p->buffer_used;
    p->buffer_used = 0;
    if (IS_NULL(p->handlers[H_CharacterData])) return 0;
    Value a[1] = {xp_str_len(p->buffer, n)};
    return IS_NULL(xp_call(p, H_CharacterData, 1, a)) ? -1 : 0;
}

/* Whether handler h should be called now: set, no exception pending, and
 * the buffered character data delivered first. */
static int xp_ready(XmlParser *p, int h) {
    if (IS_NULL(p->handlers[h]) || err_occurred()) return 0;
    return xp_flush_text(p) == 0 && !IS_NULL(p->handlers[h]);
}

#define XP_SELF XmlParser *p = (XmlParser *)ud
#define XP_CALL(h, ...) do {                                        \
        Value a_[] = {__VA_ARGS__};                                 \
        xp_call(p, h, (int)(sizeof a_ / sizeof a_[0]), a_);          \
    } while (0)

static void xp_cb_StartElement(void *ud, const XML_Char *name, const XML_Char **atts) {
    XP_SELF;
    if (!xp_ready(p, H_StartElement)) return;
    int max = 0;
    if (p->specified_attributes) max = XML_GetSpecifiedAttributeCount(p->parser);
    else while (atts[max]) max += 2;
    Value attrs = p->ordered_attributes ? list_new(0) : dict_new();
    for (int i = 0; !IS_NULL(attrs) && i < max; i += 2) {
        Value k = xp_intern(p, atts[i]), v = xp_str(atts[i + 1]);
        if (IS_NULL(k) || IS_NULL(v)) attrs = VAL_NULL;
        else if (p->ordered_attributes ? (list_append(attrs, k) < 0 || list_append(attrs, v) < 0)
                                       : dict_set(attrs, k, v) < 0)
            attrs = VAL_NULL;
    }
    XP_CALL(H_StartElement, xp_intern(p, name), attrs);
}

static void xp_cb_EndElement(void *ud, const XML_Char *name) {
    XP_SELF;
    if (xp_ready(p, H_EndElement)) XP_CALL(H_EndElement, xp_intern(p, name));
}

static void xp_cb_ProcessingInstruction(void *ud, const XML_Char *target, const XML_Char *data) {
    XP_SELF;
    if (xp_ready(p, H_ProcessingInstruction))
        XP_CALL(H_ProcessingInstruction, xp_intern(p, target), xp_str(data));
}

static void xp_cb_CharacterData(void *ud, const XML_Char *data, int len) {
    XP_SELF;
    if (err_occurred() || IS_NULL(p->handlers[H_CharacterData])) return;
    if (!p->buffer) { XP_CALL(H_CharacterData, xp_str_len(data, len)); return; }
    if (p->buffer_used + len > p->buffer_size) {
        if (xp_flush_text(p) < 0 || IS_NULL(p->handlers[H_CharacterData])) return;
    }
    if (len > p->buffer_size || !p->buffer) {     /* the handler may have turned buffering off */
        XP_CALL(H_CharacterData, xp_str_len(data, len));
        p->buffer_used = 0;
    } else {
        memcpy(p->buffer + p->buffer_used, data, (size_t)len);
        p->buffer_used += len;
    }
}

static void xp_cb_UnparsedEntityDecl(void *ud, const XML_Char *entity, const XML_Char *base,
                                     const XML_Char *sysid, const XML_Char *pubid,
                                     const XML_Char *notation) {
    XP_SELF;
    if (xp_ready(p, H_UnparsedEntityDecl))
        XP_CALL(H_UnparsedEntityDecl, xp_intern(p, entity), xp_intern(p, base), xp_intern(p, sysid),
                xp_intern(p, pubid), xp_intern(p, notation));
}

static void xp_cb_NotationDecl(void *ud, const XML_Char *name, const XML_Char *base, const XML_Char *sysid,
                               const XML_Char *pubid) {
    XP_SELF;
    if (xp_ready(p, H_NotationDecl))
        XP_CALL(H_NotationDecl, xp_intern(p, name), xp_intern(p, base), xp_intern(p, sysid),
                xp_intern(p, pubid));
}

static void xp_cb_StartNamespaceDecl(void *ud, const XML_Char *prefix, const XML_Char *uri) {
    XP_SELF;
    if (xp_ready(p, H_StartNamespaceDecl))
        XP_CALL(H_StartNamespaceDecl, xp_intern(p, prefix), xp_intern(p, uri));
}

static void xp_cb_EndNamespaceDecl(void *ud, const XML_Char *prefix) {
    XP_SELF;
    if (xp_ready(p, H_EndNamespaceDecl)) XP_CALL(H_EndNamespaceDecl, xp_intern(p, prefix));
}

static void xp_cb_Comment(void *ud, const XML_Char *data) {
    XP_SELF;
    if (xp_ready(p, H_Comment)) XP_CALL(H_Comment, xp_str(data));
}

static void xp_call0(XmlParser *p, int h) {
    if (xp_ready(p, h)) xp_call(p, h, 0, NULL);
}

static void xp_cb_StartCdataSection(void *ud) { xp_call0((XmlParser *)ud, H_StartCdataSection); }
static void xp_cb_EndCdataSection(void *ud) { xp_call0((XmlParser *)ud, H_EndCdataSection); }
static void xp_cb_EndDoctypeDecl(void *ud) { xp_call0((XmlParser *)ud, H_EndDoctypeDecl); }

static void xp_cb_Default(void *ud, const XML_Char *s, int len) {
    XP_SELF;
    if (xp_ready(p, H_Default)) XP_CALL(H_Default, xp_str_len(s, len));
}

static void xp_cb_DefaultHandlerExpand(void *ud, const XML_Char *s, int len) {
    XP_SELF;
    if (xp_ready(p, H_DefaultHandlerExpand)) XP_CALL(H_DefaultHandlerExpand, xp_str_len(s, len));
}

/* The int a handler returns (NotStandalone, ExternalEntityRef); 0 on error. */
static int xp_int_result(XmlParser *p, Value r) {
    if (IS_NULL(r)) return 0;
    int64_t n;
    if (!IS_INT(r)) {
        err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", r);
        xp_flag_error(p);
        return 0;
    }
    if (int_to_i64(r, &n) < 0) { xp_flag_error(p); return 0; }
    return (int)n;
}

static int xp_cb_NotStandalone(void *ud) {
    XP_SELF;
    if (!xp_ready(p, H_NotStandalone)) return 0;
    return xp_int_result(p, xp_call(p, H_NotStandalone, 0, NULL));
}

static int xp_cb_ExternalEntityRef(XML_Parser parser, const XML_Char *context, const XML_Char *base,
                                   const XML_Char *sysid, const XML_Char *pubid) {
    XmlParser *p = (XmlParser *)XML_GetUserData(parser);
    if (!xp_ready(p, H_ExternalEntityRef)) return 0;
    Value a[4] = {xp_str(context), xp_intern(p, base), xp_intern(p, sysid), xp_intern(p, pubid)};
    return xp_int_result(p, xp_call(p, H_ExternalEntityRef, 4, a));
}

static void xp_cb_StartDoctypeDecl(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                                   int has_internal_subset) {
    XP_SELF;
    if (xp_ready(p, H_StartDoctypeDecl))
        XP_CALL(H_StartDoctypeDecl, xp_intern(p, name), xp_intern(p, sysid), xp_intern(p, pubid),
                MK_SMALLINT(has_internal_subset));
}

static void xp_cb_EntityDecl(void *ud, const XML_Char *name, int is_pe, const XML_Char *value, int value_len,
                             const XML_Char *base, const XML_Char *sysid, const XML_Char *pubid,
                             const XML_Char *notation) {
    XP_SELF;
    if (xp_ready(p, H_EntityDecl))
        XP_CALL(H_EntityDecl, xp_intern(p, name), MK_SMALLINT(is_pe), xp_str_len(value, value_len),
                xp_intern(p, base), xp_intern(p, sysid), xp_intern(p, pubid), xp_intern(p, notation));
}

static void xp_cb_XmlDecl(void *ud, const XML_Char *version, const XML_Char *encoding, int standalone) {
    XP_SELF;
    if (xp_ready(p, H_XmlDecl)) XP_CALL(H_XmlDecl, xp_str(version), xp_str(encoding), MK_SMALLINT(standalone));
}

/* A content model as CPython gives it: (type, quantifier, name, children). */
static Value xp_model(XmlParser *p, XML_Content *m) {
    Value kids = tuple_new(m->numchildren);
    if (IS_NULL(kids) || obj_enter_recursion(" in conv_content_model") < 0) return VAL_NULL;
    for (unsigned i = 0; i < m->numchildren; i++) {
        Value k = xp_model(p, &m->children[i]);
        if (IS_NULL(k)) { obj_leave_recursion(); return VAL_NULL; }
        AS_TUPLE(kids)->items[i] = k;
    }
    obj_leave_recursion();
    Value name = xp_intern(p, m->name);
    if (IS_NULL(name)) return VAL_NULL;
    return tuple_pack(4, MK_SMALLINT(m->type), MK_SMALLINT(m->quant), name, kids);
}

static void xp_cb_ElementDecl(void *ud, const XML_Char *name, XML_Content *model) {
    XP_SELF;
    if (xp_ready(p, H_ElementDecl)) XP_CALL(H_ElementDecl, xp_intern(p, name), xp_model(p, model));
    XML_FreeContentModel(p->parser, model);
}

static void xp_cb_AttlistDecl(void *ud, const XML_Char *elname, const XML_Char *attname,
                              const XML_Char *att_type, const XML_Char *dflt, int isrequired) {
    XP_SELF;
    if (xp_ready(p, H_AttlistDecl))
        XP_CALL(H_AttlistDecl, xp_intern(p, elname), xp_intern(p, attname), xp_str(att_type), xp_str(dflt),
                MK_SMALLINT(isrequired));
}

static void xp_cb_SkippedEntity(void *ud, const XML_Char *name, int is_pe) {
    XP_SELF;
    if (xp_ready(p, H_SkippedEntity)) XP_CALL(H_SkippedEntity, xp_intern(p, name), MK_SMALLINT(is_pe));
}

/* Install (on) or remove handler h's C callback in expat. */
static void xp_install(XmlParser *p, int h, int on) {
    switch (h) {
#define XP_CASE(n, setter, cb, a) case H_##n: setter(p->parser, on ? cb : NULL); break;
    XP_HANDLERS(XP_CASE)
#undef XP_CASE
    }
}

/* ---- handler attributes ------------------------------------------------------------------- */

static Value xp_handler_get(Value self, int h) {
    Value v = XP(self)->handlers[h];
    return IS_NULL(v) ? VAL_NONE : v;
}

static int xp_handler_set(Value self, int h, Value v) {
    XmlParser *p = XP(self);
    if (IS_NULL(v)) { err_format(&exc_RuntimeError, "Cannot delete attribute"); return -1; }
    if (IS_NONE(v)) {
        p->handlers[h] = VAL_NULL;
        /* inside a callback the character-data callback stays (it calls nothing now) */
        if (!(h == H_CharacterData && p->in_callback)) xp_install(p, h, 0);
        return 0;
    }
    p->handlers[h] = v;
    xp_install(p, h, 1);
    return 0;
}

#define XP_ACCESSORS(n, s, c, a)                                                             \
    static Value xp_get_##n(Value self) { return xp_handler_get(self, H_##n); }             \
    static int xp_set_##n(Value self, Value v) { return xp_handler_set(self, H_##n, v); }
XP_HANDLERS(XP_ACCESSORS)
#undef XP_ACCESSORS

/* ---- the other attributes ----------------------------------------------------------------- */

static int xp_no_delete(Value v) {
    if (!IS_NULL(v)) return 0;
    err_format(&exc_RuntimeError, "Cannot delete attribute");
    return -1;
}

static int xp_set_flag(int *slot, Value v) {
    if (xp_no_delete(v) < 0) return -1;
    int b = obj_truthy(v);
    if (b < 0) return -1;
    *slot = b;
    return 0;
}

static Value xp_get_buffer_text(Value self) { return MK_BOOL(XP(self)->buffer != NULL); }

static int xp_set_buffer_text(Value self, Value v) {
    XmlParser *p = XP(self);
    int on;
    if (xp_set_flag(&on, v) < 0) return -1;
    if (on && !p->buffer) {
        p->buffer = malloc((size_t)p->buffer_size);
        if (!p->buffer) { err_no_memory(); return -1; }
        p->buffer_used = 0;
    } else if (!on && p->buffer) {
        if (xp_flush_text(p) < 0) return -1;
        free(p->buffer);
        p->buffer = NULL;
    }
    return 0;
}

static Value xp_get_buffer_size(Value self) { return MK_SMALLINT(XP(self)->buffer_size); }

static int xp_set_buffer_size(Value self, Value v) {
    XmlParser *p = XP(self);
    if (xp_no_delete(v) < 0) return -1;
    if (!IS_INT(v)) { err_format(&exc_TypeError, "buffer_size must be an integer"); return -1; }
    int64_t n;
    if (int_to_i64(v, &n) < 0 || n > INT32_MAX) {
        err_clear();
        err_format(&exc_ValueError, "buffer_size must not be greater than %d", INT32_MAX);
        return -1;
    }
    if (n <= 0) { err_format(&exc_ValueError, "buffer_size must be greater than zero"); return -1; }
    if (p->buffer) {
        if (p->buffer_used && xp_flush_text(p) < 0) return -1;
        char *b = malloc((size_t)n);
        if (!b) { err_no_memory(); return -1; }
        free(p->buffer);
        p->buffer = b;
    }
    p->buffer_size = (int)n;
    return 0;
}

static Value xp_get_buffer_used(Value self) { return MK_SMALLINT(XP(self)->buffer_used); }
static Value xp_get_ordered(Value self) { return MK_BOOL(XP(self)->ordered_attributes); }
static int xp_set_ordered(Value self, Value v) { return xp_set_flag(&XP(self)->ordered_attributes, v); }
static Value xp_get_specified(Value self) { return MK_BOOL(XP(self)->specified_attributes); }
static int xp_set_specified(Value self, Value v) { return xp_set_flag(&XP(self)->specified_attributes, v); }
static Value xp_get_ns_prefixes(Value self) { return MK_BOOL(XP(self)->ns_prefixes); }

static int xp_set_ns_prefixes(Value self, Value v) {
    if (xp_set_flag(&XP(self)->ns_prefixes, v) < 0) return -1;
    XML_SetReturnNSTriplet(XP(self)->parser, XP(self)->ns_prefixes);
    return 0;
}

static Value xp_get_intern(Value self) { return XP(self)->intern; }

static Value xp_get_ErrorCode(Value self) { return MK_SMALLINT(XML_GetErrorCode(XP(self)->parser)); }
/* Expat's positions are those of the current event, or of the error after one. */
static Value xp_get_ErrorLineNumber(Value self) {
    return int_from_i64((int64_t)XML_GetErrorLineNumber(XP(self)->parser));
}
static Value xp_get_ErrorColumnNumber(Value self) {
    return int_from_i64((int64_t)XML_GetErrorColumnNumber(XP(self)->parser));
}
static Value xp_get_ErrorByteIndex(Value self) {
    return int_from_i64((int64_t)XML_GetErrorByteIndex(XP(self)->parser));
}

static const GetSetDef xp_getsets[] = {
#define XP_GETSET(n, s, c, a) {a, xp_get_##n, xp_set_##n, NULL},
    XP_HANDLERS(XP_GETSET)
#undef XP_GETSET
    {"buffer_text", xp_get_buffer_text, xp_set_buffer_text, NULL},
    {"buffer_size", xp_get_buffer_size, xp_set_buffer_size, NULL},
    {"buffer_used", xp_get_buffer_used, NULL, NULL},
    {"ordered_attributes", xp_get_ordered, xp_set_ordered, NULL},
    {"specified_attributes", xp_get_specified, xp_set_specified, NULL},
    {"namespace_prefixes", xp_get_ns_prefixes, xp_set_ns_prefixes, NULL},
    {"intern", xp_get_intern, NULL, NULL},
    {"ErrorCode", xp_get_ErrorCode, NULL, NULL},
    {"ErrorLineNumber", xp_get_ErrorLineNumber, NULL, NULL},
    {"ErrorColumnNumber", xp_get_ErrorColumnNumber, NULL, NULL},
    {"ErrorByteIndex", xp_get_ErrorByteIndex, NULL, NULL},
    {"CurrentLineNumber", xp_get_ErrorLineNumber, NULL, NULL},
    {"CurrentColumnNumber", xp_get_ErrorColumnNumber, NULL, NULL},
    {"CurrentByteIndex", xp_get_ErrorByteIndex, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---- errors ------------------------------------------------------------------------------- */

/* ExpatError("<message>: line L, column C") with code, lineno and offset. */
static Value xp_raise(XmlParser *p, enum XML_Error code) {
    int line = (int)XML_GetErrorLineNumber(p->parser), col = (int)XML_GetErrorColumnNumber(p->parser);
    Value msg = str_format_c("%s: line %d, column %d", XML_ErrorString(code), line, col);
    if (IS_NULL(msg)) return VAL_NULL;
    Value e = call1(xp_error_class, msg);
    if (IS_NULL(e)) return VAL_NULL;
    if (obj_setattr(e, str_intern_c("code"), MK_SMALLINT(code)) < 0
        || obj_setattr(e, str_intern_c("offset"), MK_SMALLINT(col)) < 0
        || obj_setattr(e, str_intern_c("lineno"), MK_SMALLINT(line)) < 0)
        return VAL_NULL;
    return err_set_obj(e);
}

/* What Parse and ParseFile return: 1, or the handler's exception, or ExpatError. */
static Value xp_result(XmlParser *p, int rc) {
    if (err_occurred()) return VAL_NULL;
    if (rc == 0) return xp_raise(p, XML_GetErrorCode(p->parser));
    if (xp_flush_text(p) < 0) return VAL_NULL;
    return MK_SMALLINT(rc);
}

/* ---- methods ------------------------------------------------------------------------------ */

enum { XP_MAX_CHUNK = 1 << 20 };

/* A handler that parses more of its own document would have expat free the
 * buffer it is reading (a use after free in CPython 3.11): refused. */
static int xp_not_parsing(XmlParser *p, const char *fname) {
    if (!p->in_callback) return 0;
    err_format(&exc_RuntimeError, "cannot call %s() from within a handler", fname);
    return -1;
}

/* Parse(data, isfinal=False, /): data is str (parsed as UTF-8) or bytes-like. */
static Value xp_parse_m(Value *args, int nargs, Value kwnames) {
    XmlParser *p = XP(args[0]);
    int final = 0;
    if (xp_not_parsing(p, "Parse") < 0) return VAL_NULL;
    if (!IS_NULL(args[2])) {
        if (!IS_INT(args[2]))
            return err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", args[2]);
        final = obj_truthy(args[2]);
    }
    Buffer view = {0};
    const char *s;
    int64_t len;
    if (IS_STR(args[1])) {
        s = STR_DATA(args[1]);
        len = STR_LEN(args[1]);
        XML_SetEncoding(p->parser, "utf-8");
    } else {
        if (buffer_get(args[1], &view, BUF_SIMPLE) < 0) return VAL_NULL;
        s = (const char *)view.buf;
        len = view.len;
    }
    int rc = 1;
    while (len > XP_MAX_CHUNK && rc) {
        rc = XML_Parse(p->parser, s, XP_MAX_CHUNK, 0);
        s += XP_MAX_CHUNK;
        len -= XP_MAX_CHUNK;
    }
    if (rc) rc = XML_Parse(p->parser, s, (int)len, final);
    if (!IS_STR(args[1])) buffer_release(&view);
    return xp_result(p, rc);
}

enum { XP_READ_SIZE = 2048 };

/* ParseFile(file, /): file.read(2048) until b''. */
static Value xp_parsefile_m(Value *args, int nargs, Value kwnames) {
    XmlParser *p = XP(args[0]);
    if (xp_not_parsing(p, "ParseFile") < 0) return VAL_NULL;
    Value read = obj_getattr_opt(args[1], str_intern_c("read"));
    if (IS_NULL(read)) {
        if (err_occurred()) return VAL_NULL;
        return err_format(&exc_TypeError, "argument must have 'read' attribute");
    }
    int rc = 1;
    for (;;) {
        Value data = call1(read, MK_SMALLINT(XP_READ_SIZE));
        if (IS_NULL(data)) return VAL_NULL;
        if (!IS_BYTES(data))
            return err_format(&exc_TypeError, "read() did not return a bytes object (type=%T)", data);
        int64_t n = AS_BYTES(data)->len;
        if (n > XP_READ_SIZE)
            return err_format(&exc_ValueError,
                              "read() returned too much data: %d bytes requested, %lld returned",
                              XP_READ_SIZE, (long long)n);
        void *buf = XML_GetBuffer(p->parser, XP_READ_SIZE);
        if (!buf) return xp_result(p, 0);      /* finished, suspended: ExpatError */
        memcpy(buf, AS_BYTES(data)->data, (size_t)n);
        rc = XML_ParseBuffer(p->parser, (int)n, n == 0);
        if (err_occurred()) return VAL_NULL;
        if (!rc || n == 0) break;
    }
    return xp_result(p, rc);
}

static Value xp_setbase_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "SetBase() argument must be str, not %T", args[1]);
    if (!XML_SetBase(XP(args[0])->parser, STR_DATA(args[1]))) return err_no_memory();
    return VAL_NONE;
}

static Value xp_getbase_m(Value *args, int nargs, Value kwnames) {
    return xp_str(XML_GetBase(XP(args[0])->parser));
}

/* The input around the current event, inside a handler; else None. */
static Value xp_getinputcontext_m(Value *args, int nargs, Value kwnames) {
    XmlParser *p = XP(args[0]);
    if (!p->in_callback) return VAL_NONE;
    int offset, size;
    const char *buf = XML_GetInputContext(p->parser, &offset, &size);
    return buf ? bytes_new(buf + offset, (size_t)(size - offset)) : VAL_NONE;
}

/* An encoding expat does not know: a one-byte codec of Python's, as a table of
 * the 256 code points (-1 where it has none). */
static int xp_unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info) {
    static uint8_t all[256];
    if (err_occurred()) return XML_STATUS_ERROR;
    for (int i = 0; i < 256; i++) all[i] = (uint8_t)i;
    Value u = str_decode(all, 256, name, "replace");
    if (IS_NULL(u)) return XML_STATUS_ERROR;
    if (AS_STR(u)->nchars != 256) {
        err_format(&exc_ValueError, "multi-byte encodings are not supported");
        return XML_STATUS_ERROR;
    }
    const unsigned char *s = (const unsigned char *)STR_DATA(u);
    for (int i = 0; i < 256; i++) {
        uint32_t cp;
        s += utf8_dec(s, &cp);
        info->map[i] = cp == 0xFFFD ? -1 : (int)cp;
    }
    info->data = NULL;
    info->convert = NULL;
    info->release = NULL;
    return XML_STATUS_OK;
}

static XmlParser *xp_alloc(void) {
    XmlParser *p = (XmlParser *)gc_alloc(&type_xmlparser, sizeof(XmlParser));
    if (!p) return NULL;
    for (int h = 0; h < H_COUNT; h++) p->handlers[h] = VAL_NULL;
    p->intern = VAL_NONE;
    p->parent = VAL_NONE;
    p->buffer_size = 8192;
    return p;
}

/* ExternalEntityParserCreate(context, encoding=..., /): a parser for an external
 * entity, sharing this one's handlers, options and intern dict. */
static Value xp_extparser_m(Value *args, int nargs, Value kwnames) {
    XmlParser *parent = XP(args[0]);
    Value ctx = args[1], enc = args[2];
    if (!IS_NONE(ctx) && !IS_STR(ctx))
        return err_format(&exc_TypeError,
                          "ExternalEntityParserCreate() argument 1 must be str or None, not %T", ctx);
    if (!IS_NULL(enc) && !IS_STR(enc))
        return err_format(&exc_TypeError, "ExternalEntityParserCreate() argument 2 must be str, not %T", enc);
    XmlParser *p = xp_alloc();
    if (!p) return VAL_NULL;
    p->parser = XML_ExternalEntityParserCreate(parent->parser, IS_NONE(ctx) ? NULL : STR_DATA(ctx),
                                               IS_NULL(enc) ? NULL : STR_DATA(enc));
    if (!p->parser) return err_no_memory();
    XML_SetUserData(p->parser, p);
    p->parent = args[0];
    p->intern = parent->intern;
    p->buffer_size = parent->buffer_size;
    p->ordered_attributes = parent->ordered_attributes;
    p->specified_attributes = parent->specified_attributes;
    p->ns_prefixes = parent->ns_prefixes;
    if (parent->buffer && !(p->buffer = malloc((size_t)p->buffer_size))) return err_no_memory();
    for (int h = 0; h < H_COUNT; h++) {
        p->handlers[h] = parent->handlers[h];
        if (!IS_NULL(p->handlers[h])) xp_install(p, h, 1);
    }
    return MK_OBJ(p);
}

static Value xp_setparamentityparsing_m(Value *args, int nargs, Value kwnames) {
    int flag;
    if (arg_to_int(args[1], &flag) < 0) return VAL_NULL;
    return MK_SMALLINT(XML_SetParamEntityParsing(XP(args[0])->parser, (enum XML_ParamEntityParsing)flag));
}

static Value xp_useforeigndtd_m(Value *args, int nargs, Value kwnames) {
    int flag = 1;
    if (!IS_NULL(args[1]) && (flag = obj_truthy(args[1])) < 0) return VAL_NULL;
    enum XML_Error rc = XML_UseForeignDTD(XP(args[0])->parser, (XML_Bool)flag);
    return rc != XML_ERROR_NONE ? xp_raise(XP(args[0]), rc) : VAL_NONE;
}

static const MethodDef xp_methods[] = {
    {"Parse", xp_parse_m, ARGS_POS(1, 2), "Parse XML data.\n\n`isfinal' should be true at end of input.",
     "($self, data, isfinal=False, /)"},
    {"ParseFile", xp_parsefile_m, ARGS_ONE, "Parse XML data from file-like object.", "($self, file, /)"},
    {"SetBase", xp_setbase_m, ARGS_ONE, "Set the base URL for the parser.", "($self, base, /)"},
    {"GetBase", xp_getbase_m, ARGS_NONE, "Return base URL string for the parser.", "($self, /)"},
    {"GetInputContext", xp_getinputcontext_m, ARGS_NONE,
     "Return the untranslated text of the input that caused the current event.\n\n"
     "If the event was generated by a large amount of text (such as a start tag\n"
     "for an element with many attributes), not all of the text may be available.",
     "($self, /)"},
    {"ExternalEntityParserCreate", xp_extparser_m, ARGS_POS(1, 2),
     "Create a parser for parsing an external entity based on the information passed to the "
     "ExternalEntityRefHandler.", "($self, context, encoding=<unrepresentable>, /)"},
    {"SetParamEntityParsing", xp_setparamentityparsing_m, ARGS_ONE,
     "Controls parsing of parameter entities (including the external DTD subset).\n\n"
     "Possible flag values are XML_PARAM_ENTITY_PARSING_NEVER,\n"
     "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE and\n"
     "XML_PARAM_ENTITY_PARSING_ALWAYS. Returns true if setting the flag\n"
     "was successful.", "($self, flag, /)"},
    {"UseForeignDTD", xp_useforeigndtd_m, ARGS_POS(0, 1),
     "Allows the application to provide an artificial external subset if one is not specified as "
     "part of the document instance.\n\n"
     "This readily allows the use of a 'default' document type controlled by the\n"
     "application, while still getting the advantage of providing document type\n"
     "information to the parser. 'flag' defaults to True if not provided.", "($self, flag=True, /)"},
    {NULL, NULL, 0, NULL},
};

Type type_xmlparser = {
    .tp_name = "pyexpat.xmlparser", .base = &type_object, .basicsize = sizeof(XmlParser),
    .flags = TF_ABSTRACT, .trace = xp_trace, .finalize = xp_finalize,
    .methods = xp_methods, .getsets = xp_getsets,
};
GILPY_TYPE(type_xmlparser, NULL);

/* ---- module functions --------------------------------------------------------------------- */

/* ParserCreate(encoding=None, namespace_separator=None, intern=<a new dict>) */
static Value xp_parsercreate(Value *args, int nargs, Value kwnames) {
    Value enc = args[0], sep = args[1], intern = args[2];
    const char *names[2] = {"encoding", "namespace_separator"};
    for (int i = 0; i < 2; i++)
        if (!IS_NULL(args[i]) && !IS_NONE(args[i]) && !IS_STR(args[i]))
            return err_format(&exc_TypeError, "ParserCreate() argument '%s' must be str or None, not %T",
                              names[i], args[i]);
    int has_sep = !IS_NULL(sep) && !IS_NONE(sep);
    if (has_sep && AS_STR(sep)->nchars > 1)
        return err_format(&exc_ValueError,
                          "namespace_separator must be at most one character, omitted, or None");
    if (!IS_NULL(intern) && !IS_NONE(intern) && !IS_DICT(intern))
        return err_format(&exc_TypeError, "intern must be a dictionary");
    XmlParser *p = xp_alloc();
    if (!p) return VAL_NULL;
    p->intern = IS_NULL(intern) ? dict_new() : intern;
    if (IS_NULL(p->intern)) return VAL_NULL;
    const char *e = (IS_NULL(enc) || IS_NONE(enc)) ? NULL : STR_DATA(enc);
    p->parser = has_sep ? XML_ParserCreateNS(e, STR_DATA(sep)[0]) : XML_ParserCreate(e);
    if (!p->parser) return err_no_memory();
    XML_SetUserData(p->parser, p);
    XML_SetUnknownEncodingHandler(p->parser, xp_unknown_encoding, NULL);
    return MK_OBJ(p);
}

static Value xp_errorstring(Value *args, int nargs, Value kwnames) {
    int64_t code;
    if (IS_FLOATOBJ(args[0]))
        return err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
    if (arg_to_ssize(args[0], &code) < 0) return VAL_NULL;
    const XML_LChar *s = XML_ErrorString((enum XML_Error)code);
    return s ? str_from_c(s) : VAL_NONE;
}

static const MethodDef xp_functions[] = {
    {"ParserCreate", xp_parsercreate, ARGS_KW, "Return a new XML parser object.",
     "($module, /, encoding=None, namespace_separator=None, intern=<unrepresentable>)"},
    {"ErrorString", xp_errorstring, ARGS_ONE, "Returns string error for given number.", "($module, code, /)"},
    {NULL, NULL, 0, NULL},
};

/* ---- the errors and model submodules ------------------------------------------------------ */

static const char *const xp_error_names[] = {
    "XML_ERROR_NO_MEMORY", "XML_ERROR_SYNTAX", "XML_ERROR_NO_ELEMENTS", "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN", "XML_ERROR_PARTIAL_CHAR", "XML_ERROR_TAG_MISMATCH",
    "XML_ERROR_DUPLICATE_ATTRIBUTE", "XML_ERROR_JUNK_AFTER_DOC_ELEMENT", "XML_ERROR_PARAM_ENTITY_REF",
    "XML_ERROR_UNDEFINED_ENTITY", "XML_ERROR_RECURSIVE_ENTITY_REF", "XML_ERROR_ASYNC_ENTITY",
    "XML_ERROR_BAD_CHAR_REF", "XML_ERROR_BINARY_ENTITY_REF", "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "XML_ERROR_MISPLACED_XML_PI", "XML_ERROR_UNKNOWN_ENCODING", "XML_ERROR_INCORRECT_ENCODING",
    "XML_ERROR_UNCLOSED_CDATA_SECTION", "XML_ERROR_EXTERNAL_ENTITY_HANDLING", "XML_ERROR_NOT_STANDALONE",
    "XML_ERROR_UNEXPECTED_STATE", "XML_ERROR_ENTITY_DECLARED_IN_PE", "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
    "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING", "XML_ERROR_UNBOUND_PREFIX", "XML_ERROR_UNDECLARING_PREFIX",
    "XML_ERROR_INCOMPLETE_PE", "XML_ERROR_XML_DECL", "XML_ERROR_TEXT_DECL", "XML_ERROR_PUBLICID",
    "XML_ERROR_SUSPENDED", "XML_ERROR_NOT_SUSPENDED", "XML_ERROR_ABORTED", "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE", "XML_ERROR_RESERVED_PREFIX_XML", "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI", "XML_ERROR_INVALID_ARGUMENT", "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
};

/* pyexpat.errors: XML_ERROR_X = its message, codes {message: code}, messages {code: message}. */
static Value xp_errors_module(void) {
    Value m = module_new_c("pyexpat.errors");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m), codes = dict_new(), messages = dict_new();
    if (IS_NULL(codes) || IS_NULL(messages)) return VAL_NULL;
    for (size_t i = 0; i < sizeof xp_error_names / sizeof xp_error_names[0]; i++) {
        int code = (int)i + 1;
        Value msg = str_from_c(XML_ErrorString((enum XML_Error)code));
        if (IS_NULL(msg) || dict_set_c(d, xp_error_names[i], msg) < 0
            || dict_set(codes, msg, MK_SMALLINT(code)) < 0 || dict_set(messages, MK_SMALLINT(code), msg) < 0)
            return VAL_NULL;
    }
    if (dict_set_c(d, "codes", codes) < 0 || dict_set_c(d, "messages", messages) < 0
        || dict_set_c(d, "__doc__", str_from_c("Constants used to describe error conditions.")) < 0)
        return VAL_NULL;
    return m;
}

static Value xp_model_module(void) {
    static const struct { const char *name; int value; } consts[] = {
        {"XML_CTYPE_EMPTY", XML_CTYPE_EMPTY}, {"XML_CTYPE_ANY", XML_CTYPE_ANY},
        {"XML_CTYPE_MIXED", XML_CTYPE_MIXED}, {"XML_CTYPE_NAME", XML_CTYPE_NAME},
        {"XML_CTYPE_CHOICE", XML_CTYPE_CHOICE}, {"XML_CTYPE_SEQ", XML_CTYPE_SEQ},
        {"XML_CQUANT_NONE", XML_CQUANT_NONE}, {"XML_CQUANT_OPT", XML_CQUANT_OPT},
        {"XML_CQUANT_REP", XML_CQUANT_REP}, {"XML_CQUANT_PLUS", XML_CQUANT_PLUS},
    };
    Value m = module_new_c("pyexpat.model");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (dict_set_c(d, consts[i].name, MK_SMALLINT(consts[i].value)) < 0) return VAL_NULL;
    if (dict_set_c(d, "__doc__", str_from_c("Constants used to interpret content model information.")) < 0)
        return VAL_NULL;
    return m;
}

/* [(name, value)] from XML_GetFeatureList. */
static Value xp_features(void) {
    Value out = list_new(0);
    for (const XML_Feature *f = XML_GetFeatureList(); !IS_NULL(out) && f->feature != XML_FEATURE_END; f++) {
        Value name = str_from_c(f->name);
        Value pair = IS_NULL(name) ? VAL_NULL : tuple_pack(2, name, int_from_i64(f->value));
        if (IS_NULL(pair) || list_append(out, pair) < 0) out = VAL_NULL;
    }
    return out;
}

Value mod_pyexpat_init(void) {
    Value m = module_new_c("pyexpat");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (IS_NULL(xp_error_class)) {
        gc_add_root(&xp_error_class);
        xp_error_class = exc_new_class("xml.parsers.expat", "ExpatError", &exc_Exception);
        if (IS_NULL(xp_error_class)) return VAL_NULL;
    }
    dict_add_methods(d, xp_functions, m);
    XML_Expat_Version v = XML_ExpatVersionInfo();
    Value errors = xp_errors_module(), model = xp_model_module(), features = xp_features();
    Value version = tuple_pack(3, MK_SMALLINT(v.major), MK_SMALLINT(v.minor), MK_SMALLINT(v.micro));
    if (IS_NULL(errors) || IS_NULL(model) || IS_NULL(features) || IS_NULL(version)
        || dict_set_c(d, "errors", errors) < 0 || dict_set_c(d, "model", model) < 0
        || dict_set_c(d, "features", features) < 0 || dict_set_c(d, "version_info", version) < 0
        || dict_set_c(d, "EXPAT_VERSION", str_from_c(XML_ExpatVersion())) < 0
        || dict_set_c(d, "native_encoding", str_from_c("UTF-8")) < 0
        || dict_set_c(d, "ExpatError", xp_error_class) < 0 || dict_set_c(d, "error", xp_error_class) < 0
        || dict_set_c(d, "XMLParserType", MK_OBJ(&type_xmlparser)) < 0
        || dict_set_c(d, "XML_PARAM_ENTITY_PARSING_NEVER", MK_SMALLINT(XML_PARAM_ENTITY_PARSING_NEVER)) < 0
        || dict_set_c(d, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
                      MK_SMALLINT(XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)) < 0
        || dict_set_c(d, "XML_PARAM_ENTITY_PARSING_ALWAYS", MK_SMALLINT(XML_PARAM_ENTITY_PARSING_ALWAYS)) < 0
        || dict_set_c(d, "__doc__", str_from_c("Python wrapper for Expat parser.")) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
