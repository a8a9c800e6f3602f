/* format.c - the format-spec mini-language (format.h).
 *
 * Design: one parser (fmt_parse_c) that follows CPython 3.11's
 * parse_internal_render_format_spec step by step, so the accepted grammar and
 * the ValueError texts match:
 *     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 * The parser is type-neutral: a leading '0' sets fill '0' and `zero`, but the
 * "numbers default to '=' alignment" rule is applied by fmt_pad when the
 * caller's default alignment is '>' (numbers), exactly as CPython does.
 * The "Invalid format specifier ... for object of type 'T'" message needs the
 * type: fmt_parse_typed takes it; fmt_parse/fmt_parse_c say 'str'.
 *
 * fmt_pad pads by code points.  fmt_number assembles a formatted number:
 * sign/prefix, integer digits (grouped, with CPython's zero-padding-into-
 * groups rule for '0' fill with '=' alignment) and the rest (fraction,
 * exponent, '%').
 */
#include <stdlib.h>
#include <string.h>
#include "runtime/format.h"
#include "runtime/error.h"
#include "runtime/obj_str.h"
#include "runtime/strbuf.h"

/* Decode one UTF-8 code point at s[0..n); returns its byte length (1 for
 * malformed input, taking the byte as is). */
static int fmt_decode_cp(const unsigned char *s, size_t n, uint32_t *cp) {
    unsigned c = s[0];
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c < 0x80 || (size_t)len > n) { *cp = c; return 1; }
    uint32_t v = c & (0x7F >> len);
    for (int i = 1; i < len; i++) v = (v << 6) | (s[i] & 0x3F);
    *cp = v;
    return len;
}

static int fmt_is_align(unsigned c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Digits at s[*pos..n) into *out; returns the number of digits, -1 on overflow. */
static int64_t fmt_get_integer(const char *s, size_t n, size_t *pos, int64_t *out) {
    int64_t acc = 0, count = 0;
    while (*pos < n && s[*pos] >= '0' && s[*pos] <= '9') {
        int d = s[*pos] - '0';
        if (acc > (INT64_MAX - d) / 10) {
            err_format(&exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
        (*pos)++;
        count++;
    }
    *out = acc;
    return count;
}

static int fmt_bad_thousands(char sep, char type) {
    if (type > 32 && (unsigned char)type < 128)
        err_format(&exc_ValueError, "Cannot specify '%c' with '%c'.", sep, type);
    else
        err_format(&exc_ValueError, "Cannot specify '%c' with '\\x%x'.", sep,
                   (unsigned)(unsigned char)type);
    return -1;
}

static int fmt_check_grouping(FormatSpec *fs) {
    if (!fs->grouping) return 0;
    switch (fs->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%':
    case 'F': case 0:
        return 0;
    case 'b': case 'o': case 'x': case 'X':
        if (fs->grouping == '_') return 0;
        /* fall through */
    default:
        return fmt_bad_thousands(fs->grouping, fs->type);
    }
}

static int fmt_parse_impl(const char *spec, size_t n, FormatSpec *fs, const char *tname) {
    const unsigned char *s = (const unsigned char *)spec;
    size_t pos = 0;
    int fill_given = 0;
    fs->fill = ' '; fs->align = 0; fs->sign = 0; fs->alternate = 0; fs->zero = 0;
    fs->width = -1; fs->grouping = 0; fs->precision = -1; fs->type = 0;
    fs->no_neg_zero = 0;
    if (n > 0) {
        uint32_t cp;
        int cl = fmt_decode_cp(s, n, &cp);
        if ((size_t)cl < n && fmt_is_align(s[cl])) {
            fs->fill = cp; fs->align = (char)s[cl]; fill_given = 1; pos = (size_t)cl + 1;
        } else if (fmt_is_align(s[0])) {
            fs->align = (char)s[0]; pos = 1;
        }
    }
    if (pos < n && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) fs->sign = (char)s[pos++];
    if (pos < n && s[pos] == 'z') { fs->no_neg_zero = 1; pos++; }
    if (pos < n && s[pos] == '#') { fs->alternate = 1; pos++; }
    if (!fill_given && pos < n && s[pos] == '0') {
        fs->fill = '0'; fs->zero = 1; pos++;
    }
    int64_t got = fmt_get_integer(spec, n, &pos, &fs->width);
    if (got < 0) return -1;
    if (got == 0) fs->width = -1;
    if (pos < n && s[pos] == ',') { fs->grouping = ','; pos++; }
    if (pos < n && s[pos] == '_') {
        if (fs->grouping) goto both;
        fs->grouping = '_'; pos++;
    }
    if (pos < n && s[pos] == ',' && fs->grouping == '_') goto both;
    if (pos < n && s[pos] == '.') {
        pos++;
        got = fmt_get_integer(spec, n, &pos, &fs->precision);
        if (got < 0) return -1;
        if (got == 0) {
            err_format(&exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (n - pos > 1) {
        Value sv = str_new_checked(spec, n);
        if (IS_NULL(sv)) return -1;
        err_format(&exc_ValueError, "Invalid format specifier '%U' for object of type '%s'",
                   sv, tname);
        return -1;
    }
    if (n - pos == 1) fs->type = (char)s[pos];
    return fmt_check_grouping(fs);
both:
    err_format(&exc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
}

int fmt_parse_typed(Value spec, FormatSpec *out, const char *tname) {
    return fmt_parse_impl(STR_DATA(spec), (size_t)STR_LEN(spec), out, tname);
}

int fmt_parse(Value spec, FormatSpec *out) {
    return fmt_parse_impl(STR_DATA(spec), (size_t)STR_LEN(spec), out, "str");
}

int fmt_parse_c(const char *spec, size_t len, FormatSpec *out) {
    return fmt_parse_impl(spec, len, out, "str");
}

static int fmt_put_fill(StrBuf *sb, uint32_t fill, int64_t n) {
    char enc[4];
    size_t el;
    if (fill < 0x80) {
        enc[0] = (char)fill; el = 1;
    } else if (fill < 0x800) {
        enc[0] = (char)(0xC0 | (fill >> 6)); enc[1] = (char)(0x80 | (fill & 0x3F)); el = 2;
    } else if (fill < 0x10000) {
        enc[0] = (char)(0xE0 | (fill >> 12)); enc[1] = (char)(0x80 | ((fill >> 6) & 0x3F));
        enc[2] = (char)(0x80 | (fill & 0x3F)); el = 3;
    } else {
        enc[0] = (char)(0xF0 | (fill >> 18)); enc[1] = (char)(0x80 | ((fill >> 12) & 0x3F));
        enc[2] = (char)(0x80 | ((fill >> 6) & 0x3F)); enc[3] = (char)(0x80 | (fill & 0x3F));
        el = 4;
    }
    return sb_fill(sb, enc, el, n);
}

/* The alignment in effect: explicit, else '=' for zero-padded numbers, else default. */
static char fmt_effective_align(const FormatSpec *fs, char default_align) {
    if (fs->align) return fs->align;
    if (fs->zero && default_align == '>') return '=';
    return default_align;
}

Value fmt_pad(const FormatSpec *fs, char default_align,
              const char *prefix, size_t prefix_len,
              const char *body, size_t body_len, int64_t body_nchars) {
    int64_t total = (int64_t)prefix_len + body_nchars;
    int64_t pad = fs->width > total ? fs->width - total : 0;
    char align = fmt_effective_align(fs, default_align);
    int64_t left = 0, mid = 0, right = 0;
    switch (align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': mid = pad; break;
    default: left = pad; break;
    }
    if (pad == 0 && prefix_len == 0) return str_new(body, body_len);
    StrBuf sb;
    sb_init(&sb);
    if (fmt_put_fill(&sb, fs->fill, left) < 0 || sb_put(&sb, prefix, prefix_len) < 0 ||
        fmt_put_fill(&sb, fs->fill, mid) < 0 || sb_put(&sb, body, body_len) < 0 ||
        fmt_put_fill(&sb, fs->fill, right) < 0) {
        sb_free(&sb);
        return VAL_NULL;
    }
    return sb_finish_str(&sb);
}

/* CPython's _PyUnicode_InsertThousandsGrouping with a minimum width: groups
 * of `group` digits from the right, left-padding with '0' digits (also
 * grouped) until the result is at least min_width characters. */
char *fmt_group_digits_min(const char *digits, size_t len, char sep, int group,
                           int64_t min_width, size_t *out_len) {
    /* Upper bound: every char may be followed by a separator. */
    size_t maxw = (size_t)(min_width > (int64_t)len ? min_width : (int64_t)len) + 1;
    size_t cap = maxw * 2 + 8;
    char *tmp = malloc(cap);
    if (!tmp) { err_no_memory(); return NULL; }
    size_t w = cap;                 /* write backwards from the end */
    int64_t remaining = (int64_t)len, minw = min_width;
    int first = 1, broken = 0;
    const char *src = digits + len;
    for (;;) {
        int64_t l = group;
        int64_t want = remaining > minw ? remaining : minw;
        if (want < 1) want = 1;
        if (l > want) l = want;
        int64_t nchars = remaining < l ? remaining : l;
        if (nchars < 0) nchars = 0;
        int64_t nzeros = l - nchars;
        if (!first) tmp[--w] = sep;
        first = 0;
        for (int64_t i = 0; i < nchars; i++) tmp[--w] = *--src;
        for (int64_t i = 0; i < nzeros; i++) tmp[--w] = '0';
        remaining -= nchars;
        minw -= l;
        if (remaining <= 0 && minw <= 0) { broken = 1; break; }
        minw -= 1;
        if (w < (size_t)group + 2) break;   /* cannot happen with the bound above */
    }
    (void)broken;
    size_t n = cap - w;
    char *out = malloc(n + 1);
    if (!out) { free(tmp); err_no_memory(); return NULL; }
    memcpy(out, tmp + w, n);
    out[n] = 0;
    free(tmp);
    *out_len = n;
    return out;
}

char *fmt_group_digits(const char *digits, size_t len, char sep, int group,
                       size_t *out_len) {
    return fmt_group_digits_min(digits, len, sep, group, 0, out_len);
}

Value fmt_number(const FormatSpec *fs, const char *prefix, size_t prefix_len,
                 const char *digits, size_t ndigits, const char *rest, size_t rest_len,
                 int group) {
    char *grouped = NULL;
    size_t glen = ndigits;
    if (fs->grouping && ndigits > 0) {
        int64_t minw = 0;
        if (fs->fill == '0' && fmt_effective_align(fs, '>') == '=' && fs->width > 0)
            minw = fs->width - (int64_t)prefix_len - (int64_t)rest_len;
        grouped = fmt_group_digits_min(digits, ndigits, fs->grouping, group, minw, &glen);
        if (!grouped) return VAL_NULL;
        digits = grouped;
    }
    StrBuf sb;
    sb_init(&sb);
    if (sb_put(&sb, digits, glen) < 0 || sb_put(&sb, rest, rest_len) < 0) {
        free(grouped);
        sb_free(&sb);
        return VAL_NULL;
    }
    free(grouped);
    Value r = fmt_pad(fs, '>', prefix, prefix_len, sb.data ? sb.data : "", sb.len,
                      (int64_t)sb.len);
    sb_free(&sb);
    return r;
}
