/* source.c - PEP 263: the declared encoding of Python source (source.h).
 *
 * Follows CPython 3.11's tokenizer step by step: get_coding_spec finds
 * "coding[:=]" in a line that holds only a comment, get_normal_name maps
 * utf-8 and the latin-1 spellings to "utf-8" / "iso-8859-1", and a BOM
 * requires the cookie to say "utf-8" exactly.  A "utf-8" cookie decodes
 * nothing (the lexer checks the text); any other name goes through gilpy's
 * codecs (utf8, ascii, latin-1 and their aliases) or the codec registry
 * (cp1251, iso8859-7, ...), strictly.  A program
 * piped to stdin takes no cookie but utf-8: CPython's tokenizer switches
 * encodings by seeking back, which a pipe cannot do.
 */
#include "source.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/error.h"
#include "../runtime/obj_str.h"
#include "../runtime/call.h"
#include "../runtime/obj_exc.h"
#include "../runtime/obj_list.h"
#include "../runtime/strbuf.h"

/* CPython's get_normal_name: only utf-8 and latin-1 have a normal name. */
static const char *source_normal_name(const char *s) {
    char buf[13];
    int i;
    for (i = 0; i < 12 && s[i]; i++) buf[i] = s[i] == '_' ? '-' : (char)tolower((unsigned char)s[i]);
    buf[i] = '\0';
    if (!strcmp(buf, "utf-8") || !strncmp(buf, "utf-8-", 6)) return "utf-8";
    if (!strcmp(buf, "latin-1") || !strcmp(buf, "iso-8859-1") || !strcmp(buf, "iso-latin-1") ||
        !strncmp(buf, "latin-1-", 8) || !strncmp(buf, "iso-8859-1-", 11) ||
        !strncmp(buf, "iso-latin-1-", 12))
        return "iso-8859-1";
    return s;
}

/* CPython's get_coding_spec on one line (size bytes, its newline included):
 * 1 and the name in spec (or spec[0] = 0 when none), 0 when the line holds
 * code, which ends the search. */
static int source_coding_spec(const char *s, size_t size, char *spec, size_t cap) {
    size_t i;
    spec[0] = '\0';
    for (i = 0; i + 6 < size; i++) {
        if (s[i] == '#') break;
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\014') return 0;
    }
    for (; i + 6 < size; i++) {
        const char *t = s + i;
        if (memcmp(t, "coding", 6) != 0) continue;
        t += 6;
        if (*t != ':' && *t != '=') continue;
        do t++; while (*t == ' ' || *t == '\t');
        const char *begin = t;
        while (t < s + size && (isalnum((unsigned char)*t) || *t == '-' || *t == '_' || *t == '.')) t++;
        if (t > begin && (size_t)(t - begin) < cap) {
            memcpy(spec, begin, (size_t)(t - begin));
            spec[t - begin] = '\0';
            return 1;
        }
    }
    /* no cookie: only a blank or comment line lets the next one have it */
    for (i = 0; i < size; i++) {
        if (s[i] == '#' || s[i] == '\n' || s[i] == '\r') return 1;
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\014') return 0;
    }
    return 1;
}

/* The cookie of line 1 or 2 into spec ("" when none). */
static void source_find_cookie(const char *s, size_t len, char *spec, size_t cap) {
    size_t start = 0;
    spec[0] = '\0';
    for (int line = 0; line < 2 && start < len; line++) {
        const char *nl = memchr(s + start, '\n', len - start);
        size_t size = nl ? (size_t)(nl - (s + start)) + 1 : len - start;
        if (!source_coding_spec(s + start, size, spec, cap) || spec[0]) return;
        start += size;
    }
}

static const char *source_error(SourceMode mode, Value filename, const char *fmt, const char *name) {
    Value msg = str_format_c(fmt, name);
    if (IS_NULL(msg)) return NULL;
    if (mode == SOURCE_STRING) {         /* CPython: lineno 0, offset -1, no end */
        Value info = tuple_pack(4, filename, MK_SMALLINT(0), MK_SMALLINT(-1), VAL_NONE);
        Value e = IS_NULL(info) ? VAL_NULL : call2(MK_OBJ(&exc_SyntaxError), msg, info);
        if (!IS_NULL(e)) err_set_obj(e);
    } else
        err_set_value(&exc_SyntaxError, msg);
    return NULL;
}

const char *source_decode(const char *src, size_t len, SourceMode mode, Value filename,
                          size_t *out_len, char **owned, int *declared) {
    int bom = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0;
    if (bom) { src += 3; len -= 3; }
    *owned = NULL;
    *out_len = len;
    *declared = bom;                    /* a BOM declares UTF-8 too */
    char spec[64];
    source_find_cookie(src, len, spec, sizeof spec);
    if (!spec[0]) return src;
    const char *cs = source_normal_name(spec);
    *declared = 1;
    if (bom && strcmp(cs, "utf-8") != 0)
        return source_error(mode, filename, "encoding problem: %s with BOM", cs);
    if (!strcmp(cs, "utf-8")) return src;
    if (mode == SOURCE_STDIN) return source_error(mode, filename, "encoding problem: %s", cs);
    Value text = str_decode((const uint8_t *)src, len, cs, "strict");
    if (IS_NULL(text)) {
        if (err_matches(&exc_LookupError)) {
            err_clear();
            return source_error(mode, filename, mode == SOURCE_STRING ? "unknown encoding: %s"
                                                                      : "encoding problem: %s", cs);
        }
        if (mode == SOURCE_FILE) {
            err_clear();
            return source_error(mode, filename, "encoding problem: %s", cs);
        }
        Value e = err_fetch();                 /* the codec's message, as a SyntaxError */
        Value msg = obj_str(e);
        if (IS_NULL(msg)) return NULL;
        return source_error(mode, filename, "%s", STR_DATA(msg));
    }
    char *buf = malloc((size_t)STR_LEN(text) + 1);
    if (!buf) { err_no_memory(); return NULL; }
    memcpy(buf, STR_DATA(text), (size_t)STR_LEN(text) + 1);
    *owned = buf;
    *out_len = (size_t)STR_LEN(text);
    return buf;
}

/* interp.vm.source_line: the line's bytes, decoded from the encoding the
 * file's cookie declares (an unknown one, or undecodable bytes, are kept or
 * replaced rather than failing a traceback). */
int source_line(const char *path, int lineno, StrBuf *out) {
    if (!exc_source_line_raw(path, lineno, out)) return 0;
    StrBuf head;                        /* lines 1 and 2, where a cookie may be */
    sb_init(&head);
    for (int n = 1; n <= 2; n++)
        if (exc_source_line_raw(path, n, &head)) sb_putc(&head, '\n');
    char spec[64];
    source_find_cookie(head.data ? head.data : "", head.len, spec, sizeof spec);
    sb_free(&head);
    const char *enc = spec[0] ? source_normal_name(spec) : "utf-8";
    if (!strcmp(enc, "utf-8")) return 1;
    Value text = str_decode((const uint8_t *)(out->data ? out->data : ""), out->len, enc, "replace");
    if (IS_NULL(text)) { err_clear(); return 1; }
    out->len = 0;
    return sb_put_value_str(out, text) == 0;
}
