/* mod_binascii.c - the `binascii` module: binary data to ASCII encodings and
 * back (uu, base64, quoted-printable, hex) and the CRCs, as CPython 3.11's
 * binascii.c, for base64.py, quopri.py, email, uuid and secrets.
 *
 * Decoders (a2b_*) take bytes-like objects or ASCII str, encoders (b2a_*)
 * bytes-like objects only.  Each codec is a single pass over borrowed bytes
 * into a StrBuf: arguments that may run Python code (__index__ of an int
 * option) are converted before the data is borrowed.  The state machines
 * follow CPython's, quirks included (a2b_uu of b'' is 32 zero bytes, base64
 * decoding stops at the first complete padding, strict_mode's four errors),
 * because base64.py and email rely on them.  The data argument is checked
 * first (CPython converts arguments in order) and borrowed again after the
 * options, whose conversion may have run Python code. */
#include <string.h>
#include <gmp.h>
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
#include "runtime/strbuf.h"
#include "interp/modreg.h"

GILPY_MODULE("binascii", mod_binascii_init);

static Value binascii_error = VAL_NULL;        /* binascii.Error(ValueError) */
static Value binascii_incomplete = VAL_NULL;   /* binascii.Incomplete(Exception) */

#define BA_ERROR ((Type *)AS_OBJ(binascii_error))

/* ---- arguments ----------------------------------------------------------------------- */

/* CPython's ascii_buffer converter: ASCII str or a bytes-like object, borrowed. */
static int ascii_data(Value v, const uint8_t **data, int64_t *len) {
    if (IS_STR(v)) {
        if (!STR_IS_ASCII(AS_STR(v))) {
            err_format(&exc_ValueError, "string argument should contain only ASCII characters");
            return -1;
        }
        *data = (const uint8_t *)STR_DATA(v);
        *len = STR_LEN(v);
        return 0;
    }
    if (!buffer_check(v)) {
        err_format(&exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%T'", v);
        return -1;
    }
    if (bytes_view(v, data, len) == 0) return 0;
    err_clear();                                 /* a refused buffer: the same TypeError */
    err_format(&exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%T'", v);
    return -1;
}

/* An optional flag Argument Clinic declares bool(accept={int}). */
static int flag_arg(Value v, int dflt, int *out) {
    *out = dflt;
    return IS_NULL(v) ? 0 : arg_to_int(v, out);
}

/* An unsigned int taken bitwise (PyLong_AsUnsignedLongMask): any int, mod 2**32. */
static int crc_arg(Value v, uint32_t *out) {
    Value iv = IS_INT(v) ? v : obj_index(v);
    if (IS_NULL(iv)) return -1;
    mpz_t z;
    mpz_init(z);
    int_to_mpz(iv, z);
    mpz_fdiv_r_2exp(z, z, 32);
    *out = (uint32_t)mpz_get_ui(z);
    mpz_clear(z);
    return 0;
}

static Value finish(StrBuf *sb) { return sb_finish_bytes(sb); }

static Value fail(StrBuf *sb, const char *msg) {
    sb_free(sb);
    return err_format(BA_ERROR, "%s", msg);
}

/* ---- uu ------------------------------------------------------------------------------ */

static Value ba_a2b_uu(Value *args, int nargs, Value kwnames) {
    const uint8_t *p;
    int64_t n;
    if (ascii_data(args[0], &p, &n) < 0) return VAL_NULL;
    /* The first char is the length; an empty line reads as ' ' - 0x20 & 077 = 32. */
    int64_t want = n > 0 ? ((p[0] - ' ') & 077) : ((0 - ' ') & 077);
    if (n > 0) { p++; n--; }
    StrBuf sb; sb_init(&sb);
    uint32_t acc = 0;
    int bits = 0;
    for (; want > 0; p++, n--) {
        unsigned c = n > 0 ? *p : 0;                 /* whitespace assumed past the end */
        if (n <= 0 || c == '\n' || c == '\r') c = 0;
        else if (c < ' ' || c > ' ' + 64) return fail(&sb, "Illegal char");
        else c = (c - ' ') & 077;
        acc = (acc << 6) | c;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (sb_putc(&sb, (char)(acc >> bits)) < 0) { sb_free(&sb); return VAL_NULL; }
            acc &= (1u << bits) - 1;
            want--;
        }
    }
    for (; n > 0; n--, p++)                          /* only padding may follow */
        if (*p != ' ' && *p != ' ' + 64 && *p != '\n' && *p != '\r') return fail(&sb, "Trailing garbage");
    return finish(&sb);
}

static Value ba_b2a_uu(Value *args, int nargs, Value kwnames) {
    int backtick;
    const uint8_t *p;
    int64_t n;
    if (bytes_view(args[0], &p, &n) < 0 || flag_arg(args[1], 0, &backtick) < 0 || bytes_view(args[0], &p, &n) < 0)
        return VAL_NULL;
    if (n > 45) return err_format(BA_ERROR, "At most 45 bytes at once");
    char out[2 + 60 + 1];
    int k = 0;
    out[k++] = backtick && n == 0 ? '`' : (char)(' ' + n);
    for (int64_t i = 0; i < n; i += 3) {
        uint32_t g = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0)
                     | (i + 2 < n ? p[i + 2] : 0);
        for (int s = 18; s >= 0; s -= 6) {
            unsigned c = (g >> s) & 077;
            out[k++] = backtick && c == 0 ? '`' : (char)(' ' + c);
        }
    }
    out[k++] = '\n';
    return bytes_new(out, (size_t)k);
}

/* ---- base64 -------------------------------------------------------------------------- */

static const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(unsigned c) {
    if (c >= 'A' && c <= 'Z') return (int)(c - 'A');
    if (c >= 'a' && c <= 'z') return (int)(c - 'a' + 26);
    if (c >= '0' && c <= '9') return (int)(c - '0' + 52);
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

static Value ba_a2b_base64(Value *args, int nargs, Value kwnames) {
    int strict;
    const uint8_t *p;
    int64_t n;
    if (ascii_data(args[0], &p, &n) < 0 || flag_arg(args[1], 0, &strict) < 0 || ascii_data(args[0], &p, &n) < 0)
        return VAL_NULL;
    StrBuf sb; sb_init(&sb);
    if (strict && n > 0 && p[0] == '=') return fail(&sb, "Leading padding not allowed");
    int quad = 0, pads = 0, padding = 0;
    unsigned left = 0;
    for (int64_t i = 0; i < n; i++) {
        if (p[i] == '=') {
            padding = 1;
            if (quad >= 2 && quad + ++pads >= 4) {     /* a complete quad: stop here */
                if (strict && i + 1 < n) return fail(&sb, "Excess data after padding");
                return finish(&sb);
            }
            continue;
        }
        int v = b64_value(p[i]);
        if (v < 0) {
            if (strict) return fail(&sb, "Only base64 data is allowed");
            continue;
        }
        if (strict && padding) return fail(&sb, "Discontinuous padding not allowed");
        pads = 0;
        int byte = -1;
        switch (quad) {
        case 0: left = (unsigned)v; break;
        case 1: byte = (int)((left << 2) | (unsigned)(v >> 4)); left = (unsigned)v & 0x0f; break;
        case 2: byte = (int)((left << 4) | (unsigned)(v >> 2)); left = (unsigned)v & 0x03; break;
        default: byte = (int)((left << 6) | (unsigned)v); left = 0; break;
        }
        quad = (quad + 1) & 3;
        if (byte >= 0 && sb_putc(&sb, (char)byte) < 0) { sb_free(&sb); return VAL_NULL; }
    }
    if (quad == 1) {
        int64_t ndata = (int64_t)sb.len / 3 * 4 + 1;
        sb_free(&sb);
        return err_format(BA_ERROR, "Invalid base64-encoded string: number of data characters (%lld) "
                          "cannot be 1 more than a multiple of 4", (long long)ndata);
    }
    if (quad != 0) return fail(&sb, "Incorrect padding");
    return finish(&sb);
}

static Value ba_b2a_base64(Value *args, int nargs, Value kwnames) {
    int newline;
    const uint8_t *p;
    int64_t n;
    if (bytes_view(args[0], &p, &n) < 0 || flag_arg(args[1], 1, &newline) < 0 || bytes_view(args[0], &p, &n) < 0)
        return VAL_NULL;
    if (n > (INT64_MAX - 4) / 4 * 3) return err_no_memory();
    Bytes *b = bytes_alloc((size_t)((n + 2) / 3 * 4 + (newline ? 1 : 0)));
    if (!b) return VAL_NULL;
    uint8_t *o = b->data;
    for (int64_t i = 0; i < n; i += 3) {
        uint32_t g = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0)
                     | (i + 2 < n ? p[i + 2] : 0);
        *o++ = (uint8_t)b64_alphabet[g >> 18];
        *o++ = (uint8_t)b64_alphabet[(g >> 12) & 077];
        *o++ = i + 1 < n ? (uint8_t)b64_alphabet[(g >> 6) & 077] : '=';
        *o++ = i + 2 < n ? (uint8_t)b64_alphabet[g & 077] : '=';
    }
    if (newline) *o = '\n';
    return MK_OBJ(b);
}

/* ---- quoted-printable ---------------------------------------------------------------- */

static int hex_digit(unsigned c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

static Value ba_a2b_qp(Value *args, int nargs, Value kwnames) {
    int header;
    const uint8_t *p;
    int64_t n;
    if (ascii_data(args[0], &p, &n) < 0 || flag_arg(args[1], 0, &header) < 0 || ascii_data(args[0], &p, &n) < 0)
        return VAL_NULL;
    StrBuf sb; sb_init(&sb);
    int64_t i = 0;
    while (i < n) {
        char c = (char)p[i];
        if (p[i] == '=') {
            if (++i >= n) break;
            if (p[i] == '\n' || p[i] == '\r') {          /* a soft line break */
                while (i < n && p[i] != '\n') i++;
                if (i < n) i++;
                continue;
            }
            if (p[i] == '=') { i++; c = '='; }           /* "==" from old broken encoders */
            else if (i + 1 < n && hex_digit(p[i]) >= 0 && hex_digit(p[i + 1]) >= 0) {
                c = (char)(hex_digit(p[i]) << 4 | hex_digit(p[i + 1]));
                i += 2;
            } else c = '=';
        } else {
            if (header && c == '_') c = ' ';
            i++;
        }
        if (sb_putc(&sb, c) < 0) { sb_free(&sb); return VAL_NULL; }
    }
    return finish(&sb);
}

#define QP_MAXLINE 76

static int qp_put_hex(StrBuf *sb, unsigned c) {
    static const char digits[] = "0123456789ABCDEF";
    char h[3] = {'=', digits[c >> 4], digits[c & 15]};
    return sb_put(sb, h, 3);
}

static int qp_soft_break(StrBuf *sb, int crlf) {
    return sb_put(sb, crlf ? "=\r\n" : "=\n", crlf ? 3 : 2);
}

/* Must byte i be written as =XX? */
static int qp_needs_quote(const uint8_t *p, int64_t i, int64_t n, int64_t linelen,
                          int quotetabs, int istext, int header) {
    uint8_t c = p[i];
    if (c > 126 || c == '=' || (header && c == '_')) return 1;
    if (c == '.' && linelen == 0 && (i + 1 == n || p[i + 1] == '\n' || p[i + 1] == '\r' || p[i + 1] == 0))
        return 1;
    if (!istext && (c == '\r' || c == '\n')) return 1;
    if ((c == '\t' || c == ' ') && i + 1 == n) return 1;
    return c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' '));
}

static Value ba_b2a_qp(Value *args, int nargs, Value kwnames) {
    int quotetabs, istext, header;
    const uint8_t *p;
    int64_t n;
    if (bytes_view(args[0], &p, &n) < 0 || flag_arg(args[1], 0, &quotetabs) < 0 || flag_arg(args[2], 1, &istext) < 0
        || flag_arg(args[3], 0, &header) < 0 || bytes_view(args[0], &p, &n) < 0)
        return VAL_NULL;
    /* The line ends of the output are those of the first line of the input. */
    const uint8_t *nl = n ? memchr(p, '\n', (size_t)n) : NULL;
    int crlf = nl && nl > p && nl[-1] == '\r';
    StrBuf sb; sb_init(&sb);
    int64_t i = 0, linelen = 0;
    int rc = 0;
    while (i < n && rc == 0) {
        if (qp_needs_quote(p, i, n, linelen, quotetabs, istext, header)) {
            if (linelen + 3 >= QP_MAXLINE) { rc |= qp_soft_break(&sb, crlf); linelen = 0; }
            rc |= qp_put_hex(&sb, p[i++]);
            linelen += 3;
        } else if (istext && (p[i] == '\n' || (i + 1 < n && p[i] == '\r' && p[i + 1] == '\n'))) {
            linelen = 0;
            if (sb.len && (sb.data[sb.len - 1] == ' ' || sb.data[sb.len - 1] == '\t')) {
                unsigned ws = (unsigned char)sb.data[--sb.len];    /* no blank at a line's end */
                rc |= qp_put_hex(&sb, ws);
            }
            rc |= sb_put(&sb, crlf ? "\r\n" : "\n", crlf ? 2 : 1);
            i += p[i] == '\r' ? 2 : 1;
        } else {
            if (i + 1 != n && p[i + 1] != '\n' && linelen + 1 >= QP_MAXLINE) {
                rc |= qp_soft_break(&sb, crlf);
                linelen = 0;
            }
            linelen++;
            rc |= sb_putc(&sb, header && p[i] == ' ' ? '_' : (char)p[i]);
            i++;
        }
    }
    if (rc) { sb_free(&sb); return VAL_NULL; }
    return finish(&sb);
}

/* ---- hex ----------------------------------------------------------------------------- */

static Value ba_b2a_hex(Value *args, int nargs, Value kwnames) {
    const uint8_t *p;
    int64_t n;
    if (bytes_view(args[0], &p, &n) < 0) return VAL_NULL;
    return bytes_hex(p, n, args[1], args[2], 1);
}

static Value ba_a2b_hex(Value *args, int nargs, Value kwnames) {
    const uint8_t *p;
    int64_t n;
    if (ascii_data(args[0], &p, &n) < 0) return VAL_NULL;
    if (n % 2) return err_format(BA_ERROR, "Odd-length string");
    Bytes *b = bytes_alloc((size_t)(n / 2));
    if (!b) return VAL_NULL;
    for (int64_t i = 0; i < n; i += 2) {
        int hi = hex_digit(p[i]), lo = hex_digit(p[i + 1]);
        if (hi < 0 || lo < 0) return err_format(BA_ERROR, "Non-hexadecimal digit found");
        b->data[i / 2] = (uint8_t)(hi << 4 | lo);
    }
    return MK_OBJ(b);
}

/* ---- CRCs ---------------------------------------------------------------------------- */

static uint32_t crc32_table[256];
static uint16_t crc_hqx_table[256];

static void crc_tables_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;                          /* reflected, polynomial 0xEDB88320 */
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc32_table[i] = c;
        uint32_t h = i << 8;                     /* CCITT, polynomial 0x1021 */
        for (int k = 0; k < 8; k++) h = h & 0x8000 ? (h << 1) ^ 0x1021 : h << 1;
        crc_hqx_table[i] = (uint16_t)h;
    }
}

static Value ba_crc32(Value *args, int nargs, Value kwnames) {
    uint32_t crc = 0;
    const uint8_t *p;
    int64_t n;
    if (bytes_view(args[0], &p, &n) < 0 || (!IS_NULL(args[1]) && crc_arg(args[1], &crc) < 0)
        || bytes_view(args[0], &p, &n) < 0)
        return VAL_NULL;
    crc = ~crc;
    for (int64_t i = 0; i < n; i++) crc = crc32_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return int_from_u64(~crc);
}

static Value ba_crc_hqx(Value *args, int nargs, Value kwnames) {
    uint32_t crc;
    const uint8_t *p;
    int64_t n;
    if (bytes_view(args[0], &p, &n) < 0 || crc_arg(args[1], &crc) < 0 || bytes_view(args[0], &p, &n) < 0)
        return VAL_NULL;
    crc &= 0xffff;
    for (int64_t i = 0; i < n; i++) crc = ((crc << 8) & 0xff00) ^ crc_hqx_table[(crc >> 8) ^ p[i]];
    return MK_SMALLINT(crc);
}

/* ---- the module ---------------------------------------------------------------------- */

#define HEXLIFY_DOC "Hexadecimal representation of binary data.\n\n  sep\n    An optional single " \
    "character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators." \
    "  Positive values count from the\n    right, negative values count from the left.\n\nThe return " \
    "value is a bytes object.  This function is also\navailable as \"hexlify()\"."
#define UNHEXLIFY_DOC "Binary data of hexadecimal representation.\n\nhexstr must contain an even " \
    "number of hex digits (upper or lower case).\nThis function is also available as \"unhexlify()\"."

static const MethodDef mod_binascii_functions[] = {
    {"a2b_uu", ba_a2b_uu, ARGS_ONE, "Decode a line of uuencoded data.", "($module, data, /)"},
    {"b2a_uu", ba_b2a_uu, ARGS_KW, "Uuencode line of data.", "($module, data, /, *, backtick=False)"},
    {"a2b_base64", ba_a2b_base64, ARGS_KW, "Decode a line of base64 data.\n\n  strict_mode\n    "
     "When set to True, bytes that are not part of the base64 standard are not allowed.\n    "
     "The same applies to excess data after padding (= / ==).",
     "($module, data, /, *, strict_mode=False)"},
    {"b2a_base64", ba_b2a_base64, ARGS_KW, "Base64-code line of data.",
     "($module, data, /, *, newline=True)"},
    {"a2b_qp", ba_a2b_qp, ARGS_KW, "Decode a string of qp-encoded data.",
     "($module, /, data, header=False)"},
    {"b2a_qp", ba_b2a_qp, ARGS_KW, "Encode a string using quoted-printable encoding.\n\nOn "
     "encoding, when istext is set, newlines are not encoded, and white\nspace at end of lines is. "
     " When istext is not set, \\r and \\n (CR/LF)\nare both encoded.  When quotetabs is set, space "
     "and tabs are encoded.",
     "($module, /, data, quotetabs=False, istext=True, header=False)"},
    {"b2a_hex", ba_b2a_hex, ARGS_KW, HEXLIFY_DOC,
     "($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)"},
    {"hexlify", ba_b2a_hex, ARGS_KW, HEXLIFY_DOC,
     "($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)"},
    {"a2b_hex", ba_a2b_hex, ARGS_ONE, UNHEXLIFY_DOC, "($module, hexstr, /)"},
    {"unhexlify", ba_a2b_hex, ARGS_ONE, UNHEXLIFY_DOC, "($module, hexstr, /)"},
    {"crc_hqx", ba_crc_hqx, ARGS_POS(2, 2), "Compute CRC-CCITT incrementally.", "($module, data, crc, /)"},
    {"crc32", ba_crc32, ARGS_POS(1, 2), "Compute CRC-32 incrementally.", "($module, data, crc=0, /)"},
    {NULL, NULL, 0, NULL},
};

Value mod_binascii_init(void) {
    Value m = module_new_c("binascii");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (IS_NULL(binascii_error)) {
        gc_add_root(&binascii_error);
        gc_add_root(&binascii_incomplete);
        crc_tables_init();
        binascii_error = exc_new_class("binascii", "Error", &exc_ValueError);
        if (IS_NULL(binascii_error)) return VAL_NULL;
        binascii_incomplete = exc_new_class("binascii", "Incomplete", &exc_Exception);
        if (IS_NULL(binascii_incomplete)) return VAL_NULL;
    }
    dict_add_methods(d, mod_binascii_functions, m);
    if (dict_set_c(d, "__doc__", str_from_c("Conversion between binary data and ASCII")) < 0
        || dict_set_c(d, "Error", binascii_error) < 0 || dict_set_c(d, "Incomplete", binascii_incomplete) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
