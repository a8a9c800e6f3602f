/* _ctypes_test.c - the C functions CPython's ctypes tests call.
 *
 * CPython's test_ctypes loads a shared library named by `_ctypes_test.__file__`
 * and calls functions in it with known answers: tf_X(x) returns x / 3 and
 * records its argument in last_tf_arg_s / last_tf_arg_u, the _testfunc_*
 * family sums or echoes its arguments, pass structures by value, calls
 * callbacks, and so on.  This is gilpy's own library with the behaviour
 * those tests expect of each name (worked out from the tests), built by
 * meson as build/_ctypes_test.so; `import _ctypes_test` (stdlib/
 * mod_ctypes_test.c) names it as the module's __file__.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define EXPORT __attribute__((visibility("default")))

/* ---- tf_*: x / 3, with the argument recorded ---------------------------------------------- */

EXPORT long long last_tf_arg_s;
EXPORT unsigned long long last_tf_arg_u;

#define TF_SIGNED(NAME, T)                                                            \
    EXPORT T tf_##NAME(T c) { last_tf_arg_s = (long long)c; return c / 3; }           \
    EXPORT T tf_b##NAME(signed char x, T c) { (void)x; last_tf_arg_s = (long long)c; return c / 3; }
#define TF_UNSIGNED(NAME, T)                                                          \
    EXPORT T tf_##NAME(T c) { last_tf_arg_u = (unsigned long long)c; return c / 3; }  \
    EXPORT T tf_b##NAME(signed char x, T c) { (void)x; last_tf_arg_u = (unsigned long long)c; return c / 3; }

TF_SIGNED(b, signed char)
TF_UNSIGNED(B, unsigned char)
TF_SIGNED(h, short)
TF_UNSIGNED(H, unsigned short)
TF_SIGNED(i, int)
TF_UNSIGNED(I, unsigned int)
TF_SIGNED(l, long)
TF_UNSIGNED(L, unsigned long)
TF_SIGNED(q, long long)
TF_UNSIGNED(Q, unsigned long long)
TF_SIGNED(f, float)
TF_SIGNED(d, double)
TF_SIGNED(D, long double)

EXPORT void tv_i(int c) { last_tf_arg_s = c; }

/* ---- sums of mixed arguments ------------------------------------------------------------------ */

EXPORT int _testfunc_i_bhilfd(signed char b, short h, int i, long l, float f, double d) {
    return (int)(b + h + i + l + f + d);
}

EXPORT float _testfunc_f_bhilfd(signed char b, short h, int i, long l, float f, double d) {
    return (float)(b + h + i + l + f + d);
}

EXPORT double _testfunc_d_bhilfd(signed char b, short h, int i, long l, float f, double d) {
    return b + h + i + l + f + d;
}

EXPORT long double _testfunc_D_bhilfD(signed char b, short h, int i, long l, float f, long double d) {
    return b + h + i + l + f + d;
}

EXPORT long long _testfunc_q_bhilfd(signed char b, short h, int i, long l, float f, double d) {
    return (long long)(b + h + i + l + f + d);
}

EXPORT long long _testfunc_q_bhilfdq(signed char b, short h, int i, long l, float f, double d, long long q) {
    return (long long)(b + h + i + l + f + d + q);
}

EXPORT void _testfunc_v(int a, int b, int *presult) { *presult = a + b; }

/* ---- pointers ----------------------------------------------------------------------------------- */

EXPORT void *_testfunc_p_p(void *s) { return s; }
EXPORT char *_testfunc_c_p_p(int *argcp, char **argv) { return argv[*argcp - 1]; }
EXPORT int *_testfunc_ai8(int a[8]) { return a; }

EXPORT int an_integer = 42;
EXPORT int get_an_integer(void) { return an_integer; }

EXPORT char *my_strtok(char *token, const char *delim) { return strtok(token, delim); }
EXPORT char *my_strchr(const char *s, int c) { return strchr(s, c); }
EXPORT double my_sqrt(double a) { return sqrt(a); }
EXPORT char *my_strdup(const char *src) { return strdup(src); }
EXPORT void my_free(void *p) { free(p); }
EXPORT size_t my_wcslen(const wchar_t *src) { return wcslen(src); }

EXPORT wchar_t *my_wcsdup(const wchar_t *src) {
    size_t n = wcslen(src) + 1;
    wchar_t *p = malloc(n * sizeof(wchar_t));
    if (p) memcpy(p, src, n * sizeof(wchar_t));
    return p;
}

EXPORT void my_qsort(void *base, size_t num, size_t width, int (*compare)(const void *, const void *)) {
    qsort(base, num, width, compare);
}

EXPORT void *get_strchr(void) { return (void *)strchr; }

/* ---- callbacks --------------------------------------------------------------------------------- */

EXPORT int _testfunc_callback_i_if(int value, int (*func)(int)) {
    int sum = 0;
    for (; value != 0; value /= 2) sum += func(value);
    return sum;
}

EXPORT long long _testfunc_callback_q_qf(long long value, long long (*func)(long long)) {
    long long sum = 0;
    for (; value != 0; value /= 2) sum += func(value);
    return sum;
}

EXPORT int _testfunc_callback_with_pointer(int (*func)(int *)) {
    static int table[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    return func(table);
}

EXPORT int _testfunc_cbk_reg_int(int a, int b, int c, int d, int e, int (*func)(int, int, int, int, int)) {
    return func(a * a, b * b, c * c, d * d, e * e);
}

EXPORT double _testfunc_cbk_reg_double(double a, double b, double c, double d, double e,
                                       double (*func)(double, double, double, double, double)) {
    return func(a * a, b * b, c * c, d * d, e * e);
}

/* the midpoint rule over nstep steps */
EXPORT double integrate(double a, double b, double (*f)(double), long nstep) {
    double dx = (b - a) / (double)nstep, sum = 0.0;
    for (long k = 0; k < nstep; k++) sum += f(a + (k + 0.5) * dx);
    return sum * dx;
}

/* ---- structures by value -------------------------------------------------------------------------- */

typedef struct { int x, y; } Point;
typedef struct { short x, y; } S2H;
typedef struct { int a, b, c, d, e, f, g, h; } S8I;
typedef struct { unsigned long first, second, third; } Large;
typedef struct { unsigned int first, second; } Reg;
typedef struct { unsigned char data[16]; } Bytes16;
typedef struct { double data[2]; } Doubles2;
typedef struct { float data[2], more_data[2]; } Floats4;

EXPORT int _testfunc_byval(Point in, Point *pout) {
    if (pout) *pout = in;
    return in.x + in.y;
}

EXPORT S2H ret_2h_func(S2H in) {
    in.x *= 2;
    in.y *= 3;
    return in;
}

EXPORT S8I ret_8i_func(S8I in) {
    in.a *= 2; in.b *= 3; in.c *= 4; in.d *= 5;
    in.e *= 6; in.f *= 7; in.g *= 8; in.h *= 9;
    return in;
}

/* Changing a structure received by value must not change the caller's. */
EXPORT void _testfunc_large_struct_update_value(Large in) {
    volatile Large *p = &in;
    p->first = p->second = p->third = 0x0badf00d;
}

EXPORT Reg last_tfrsuv_arg;

EXPORT void _testfunc_reg_struct_update_value(Reg in) {
    last_tfrsuv_arg = in;
    volatile Reg *p = &in;
    p->first = p->second = 0x0badf00d;
}

EXPORT void _testfunc_cbk_large_struct(Large in, void (*func)(Large)) { func(in); }

EXPORT int _testfunc_array_in_struct1(Bytes16 in) {
    int sum = 0;
    for (int i = 0; i < 16; i++) sum += in.data[i];
    volatile Bytes16 *p = &in;
    memset((void *)p->data, 0, sizeof p->data);
    return sum;
}

EXPORT double _testfunc_array_in_struct2(Doubles2 in) {
    double sum = in.data[0] + in.data[1];
    volatile Doubles2 *p = &in;
    p->data[0] = p->data[1] = 0;
    return sum;
}

EXPORT double _testfunc_array_in_struct2a(Floats4 in) {
    double sum = (double)in.data[0] + in.data[1] + in.more_data[0] + in.more_data[1];
    volatile Floats4 *p = &in;
    p->data[0] = p->more_data[0] = 0;
    return sum;
}

/* Rectangles: globals the tests read with in_dll, and functions taking and
 * returning them by value; a wrongly passed argument zeroes the result. */
typedef struct { long x, y; } LPoint;
typedef struct { long left, top, right, bottom; } Rect;

EXPORT long left = 10, top = 20, right = 30, bottom = 40;

EXPORT int PointInRect(Rect *r, LPoint pt) {
    return pt.x >= r->left && pt.x <= r->right && pt.y >= r->top && pt.y <= r->bottom;
}

EXPORT Rect ReturnRect(int i, Rect ar, Rect *br, LPoint cp, Rect dr, Rect *er, LPoint fp, Rect gr) {
    Rect all[5] = {ar, *br, dr, *er, gr};
    Rect r = all[i % 5];
    int ok = PointInRect(&ar, cp) && PointInRect(br, cp) && PointInRect(&dr, fp) && PointInRect(er, fp) &&
             PointInRect(&gr, cp);
    if (!ok) r.left = r.top = r.right = r.bottom = 0;
    return r;
}

/* ---- bit fields ---------------------------------------------------------------------------------------- */

struct Bits {
    signed int A : 1, B : 2, C : 3, D : 4, E : 5, F : 6, G : 7, H : 8, I : 9;
    signed short M : 1, N : 2, O : 3, P : 4, Q : 5, R : 6, S : 7;
};

EXPORT long long unpack_bitfields(struct Bits *b, char name) {
    switch (name) {
    case 'A': return b->A; case 'B': return b->B; case 'C': return b->C;
    case 'D': return b->D; case 'E': return b->E; case 'F': return b->F;
    case 'G': return b->G; case 'H': return b->H; case 'I': return b->I;
    case 'M': return b->M; case 'N': return b->N; case 'O': return b->O;
    case 'P': return b->P; case 'Q': return b->Q; case 'R': return b->R;
    case 'S': return b->S;
    default: return 999;
    }
}
