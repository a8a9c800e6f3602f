/* dt_format.c - text in and out of the `_datetime` types: the packed
 * pickle states, ISO 8601 output, strftime, reprs' tails, and the parsing of
 * fromisoformat().
 *
 * strftime is CPython's wrap_strftime: %z, %Z and %f are replaced here (from
 * the object's tzinfo and microseconds), every other directive is passed
 * with the time tuple to time.strftime, so the C library's locale and
 * directives are the time module's.
 *
 * The ISO parsers reproduce CPython 3.11's C parser, quirks included: they
 * work on the UTF-8 bytes, read the NUL-terminated buffer of the str (a
 * date's parser may look at the separator after it, as CPython's does), and
 * report every malformed string the same way ("Invalid isoformat string"),
 * while out-of-range fields are left to the constructors' own messages. */
#include <stdio.h>
#include <string.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/strbuf.h"
#include "interp/import.h"
#include "stdlib/datetime.h"

/* ---- pickle states ----------------------------------------------------------------------- */

void dtf_pack_date(const DtDate *d, uint8_t out[4]) {
    out[0] = (uint8_t)(d->year >> 8);
    out[1] = (uint8_t)(d->year & 0xff);
    out[2] = d->month;
    out[3] = d->day;
}

void dtf_pack_clock(const DtClock *c, uint8_t out[6], int with_fold) {
    out[0] = (uint8_t)(c->hour | (with_fold && c->fold ? 128 : 0));
    out[1] = c->minute;
    out[2] = c->second;
    out[3] = (uint8_t)(c->us >> 16);
    out[4] = (uint8_t)((c->us >> 8) & 0xff);
    out[5] = (uint8_t)(c->us & 0xff);
}

/* ---- ISO 8601 output ----------------------------------------------------------------------- */

int dtf_offset(void *sbp, Value offset, const char *sep) {
    StrBuf *sb = sbp;
    const DtDelta *d = TD(offset);
    int64_t total = ((int64_t)d->days * 86400 + d->seconds) * 1000000 + d->us;
    char sign = total < 0 ? '-' : '+';
    if (total < 0) total = -total;
    int us = (int)(total % 1000000), secs = (int)(total / 1000000);
    int hh = secs / 3600, mm = secs / 60 % 60, ss = secs % 60;
    if (us) return sb_printf(sb, "%c%02d%s%02d%s%02d.%06d", sign, hh, sep, mm, sep, ss, us);
    if (ss) return sb_printf(sb, "%c%02d%s%02d%s%02d", sign, hh, sep, mm, sep, ss);
    return sb_printf(sb, "%c%02d%s%02d", sign, hh, sep, mm);
}

int dtf_clock_iso(void *sbp, const DtClock *c, Value timespec, Value tzarg) {
    StrBuf *sb = sbp;
    static const char *const specs[] = {"auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"};
    int k = 0;
    if (!IS_NULL(timespec)) {
        while (k < 6 && !str_eq_c(timespec, specs[k])) k++;
        if (k == 6) {
            err_format(&exc_ValueError, "Unknown timespec value");
            return -1;
        }
    }
    if (k == 0) k = c->us ? 5 : 3;
    switch (k) {
    case 1: sb_printf(sb, "%02d", c->hour); break;
    case 2: sb_printf(sb, "%02d:%02d", c->hour, c->minute); break;
    case 3: sb_printf(sb, "%02d:%02d:%02d", c->hour, c->minute, c->second); break;
    case 4: sb_printf(sb, "%02d:%02d:%02d.%03d", c->hour, c->minute, c->second, c->us / 1000); break;
    default: sb_printf(sb, "%02d:%02d:%02d.%06d", c->hour, c->minute, c->second, c->us); break;
    }
    if (IS_NONE(c->tzinfo)) return 0;
    Value off = tz_call_utcoffset(c->tzinfo, tzarg);
    if (IS_NULL(off)) return -1;
    return IS_NONE(off) ? 0 : dtf_offset(sb, off, ":");
}

/* The keywords a repr ends with: tzinfo then fold for a time, fold first for a datetime. */
Value dtf_repr_tail(Value head, const DtClock *c, int fold_first) {
    Value r = head;
    for (int k = 0; k < 2 && !IS_NULL(r); k++) {
        int fold = (k == 0) == (fold_first != 0);
        if (fold ? !c->fold : IS_NONE(c->tzinfo)) continue;
        Value cut = str_slice(r, 0, AS_STR(r)->nchars - 1, 1);
        if (IS_NULL(cut)) return VAL_NULL;
        r = fold ? str_format_c("%U, fold=1)", cut) : str_format_c("%U, tzinfo=%R)", cut, c->tzinfo);
    }
    return r;
}

/* ---- strftime ---------------------------------------------------------------------------------- */

/* %z's or %Z's replacement (VAL_NULL on error). */
static Value dtf_zone_part(char which, Value tz, Value tzarg) {
    if (IS_NONE(tz)) return str_empty();
    if (which == 'Z') {
        Value name = tz_call_tzname(tz, tzarg);
        if (IS_NULL(name) || IS_NONE(name)) return IS_NULL(name) ? VAL_NULL : str_empty();
        Value r = obj_call_method(name, "replace", (Value[]){str_from_c("%"), str_from_c("%%")}, 2);
        if (IS_NULL(r) || IS_STR(r)) return r;
        return err_format(&exc_TypeError, "tzname.replace() did not return a string");
    }
    Value off = tz_call_utcoffset(tz, tzarg);
    if (IS_NULL(off) || IS_NONE(off)) return IS_NULL(off) ? VAL_NULL : str_empty();
    StrBuf sb;
    sb_init(&sb);
    if (dtf_offset(&sb, off, "") < 0) {
        sb_free(&sb);
        return VAL_NULL;
    }
    return sb_finish_str(&sb);
}

static Value dtf_time_strftime = VAL_NULL;    /* time.strftime */

Value dtf_strftime(Value fmt, Value timetuple, Value tz, Value tzarg, int us) {
    const char *p = STR_DATA(fmt);
    size_t n = (size_t)STR_LEN(fmt);
    Value zpart = VAL_NULL, Zpart = VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (p[i] != '%' || i + 1 == n) {
            sb_putc(&sb, p[i]);
            continue;
        }
        char ch = p[++i];
        if (ch == 'f') {
            sb_printf(&sb, "%06d", us);
        } else if (ch == 'z' || ch == 'Z') {
            Value *part = ch == 'z' ? &zpart : &Zpart;
            if (IS_NULL(*part)) *part = dtf_zone_part(ch, tz, tzarg);
            if (IS_NULL(*part)) {
                sb_free(&sb);
                return VAL_NULL;
            }
            sb_put_value_str(&sb, *part);
        } else {
            sb_putc(&sb, '%');
            sb_putc(&sb, ch);
        }
    }
    Value newfmt = sb_finish_str(&sb);
    if (IS_NULL(newfmt)) return VAL_NULL;
    if (str_has_surrogates(newfmt) && IS_NULL(str_encode(newfmt, "utf-8", "strict"))) return VAL_NULL;
    if (IS_NULL(dtf_time_strftime)) {
        Value tmod = import_module_c("time");
        Value f = IS_NULL(tmod) ? VAL_NULL : obj_getattr_c(tmod, "strftime");
        if (IS_NULL(f)) return VAL_NULL;
        dtf_time_strftime = f;
        gc_add_root(&dtf_time_strftime);
    }
    return call2(dtf_time_strftime, newfmt, timetuple);
}

Value dtf_format_m(Value self, Value spec) {
    if (!IS_STR(spec)) return err_format(&exc_TypeError, "__format__() argument 1 must be str, not %N", spec);
    if (STR_LEN(spec) == 0) return obj_str(self);
    return obj_call_method(self, "strftime", &spec, 1);
}

/* ---- fromisoformat ------------------------------------------------------------------------------- */

Value dtf_invalid_iso(Value s) {
    return err_format(&exc_ValueError, "Invalid isoformat string: %R", s);
}

static int dtf_is_digit(char c) { return c >= '0' && c <= '9'; }

/* n digits at p into *out; NULL when one is not a digit. */
static const char *dtf_digits(const char *p, int *out, int n) {
    *out = 0;
    for (int i = 0; i < n; i++, p++) {
        if (!dtf_is_digit(*p)) return NULL;
        *out = *out * 10 + (*p - '0');
    }
    return p;
}

/* YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]: 0, or <0 when malformed. */
int dtf_parse_date(const char *s, size_t len, int *y, int *m, int *d) {
    const char *p = dtf_digits(s, y, 4);
    if (!p) return -1;
    int sep = *p == '-';
    p += sep;
    if (*p == 'W') {
        int week, day = 1;
        p = dtf_digits(p + 1, &week, 2);
        if (!p) return -3;
        if ((size_t)(p - s) < len) {
            if (sep && *p++ != '-') return -2;
            if (!(p = dtf_digits(p, &day, 1))) return -4;
        }
        int rv = dtc_iso_to_ymd(*y, week, day, y, m, d);
        return rv ? rv - 3 : 0;
    }
    if (!(p = dtf_digits(p, m, 2))) return -1;
    if (sep && *p++ != '-') return -2;
    return dtf_digits(p, d, 2) ? 0 : -1;
}

/* Where the date of a datetime string ends (CPython's guess among the
 * ISO forms); -1 when no form fits. */
int64_t dtf_datetime_sep(const char *s, size_t len) {
    if (len == 7) return 7;
    if (s[4] == '-') {
        if (s[5] != 'W') return 10;
        if (len < 8) return -1;
        if (len > 8 && s[8] == '-') {
            if (len == 9) return -1;
            return len > 10 && dtf_is_digit(s[10]) ? 8 : 10;
        }
        return 8;
    }
    if (s[4] != 'W') return 8;
    size_t i = 7;
    while (i < len && dtf_is_digit(s[i])) i++;
    if (i < 9) return (int64_t)i;
    return i % 2 == 0 ? 7 : 8;
}

/* HH[:MM[:SS[.f+]]] (or without the colons) up to end: <0 malformed, else
 * whether anything but the end of the buffer follows. */
static int dtf_hms(const char *p, const char *end, int *hh, int *mm, int *ss, int *us) {
    int *vals[3] = {hh, mm, ss};
    int sep = 1;
    *hh = *mm = *ss = *us = 0;
    for (int i = 0; i < 3; i++) {
        if (!(p = dtf_digits(p, vals[i], 2))) return -3;
        char c = *p++;
        if (i == 0) sep = c == ':';
        if (p >= end) return c != '\0';
        if (sep && c == ':') continue;
        if (c == '.' || c == ',') break;
        if (sep) return -4;
        p--;
    }
    static const int scale[6] = {100000, 10000, 1000, 100, 10, 1};
    size_t n = (size_t)(end - p);
    if (n > 6) n = 6;
    if (n == 0 || !(p = dtf_digits(p, us, (int)n))) return -3;
    *us *= scale[n - 1];
    while (dtf_is_digit(*p)) p++;
    return *p != '\0';
}

/* A time with an optional zone: 0 naive, 1 with a zone (*tzsec, *tzus), <0 malformed. */
int dtf_parse_time(const char *s, size_t len, int *hh, int *mm, int *ss, int *us, int *tzsec, int *tzus) {
    const char *end = s + len, *tzp = s;
    do {
        if (*tzp == 'Z' || *tzp == '+' || *tzp == '-') break;
    } while (++tzp < end);
    int rv = dtf_hms(s, tzp, hh, mm, ss, us);
    if (rv < 0) return rv;
    if (tzp >= end) return rv == 1 ? -5 : 0;
    if (*tzp == 'Z') {
        *tzsec = *tzus = 0;
        return tzp[1] != '\0' ? -5 : 1;
    }
    int sign = *tzp == '-' ? -1 : 1, th, tm, ts;
    rv = dtf_hms(tzp + 1, end, &th, &tm, &ts, tzus);
    *tzsec = sign * (th * 3600 + tm * 60 + ts);
    *tzus *= sign;
    return rv ? -5 : 1;
}

Value dtf_tz_from_parse(int rv, int tzsec, int tzus) {
    if (rv != 1) return VAL_NONE;
    if (tzsec == 0) return tz_utc;
    Value delta = td_new(0, tzsec, tzus);
    return IS_NULL(delta) ? VAL_NULL : tz_timezone_new(delta, VAL_NULL);
}
